import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units, users } from './accounts';
import { applications, persons } from './intake';

/**
 * What a unit (申报单位) enters once and every application reuses: the facts the eligibility rules read
 * (大兴 第七条（二）, 经开区 办事指南 三（一）), the bank account (大兴 第九条（二）4 开户许可证) and its branches.
 * Name, 统一社会信用代码, address and contact stay on `units`; everything else is here, one row per unit.
 */
export const unitProfiles = pgTable('unit_profiles', {
  unitId: text('unit_id')
    .primaryKey()
    .references(() => units.id),
  /** District where the unit is registered or operates (fact `unit.locatedIn`). */
  locatedIn: text('located_in'),
  legalRepresentative: text('legal_representative'),
  /** high-tech | emerging | other (fact `unit.industry`). */
  industry: text('industry'),
  hasTalentSystem: boolean('has_talent_system'),
  providesFundingAndVenue: boolean('provides_funding_and_venue'),
  hasStudioRules: boolean('has_studio_rules'),
  /** Occupations for which the unit (or a branch) already has a studio; null = not stated (fact `unit.sameOccupationStudioExists`). */
  existingStudioOccupations: jsonb('existing_studio_occupations').$type<string[]>(),
  bankName: text('bank_name'),
  bankAccount: text('bank_account'),
  bankPermitNumber: text('bank_permit_number'),
  branches: jsonb('branches').$type<{ name: string; address: string }[]>().notNull().default([]),
  updatedBy: text('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** The people an application names: its skill master (领办人) and team members, chosen from the unit's persons. */
export const applicationPeople = pgTable(
  'application_people',
  {
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    /** leader | member */
    role: text('role').notNull(),
    /** Order in the team list. */
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.personId] }), index('application_people_person_idx').on(t.personId)],
);

/**
 * 经开区 paper dossier (京技管发〔2024〕1号 2026 办事指南 五（二）): after the online review the unit is told to print
 * the watermarked dossier and bring it to the window within the stage's working days. One request per round.
 */
export const paperDossierRequests = pgTable(
  'paper_dossier_requests',
  {
    id: text('id').primaryKey(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    round: integer('round').notNull(),
    /** Calendar date (Asia/Shanghai), the last working day to bring the paper dossier. */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    requestedBy: text('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    /** Set when the window receives the paper dossier; null while pending. */
    receivedAt: timestamp('received_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('paper_dossier_requests_app_round_key').on(t.applicationId, t.round)],
);

/**
 * The unit's declarations for one application (申报承诺): 大兴 2026年通知 申报要求2–4, 京兴人社发〔2025〕21号 第八条 —
 * project stage (计划实施/正在实施), not on the 北京市新增产业的禁止和限制目录, core work not outsourced.
 */
export const applicationDeclarations = pgTable('application_declarations', {
  applicationId: text('application_id')
    .primaryKey()
    .references(() => applications.id),
  /** planned | ongoing; null = not stated. */
  projectStage: text('project_stage'),
  /** true = the unit declares the project is NOT on the catalogue. */
  notOnProhibitedCatalog: boolean('not_on_prohibited_catalog'),
  /** true = the unit declares the core work is NOT outsourced to a third party. */
  notOutsourced: boolean('not_outsourced'),
  updatedBy: text('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Registration attempts per address (POST /api/auth/register-unit), for rate limiting like login. */
export const registrationAttempts = pgTable(
  'registration_attempts',
  {
    id: text('id').primaryKey(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('registration_attempts_ip_at_idx').on(t.ip, t.at)],
);
