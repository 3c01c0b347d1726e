import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, units, users } from './accounts';
import { projects } from './funding';
import { studios } from './registry';

// The life of a recognised studio and its construction projects after the decision (issue 7):
// execution, closure and assessment, fund use, annual reports, changes and revocation.

/**
 * A milestone of a project, taken from the 计划书's 进度安排 (京兴人社发〔2025〕21号 第十二条: 严格按照建设项目计划书执行).
 * `status`: pending | done.
 */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** What the plan says happens in this step. */
    description: text('description'),
    startsOn: date('starts_on', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('project_milestones_position_key').on(t.projectId, t.position)],
);

/**
 * What the unit reports while a project runs: a progress update with evidence, or a situation report (情况说明)
 * when the project cannot finish in time (第十二条). `kind`: progress | situation.
 */
export const projectUpdates = pgTable(
  'project_updates',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').notNull(),
    milestoneId: text('milestone_id').references(() => projectMilestones.id),
    /** The calendar day the reported work happened (or the report is dated). */
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    body: text('body').notNull(),
    /** For a situation report: the new finishing date the unit asks for. */
    proposedEndOn: date('proposed_end_on', { mode: 'string' }),
    /** Evidence files (ids of `files`). */
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    /** The officer's acknowledgement of a situation report: acknowledged | accepted | rejected, with a comment. */
    officerResponse: text('officer_response'),
    officerComment: text('officer_comment'),
    respondedBy: text('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('project_updates_project_idx').on(t.projectId, t.reportedOn)],
);

/**
 * The closure report (结项报告) of a project, versioned: a returned report is answered by a new version.
 * `deliverables`: one entry per 成果 / 预期目标 of the plan, matched one by one, each with what was achieved,
 * when (inside the project period) and its evidence. `status`: submitted | returned | assessed.
 */
export const projectClosures = pgTable(
  'project_closures',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    version: integer('version').notNull(),
    summary: text('summary').notNull(),
    deliverables: jsonb('deliverables')
      .$type<{ planItem: string; source: 'outcome' | 'goal'; achieved: string; achievedOn?: string; met: boolean; fileIds: string[] }[]>()
      .notNull(),
    status: text('status').notNull(),
    submittedBy: text('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** Submitted after the call's closing date (大兴 2026: 10月底前完成结项). */
    late: boolean('late').notNull().default(false),
  },
  (t) => [uniqueIndex('project_closures_version_key').on(t.projectId, t.version)],
);

/**
 * The closure assessment (结项评估) by the officer with the experts' opinions: passed | failed | partly, with
 * reasons per deliverable. A pass makes the approved amount due (第十四条: 结项评估通过后拨付).
 */
export const projectAssessments = pgTable(
  'project_assessments',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    closureId: text('closure_id')
      .notNull()
      .references(() => projectClosures.id),
    outcome: text('outcome').notNull(),
    reasons: text('reasons').notNull(),
    /** Per deliverable: accepted or not, with a comment. */
    items: jsonb('items').$type<{ planItem: string; accepted: boolean; comment?: string }[]>().notNull().default([]),
    /** Experts consulted, with their opinions (names as the officer records them). */
    expertOpinions: jsonb('expert_opinions').$type<{ expert: string; opinion: string }[]>().notNull().default([]),
    /** The amount to pay after the assessment (≤ the approved amount; a partly-passed project may get less). */
    payableAmount: integer('payable_amount'),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    assessedBy: text('assessed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('project_assessments_closure_key').on(t.closureId), index('project_assessments_project_idx').on(t.projectId)],
);

/**
 * Spending recorded by the unit against a budget line of the plan's 经费计划 and a category of 京兴人社发〔2025〕21号
 * 第十五条 (设备设施更新, 技术技能创新研发, 交流推广, 人才培训).
 */
export const fundExpenditures = pgTable(
  'fund_expenditures',
  {
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    studioId: text('studio_id').references(() => studios.id),
    projectId: text('project_id').references(() => projects.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    /** The budget line of the plan (its 经费计划 row), as written there. */
    budgetLine: text('budget_line').notNull(),
    /** equipment | research | exchange | training (第十五条). */
    category: text('category').notNull(),
    amount: integer('amount').notNull(),
    spentOn: date('spent_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    voucherNumber: text('voucher_number'),
    isFixedAsset: boolean('is_fixed_asset').notNull().default(false),
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('fund_expenditures_project_idx').on(t.projectId, t.spentOn), index('fund_expenditures_studio_idx').on(t.studioId, t.spentOn)],
);

/** The fixed-asset register (固定资产登记) entry of a purchase (第十五条: 按照固定资产财务管理办法登记造册). */
export const fixedAssets = pgTable(
  'fixed_assets',
  {
    id: text('id').primaryKey(),
    expenditureId: text('expenditure_id')
      .notNull()
      .references(() => fundExpenditures.id),
    jurisdictionId: text('jurisdiction_id').notNull(),
    studioId: text('studio_id').references(() => studios.id),
    unitId: text('unit_id').notNull(),
    /** The unit's asset number, unique within the unit. */
    assetNumber: text('asset_number').notNull(),
    name: text('name').notNull(),
    model: text('model'),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    location: text('location'),
    custodian: text('custodian'),
    acquiredOn: date('acquired_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('fixed_assets_number_key').on(t.unitId, t.assetNumber), index('fixed_assets_studio_idx').on(t.studioId)],
);

/**
 * A studio's annual report (年度工作总结及下一年度工作计划; 大兴 第十九条（三）by the end of December; 顺义 第十三条 with
 * person-times of skill improvement, ≥ 100 a year). One per studio and year.
 * `status`: draft | submitted | accepted | returned.
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: text('id').primaryKey(),
    studioId: text('studio_id')
      .notNull()
      .references(() => studios.id),
    jurisdictionId: text('jurisdiction_id').notNull(),
    editionId: text('edition_id').notNull(),
    year: integer('year').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull().default(''),
    nextYearPlan: text('next_year_plan').notNull().default(''),
    /** Person-times of skill improvement and innovation in the year (顺义 第十三条). */
    personTimes: integer('person_times'),
    /** Other figures the report gives (trainees, patents, competitions …). */
    figures: jsonb('figures').$type<Record<string, number>>().notNull().default({}),
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    status: text('status').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by').references(() => users.id),
    late: boolean('late').notNull().default(false),
    reviewComment: text('review_comment'),
    reviewedBy: text('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('annual_reports_studio_year_key').on(t.studioId, t.year), index('annual_reports_jurisdiction_idx').on(t.jurisdictionId, t.year, t.status)],
);

/**
 * A change request (变更申请, 大兴 第十七条 / 顺义 第十四条) of a studio: `kind` is the edition's ChangeRule kind
 * (leader-unable | leader-replaced | leader-retirement-extension | unit-renamed | unit-moved).
 * `status`: submitted | approved | rejected | withdrawn.
 */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: text('id').primaryKey(),
    studioId: text('studio_id')
      .notNull()
      .references(() => studios.id),
    jurisdictionId: text('jurisdiction_id').notNull(),
    editionId: text('edition_id').notNull(),
    ruleId: text('rule_id').notNull(),
    kind: text('kind').notNull(),
    citation: text('citation').notNull(),
    /** The record before the change and what the unit asks for (leader, unit name, address …). */
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    requested: jsonb('requested').$type<Record<string, unknown>>().notNull(),
    reason: text('reason').notNull(),
    /** The day the event happened (retirement, move, renaming). */
    effectiveOn: date('effective_on', { mode: 'string' }),
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    status: text('status').notNull(),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    submittedBy: text('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('change_requests_studio_idx').on(t.studioId, t.submittedAt), index('change_requests_jurisdiction_idx').on(t.jurisdictionId, t.status)],
);

/**
 * The studio's record over time: every change of leader, unit name, address, title, status, with the rule that
 * allowed it. Never updated, only appended.
 */
export const studioHistory = pgTable(
  'studio_history',
  {
    id: text('id').primaryKey(),
    studioId: text('studio_id')
      .notNull()
      .references(() => studios.id),
    /** recognised | title | leader | unit-name | address | status | revoked | … */
    kind: text('kind').notNull(),
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    citation: text('citation'),
    note: text('note'),
    changeRequestId: text('change_request_id').references(() => changeRequests.id),
    revocationCaseId: text('revocation_case_id'),
    actorId: text('actor_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('studio_history_studio_idx').on(t.studioId, t.happenedOn)],
);

/**
 * A revocation case (取消称号, 大兴 第十八条): raised by the daily check when a trigger holds, or by an officer's
 * recorded finding; the officer decides. At most one open case per studio and trigger (the daily check is
 * idempotent). `status`: open | revoked | dismissed. `raisedBy`: system | officer.
 */
export const revocationCases = pgTable(
  'revocation_cases',
  {
    id: text('id').primaryKey(),
    studioId: text('studio_id')
      .notNull()
      .references(() => studios.id),
    jurisdictionId: text('jurisdiction_id').notNull(),
    editionId: text('edition_id').notNull(),
    triggerId: text('trigger_id').notNull(),
    citation: text('citation').notNull(),
    /** The facts that hold, in words and figures (dates, years, counts). */
    facts: jsonb('facts').$type<{ summary: string; details: Record<string, unknown> }>().notNull(),
    raisedBy: text('raised_by').notNull(),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    raisedByUser: text('raised_by_user').references(() => users.id),
    status: text('status').notNull(),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The decision document (e.g. 京兴人社发〔2027〕… 关于取消…称号的通知). */
    decisionDocument: text('decision_document'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('revocation_cases_open_key').on(t.studioId, t.triggerId).where(sql`status = 'open'`),
    index('revocation_cases_jurisdiction_idx').on(t.jurisdictionId, t.status),
  ],
);

/**
 * One run of a daily job (deadlines, annual-report reminders, revocation triggers) for one calendar day in
 * Beijing: the unique key makes the job run once per day across all app instances.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    runOn: date('run_on', { mode: 'string' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** What the run did (cases raised, reminders sent …). */
    result: jsonb('result').$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex('job_runs_key').on(t.job, t.runOn)],
);

/** A reminder sent for an obligation (e.g. the annual report 30 and 7 days before it is due), once each. */
export const obligationReminders = pgTable(
  'obligation_reminders',
  {
    id: text('id').primaryKey(),
    studioId: text('studio_id')
      .notNull()
      .references(() => studios.id),
    obligationId: text('obligation_id').notNull(),
    /** The period the obligation is for, e.g. the report's year. */
    period: text('period').notNull(),
    /** before-30 | before-7 | overdue … */
    kind: text('kind').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('obligation_reminders_key').on(t.studioId, t.obligationId, t.period, t.kind)],
);

