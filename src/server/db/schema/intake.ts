import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, units, users } from './accounts';

/** A call (申报批次): one program of one policy edition, open for a window (Asia/Shanghai). */
export const calls = pgTable(
  'calls',
  {
    id: text('id').primaryKey(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    editionId: text('edition_id').notNull(),
    program: text('program').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    quota: integer('quota'),
    /** Projects of this round must close by (大兴 2026: 2026-10-31). */
    projectsCloseBy: date('projects_close_by', { mode: 'string' }),
    contacts: jsonb('contacts').$type<{ name?: string; phone: string; address?: string; hours?: string }[]>().notNull(),
    noticeText: text('notice_text').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('calls_jurisdiction_idx').on(t.jurisdictionId, t.closesAt)],
);

/** A stored file (attachment or call template). Kept under a generated name outside the web root. */
export const files = pgTable('files', {
  id: text('id').primaryKey(),
  storageKey: text('storage_key').notNull(),
  originalName: text('original_name').notNull(),
  /** Detected from the content, not the extension. */
  mimeType: text('mime_type').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: text('uploaded_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Templates a call offers for download (大兴 2026: 附件1 计划书, 附件2 承诺书). */
export const callTemplates = pgTable('call_templates', {
  id: text('id').primaryKey(),
  callId: text('call_id')
    .notNull()
    .references(() => calls.id),
  title: text('title').notNull(),
  fileId: text('file_id')
    .notNull()
    .references(() => files.id),
});

/**
 * An application: one call, one unit. List fields are columns (officer lists filter on them); the forms
 * live in application_forms.
 */
export const applications = pgTable(
  'applications',
  {
    id: text('id').primaryKey(),
    /** Human number, e.g. DX-2026-CP-0007, printed on receipts and in the dossier watermark. */
    number: text('number').notNull(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    jurisdictionId: text('jurisdiction_id').notNull(),
    program: text('program').notNull(),
    status: text('status').notNull(),
    /** Bumped by every change; a stale version is refused (no silently lost save). */
    version: integer('version').notNull().default(1),
    title: text('title'),
    leaderName: text('leader_name'),
    /** Correction round (补正): 0 before the first return. */
    round: integer('round').notNull().default(0),
    /** 大兴 第十条: an already recognised studio files only the project materials. */
    studioRecognized: boolean('studio_recognized').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('applications_number_key').on(t.number),
    uniqueIndex('applications_call_unit_key').on(t.callId, t.unitId),
    index('applications_list_idx').on(t.jurisdictionId, t.callId, t.status, t.updatedAt),
    /** The intake desk's queue across calls: jurisdiction, waiting statuses, oldest first. */
    index('applications_queue_idx').on(t.jurisdictionId, t.status, t.updatedAt),
    index('applications_unit_idx').on(t.unitId, t.updatedAt),
  ],
);

/** One form of an application (e.g. 工作计划书), versioned JSON per the edition's FormSchema. */
export const applicationForms = pgTable(
  'application_forms',
  {
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    formId: text('form_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.formId] })],
);

/** A file attached to a checklist item of an application. */
export const applicationMaterials = pgTable(
  'application_materials',
  {
    id: text('id').primaryKey(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    itemId: text('item_id').notNull(),
    fileId: text('file_id')
      .notNull()
      .references(() => files.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('application_materials_app_idx').on(t.applicationId, t.itemId)],
);

/** The application's timeline: every status change and correction round, as the unit and officers see it. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: text('id').primaryKey(),
    /** Insertion order: events of one request share a timestamp. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: text('actor_user_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    round: integer('round').notNull(),
    note: text('note'),
    details: jsonb('details'),
  },
  (t) => [index('application_events_app_idx').on(t.applicationId, t.at)],
);

/** A return for correction (补正): which items to fix, by when; answered by a resubmission. */
export const corrections = pgTable(
  'corrections',
  {
    id: text('id').primaryKey(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    round: integer('round').notNull(),
    items: jsonb('items').$type<{ kind: 'form' | 'material'; id: string; comment: string }[]>().notNull(),
    deadline: date('deadline', { mode: 'string' }),
    requestedBy: text('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('corrections_app_round_key').on(t.applicationId, t.round)],
);

/**
 * The notification outbox: written in the same transaction as the event it reports, delivered afterwards
 * per channel, so a failing provider never loses a message.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    channel: text('channel').notNull(), // in-app | email | sms
    userId: text('user_id').references(() => users.id),
    recipient: text('recipient'),
    template: text('template').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    payload: jsonb('payload'),
    status: text('status').notNull(), // pending | delivered | failed
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.status, t.nextAttemptAt), index('outbox_user_idx').on(t.userId, t.createdAt)],
);

/**
 * A person of a unit — the skill master or a team member — entered once and reused across applications.
 * Birth date and sex derive from the 身份证号 (GB 11643).
 */
export const persons = pgTable(
  'persons',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    idNumber: text('id_number').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex').notNull(),
    /** For women: worker (original age 50) or cadre (55) — the 2025 retirement reform needs it. */
    category: text('category').notNull(),
    occupation: text('occupation'),
    occupationListed: boolean('occupation_listed'),
    hasNationalStandard: boolean('has_national_standard'),
    leadsAnotherStudio: boolean('leads_another_studio'),
    skillLevel: text('skill_level'),
    frontlineYears: integer('frontline_years'),
    employed: boolean('employed'),
    isFormalEmployee: boolean('is_formal_employee'),
    phone: text('phone'),
    position: text('position'),
    honours: jsonb('honours').$type<string[]>().notNull().default([]),
    certificates: jsonb('certificates').$type<{ title: string; number?: string; level?: string; issuedOn?: string }[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('persons_unit_id_number_key').on(t.unitId, t.idNumber)],
);
