import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, units, users } from './accounts';
import { applications } from './intake';
import { notices, studios, studioTitles } from './registry';

/**
 * A construction project (建设项目) selected by a decision, in execution. Its baseline is the approved 计划书 as
 * submitted (京兴人社发〔2025〕21号 第十二条: 应严格按照建设项目计划书执行); issue 7 builds the rest of its lifecycle.
 */
export const projects = pgTable(
  'projects',
  {
    id: text('id').primaryKey(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    editionId: text('edition_id').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    /** The unit's recognised studio the project belongs to, when there is one. */
    studioId: text('studio_id').references(() => studios.id),
    name: text('name').notNull(),
    /** The forms of the application as approved (the 计划书 is the baseline of execution and assessment). */
    baseline: jsonb('baseline').$type<Record<string, unknown>>().notNull(),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    /** CNY approved (大兴 第十四条: 最高不超过 5 万元). */
    approvedAmount: integer('approved_amount'),
    /** The day the closure report is due (the call's 结项 date, 大兴 2026: 10月底前), else the period's end. */
    closeBy: date('close_by', { mode: 'string' }),
    /** in-execution | closure-submitted | passed | partly-passed | failed (issue 7). */
    status: text('status').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    sourceNoticeId: text('source_notice_id').references(() => notices.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('projects_application_key').on(t.applicationId), index('projects_studio_idx').on(t.studioId), index('projects_jurisdiction_idx').on(t.jurisdictionId, t.status)],
);

/**
 * One line of the payment schedule (拨付计划): an amount the edition's funding rule grants to a unit, with its
 * condition. `kind` is the rule's kind: fixed (due on decision), capped (paid after a condition, e.g. the closure
 * assessment of 京兴人社发〔2025〕21号 第十四条), award (a higher title, e.g. 第十三条).
 * `status`: awaiting-condition | due | partially-paid | paid.
 */
export const disbursements = pgTable(
  'disbursements',
  {
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    editionId: text('edition_id').notNull(),
    program: text('program').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    unitName: text('unit_name').notNull(),
    applicationId: text('application_id').references(() => applications.id),
    studioId: text('studio_id').references(() => studios.id),
    projectId: text('project_id').references(() => projects.id),
    studioTitleId: text('studio_title_id').references(() => studioTitles.id),
    sourceNoticeId: text('source_notice_id').references(() => notices.id),
    /** What is paid for, e.g. 首次认定一次性资助 / 建设项目经费补助 / 入选北京市技能大师工作室奖励. */
    purpose: text('purpose').notNull(),
    kind: text('kind').notNull(),
    /** CNY scheduled: the fixed amount, the award, or the approved amount within the cap. */
    amount: integer('amount').notNull(),
    /** The rule's cap where it has one (capped rules). */
    cap: integer('cap'),
    /** The condition in the text's words (when it must hold before anything is paid). */
    condition: text('condition'),
    /** Document number and article of the rule, e.g. 京兴人社发〔2025〕21号 第十四条. */
    citation: text('citation').notNull(),
    status: text('status').notNull(),
    paidAmount: integer('paid_amount').notNull().default(0),
    /** The day the amount became due (the decision or the title's date); null while awaiting its condition. */
    dueOn: date('due_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('disbursements_jurisdiction_idx').on(t.jurisdictionId, t.status, t.createdAt), index('disbursements_unit_idx').on(t.unitId)],
);

/** A payment finance recorded against a schedule line (拨付登记): date, amount, voucher number. */
export const disbursementPayments = pgTable(
  'disbursement_payments',
  {
    id: text('id').primaryKey(),
    disbursementId: text('disbursement_id')
      .notNull()
      .references(() => disbursements.id),
    jurisdictionId: text('jurisdiction_id').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amount: integer('amount').notNull(),
    voucherNumber: text('voucher_number').notNull(),
    recordedBy: text('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('disbursement_payments_line_idx').on(t.disbursementId, t.paidOn), uniqueIndex('disbursement_payments_voucher_key').on(t.jurisdictionId, t.voucherNumber)],
);
