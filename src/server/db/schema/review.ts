import { bigserial, boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { applications, calls } from './intake';

/**
 * Review (issue 5): the officers' and experts' half of the procedure. Application status changes go through
 * src/server/workflow/review.ts; these tables hold what each stage decided.
 */

/**
 * One verdict on one item of an application at a desk stage: completeness check (初审), substantive review
 * (实质审核, 经开区) or paper receipt (线下受理). Kept per correction round, so a resubmission comes back to the same
 * desk with the previous round's verdicts.
 */
export const reviewVerdicts = pgTable(
  'review_verdicts',
  {
    id: text('id').primaryKey(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    /** The edition stage id: completeness-check | substantive-review | paper-intake. */
    stage: text('stage').notNull(),
    /** applications.round when the verdict was given (0 before the first 补正). */
    round: integer('round').notNull(),
    itemKind: text('item_kind').notNull(), // form | material | paper
    itemId: text('item_id').notNull(),
    verdict: text('verdict').notNull(), // ok | missing | incorrect
    comment: text('comment'),
    checkedBy: text('checked_by').references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('review_verdicts_item_key').on(t.applicationId, t.stage, t.round, t.itemKind, t.itemId)],
);

/** The window's record of a paper dossier (经开区 线下受理): which printed copy was compared, and the outcome. */
export const paperReceipts = pgTable(
  'paper_receipts',
  {
    id: text('id').primaryKey(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    round: integer('round').notNull(),
    /** received: matches the online filing; to-correct: told on the spot what to fix. */
    outcome: text('outcome').notNull(),
    /** The verification code printed in the dossier's watermark (identifies the download: number and time). */
    watermarkCode: text('watermark_code'),
    items: jsonb('items').$type<{ id: string; comment: string }[]>().notNull().default([]),
    comment: text('comment'),
    recordedBy: text('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('paper_receipts_app_idx').on(t.applicationId, t.recordedAt)],
);

/** The expert pool (评审专家库) of a jurisdiction, with fields of expertise and former employers for avoidance. */
export const experts = pgTable(
  'experts',
  {
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id').notNull(),
    /** The expert's sign-in account (role expert); null for a pool member not yet given one. */
    userId: text('user_id').references(() => users.id),
    name: text('name').notNull(),
    /** Current employer and its 统一社会信用代码 (same-unit avoidance). */
    employer: text('employer').notNull(),
    employerCreditCode: text('employer_credit_code'),
    title: text('title'), // 职称 / 技能等级
    phone: text('phone'),
    /** Fields of expertise, e.g. 数控加工, 焊接, 汽车维修, 中式烹调. */
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    formerEmployers: jsonb('former_employers').$type<{ name: string; creditCode?: string; until: string }[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('experts_user_key').on(t.jurisdictionId, t.userId), index('experts_jurisdiction_idx').on(t.jurisdictionId, t.active)],
);

/**
 * A random draw of a call's panel, recorded so the inspector can reproduce it: the seed, the candidates in
 * the order the algorithm saw them, who was excluded and why, who was drawn.
 */
export const panelDraws = pgTable(
  'panel_draws',
  {
    id: text('id').primaryKey(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    algorithm: text('algorithm').notNull(),
    seed: text('seed').notNull(),
    size: integer('size').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    candidates: jsonb('candidates').$type<string[]>().notNull(),
    excluded: jsonb('excluded').$type<{ expertId: string; reason: string }[]>().notNull(),
    drawn: jsonb('drawn').$type<string[]>().notNull(),
    drawnBy: text('drawn_by').references(() => users.id),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('panel_draws_call_idx').on(t.callId, t.drawnAt)],
);

/** The experts of a call's panel. */
export const panelMembers = pgTable(
  'panel_members',
  {
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    expertId: text('expert_id')
      .notNull()
      .references(() => experts.id),
    drawId: text('draw_id').references(() => panelDraws.id),
    status: text('status').notNull().default('active'), // active | removed
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.expertId] })],
);

/**
 * An application assigned to an expert. The expert declares conflicts of interest before seeing it:
 * pending → accepted (no conflict) → submitted; or pending → conflict (re-assigned, see replacedBy);
 * withdrawn when the officer takes it back.
 */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: text('id').primaryKey(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    expertId: text('expert_id')
      .notNull()
      .references(() => experts.id),
    status: text('status').notNull(),
    assignedBy: text('assigned_by').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }),
    /** The declared conflict: same-unit | former-employer | relative | other, with the expert's note. */
    conflict: jsonb('conflict').$type<{ kind: string; note?: string }>(),
    replacedBy: text('replaced_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('review_assignments_app_expert_key').on(t.applicationId, t.expertId),
    index('review_assignments_expert_idx').on(t.expertId, t.status),
    index('review_assignments_call_idx').on(t.callId, t.status),
  ],
);

/** An expert's score sheet for one assignment: a draft until submitted, then fixed. */
export const reviewScores = pgTable('review_scores', {
  assignmentId: text('assignment_id')
    .primaryKey()
    .references(() => reviewAssignments.id),
  /** Points per rubric criterion id. */
  criteria: jsonb('criteria').$type<Record<string, number>>().notNull(),
  /** Comments per criterion id (mandatory for extreme scores). */
  comments: jsonb('comments').$type<Record<string, string>>().notNull().default({}),
  overallComment: text('overall_comment'),
  /** Weighted total on a 0–100 scale. */
  total: doublePrecision('total'),
  status: text('status').notNull(), // draft | submitted
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
});

/** The officer's proposed list of a call (拟定名单), bounded by the quota; submitted once the ranking is settled. */
export const proposals = pgTable(
  'proposals',
  {
    id: text('id').primaryKey(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    status: text('status').notNull(), // draft | submitted
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    submittedBy: text('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('proposals_call_key').on(t.callId)],
);

/** One ranked application in a proposal: its aggregate, rank, whether proposed, the amount and the reason for any departure. */
export const proposalItems = pgTable(
  'proposal_items',
  {
    proposalId: text('proposal_id')
      .notNull()
      .references(() => proposals.id),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    rank: integer('rank').notNull(),
    aggregate: doublePrecision('aggregate').notNull(),
    proposed: boolean('proposed').notNull(),
    /** CNY, per the edition's funding rule (大兴 项目 ≤ 50,000; 经开区 200,000 on first recognition). */
    amount: integer('amount'),
    /** Why the officer departs from the ranking for this item (required for every departure). */
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.applicationId] })],
);

/** Who saw what when (for the inspector): reads of applications, materials and score sheets by officers and experts. */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id').notNull(),
    userName: text('user_name'),
    role: text('role'),
    applicationId: text('application_id'),
    callId: text('call_id'),
    /** application | material | dossier | scores | review-record */
    what: text('what').notNull(),
    detail: text('detail'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('access_log_app_idx').on(t.applicationId, t.at), index('access_log_call_idx').on(t.callId, t.at)],
);

/** Calendar date a stage's deadline falls on (e.g. the expert scoring deadline of a call). */
export const reviewDeadlines = pgTable(
  'review_deadlines',
  {
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    stage: text('stage').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    setBy: text('set_by').references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.stage] })],
);
