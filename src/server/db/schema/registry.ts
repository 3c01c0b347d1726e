import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, units, users } from './accounts';
import { applications, calls } from './intake';

/**
 * A public notice (公示) of a call's proposed list. It runs `workingDays` statutory working days, from
 * `startsOn` to the end of `endsOn` (Asia/Shanghai), e.g. 京兴人社发〔2025〕21号 第十一条: 公示期为 5 个工作日.
 * `status`: draft (being prepared, never public) → published → concluded (decision taken) | cancelled.
 */
export const notices = pgTable(
  'notices',
  {
    id: text('id').primaryKey(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    editionId: text('edition_id').notNull(),
    program: text('program').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    contacts: jsonb('contacts').$type<{ name?: string; phone: string; address?: string; hours?: string; email?: string }[]>().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Last day of the period; the notice ends at 24:00 of this day, Beijing time. */
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    workingDays: integer('working_days').notNull(),
    /** The schedules the end day relied on (statutory holidays, 调休, operator overrides), for the record. */
    calendarBasis: jsonb('calendar_basis').$type<string[]>().notNull().default([]),
    status: text('status').notNull(), // draft | published | concluded | cancelled
    /** Whether objections may be filed without a name (the officer's setting). */
    allowAnonymousObjections: boolean('allow_anonymous_objections').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by').references(() => users.id),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
    concludedBy: text('concluded_by').references(() => users.id),
    /** The decision document, e.g. 京兴人社发〔2026〕… 关于认定… 的通知. */
    decisionDocument: text('decision_document'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('notices_public_idx').on(t.status, t.startsOn),
    index('notices_jurisdiction_idx').on(t.jurisdictionId, t.startsOn),
    index('notices_call_idx').on(t.callId),
  ],
);

/** One line of a notice's list: a proposed studio or project. An upheld objection withdraws it (with the reason). */
export const noticeItems = pgTable(
  'notice_items',
  {
    id: text('id').primaryKey(),
    noticeId: text('notice_id')
      .notNull()
      .references(() => notices.id),
    position: integer('position').notNull(),
    applicationId: text('application_id').references(() => applications.id),
    /** Studio name (in the edition's format) or project name, as published. */
    name: text('name').notNull(),
    /** The project filed with it (大兴 第十条: a new studio files studio and project together). */
    projectName: text('project_name'),
    unitId: text('unit_id').references(() => units.id),
    unitName: text('unit_name').notNull(),
    leaderName: text('leader_name').notNull(),
    occupation: text('occupation'),
    /** CNY, where the text publishes one (大兴 project ≤ 50,000; 经开区 200,000). */
    amount: integer('amount'),
    withdrawn: boolean('withdrawn').notNull().default(false),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('notice_items_position_key').on(t.noticeId, t.position), index('notice_items_application_idx').on(t.applicationId)],
);

/**
 * A studio (技能大师工作室) of the registry. `level` is its highest title (district | municipal | national);
 * `status`: active | suspended | revoked (取消称号, e.g. 京兴人社发〔2025〕21号 第十八条) | dissolved.
 */
export const studios = pgTable(
  'studios',
  {
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    editionId: text('edition_id').notNull(),
    /** In the edition's format (大兴: 大兴区+大师姓名+职业名称+技能大师工作室, 第九条（一）2). */
    name: text('name').notNull(),
    unitId: text('unit_id').references(() => units.id),
    unitName: text('unit_name').notNull(),
    leaderName: text('leader_name').notNull(),
    leaderPersonId: text('leader_person_id'),
    occupation: text('occupation').notNull(),
    level: text('level').notNull(),
    recognizedOn: date('recognized_on', { mode: 'string' }).notNull(),
    /** Year of recognition (registry filter). */
    recognizedYear: integer('recognized_year').notNull(),
    status: text('status').notNull(),
    /** Formal employees of the team besides the leader (≥ 3 to qualify). */
    teamSize: integer('team_size').notNull(),
    /** Where the studio works (第十七条: 不得随意变更工作地址). */
    address: text('address'),
    plaqueNumber: text('plaque_number'),
    summary: text('summary'),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revocationReason: text('revocation_reason'),
    revocationArticle: text('revocation_article'),
    sourceNoticeId: text('source_notice_id').references(() => notices.id),
    sourceApplicationId: text('source_application_id').references(() => applications.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('studios_public_idx').on(t.status, t.jurisdictionId, t.recognizedOn),
    index('studios_jurisdiction_idx').on(t.jurisdictionId, t.status),
    index('studios_occupation_idx').on(t.occupation),
    index('studios_unit_idx').on(t.unitId),
    uniqueIndex('studios_plaque_key').on(t.plaqueNumber),
  ],
);

/** The titles a studio has held (district → municipal → national), each with its date and document. */
export const studioTitles = pgTable(
  'studio_titles',
  {
    id: text('id').primaryKey(),
    studioId: text('studio_id')
      .notNull()
      .references(() => studios.id),
    level: text('level').notNull(),
    awardedOn: date('awarded_on', { mode: 'string' }).notNull(),
    document: text('document').notNull(),
    /** One-time award for the title where the edition grants one (经开区 第十四条: 200,000 / 100,000). */
    award: integer('award'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('studio_titles_studio_idx').on(t.studioId, t.awardedOn)],
);
