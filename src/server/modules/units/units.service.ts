import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { evaluateEligibility } from '../../../policy/engine';
import { getEdition } from '../../../policy/editions';
import { maskIdNumber, parseResidentIdNumber, validateCreditCode } from '../../../policy/rules/id-numbers';
import type { CallTemplate, Edition, Facts, ProgramId, SkillLevel } from '../../../policy/types';
import { shanghaiDate, toShanghaiIso } from '../../../shared/time';
import {
  FACT_LABELS,
  SKILL_LEVEL_LABELS,
  PersonInput,
  type ApplicationDeclarations,
  type ApplicationDeclarationsResponse,
  type ApplicationEligibilityResponse,
  type ApplicationPeopleResponse,
  type PersonDetail,
  type PersonSummary,
  type UnitProfileResponse,
  UpdateUnitRequest,
} from '../../../shared/units';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client';
import { applicationDeclarations, applicationForms, applicationPeople, applications, calls, persons, unitProfiles, units } from '../../db/schema';
import { AppError, notFound, sqlState } from '../../errors';
import { EDITABLE, statusName, type ApplicationStatus } from '../../workflow/intake';
import { recordAudit, type Actor } from '../audit/audit.service';
import * as repo from './units.repository';


/** The caller as this module sees it: an applicant acts for its own unit only. */
export interface UnitCaller {
  actor: Actor;
  unitId: string | null;
  /** Jurisdictions where the caller is an officer or inspector (may read an application's eligibility). */
  officerJurisdictions: string[];
}

function ownUnit(caller: UnitCaller): string {
  if (!caller.unitId) throw new AppError('UNIT_REQUIRED', 403, '只有申报单位账号可以维护单位信息');
  return caller.unitId;
}

// ---------------------------------------------------------------------------------------------------------
// Unit profile
// ---------------------------------------------------------------------------------------------------------

export async function getUnitProfile(db: DbOrTx, caller: UnitCaller): Promise<UnitProfileResponse> {
  const unitId = ownUnit(caller);
  const unit = await repo.findUnit(db, unitId);
  if (!unit) throw notFound('单位', 'UNIT_NOT_FOUND');
  const [profile, personCount] = await Promise.all([repo.findProfile(db, unitId), repo.countPersons(db, unitId)]);
  return {
    id: unit.id,
    jurisdictionId: unit.jurisdictionId,
    jurisdictionName: unit.jurisdictionName,
    name: unit.name,
    creditCode: unit.creditCode,
    address: unit.address ?? '',
    contactName: unit.contactName ?? '',
    contactPhone: unit.contactPhone ?? '',
    contactEmail: unit.contactEmail ?? null,
    locatedIn: profile?.locatedIn ?? null,
    legalRepresentative: profile?.legalRepresentative ?? null,
    industry: (profile?.industry as UnitProfileResponse['industry']) ?? null,
    hasTalentSystem: profile?.hasTalentSystem ?? null,
    providesFundingAndVenue: profile?.providesFundingAndVenue ?? null,
    hasStudioRules: profile?.hasStudioRules ?? null,
    existingStudioOccupations: profile?.existingStudioOccupations ?? null,
    bankName: profile?.bankName ?? null,
    bankAccount: profile?.bankAccount ?? null,
    bankPermitNumber: profile?.bankPermitNumber ?? null,
    branches: profile?.branches ?? [],
    updatedAt: profile ? toShanghaiIso(profile.updatedAt) : null,
    personCount,
  };
}

export async function updateUnitProfile(db: Db, caller: UnitCaller, input: z.output<typeof UpdateUnitRequest>, now: Date) {
  const unitId = ownUnit(caller);
  // 统一社会信用代码: GB 32100-2015 check character, before anything is written.
  const code = validateCreditCode(input.creditCode);
  if (!code.ok) throw new AppError('CREDIT_CODE_INVALID', 400, code.message, { creditCode: code.message });
  const before = await getUnitProfile(db, caller);
  const other = await repo.findUnitByCreditCode(db, code.normalized);
  if (other && other.id !== unitId) {
    throw new AppError('CREDIT_CODE_TAKEN', 409, '该统一社会信用代码已由其他单位注册，请核对；如确属本单位，请联系区人社局', {
      creditCode: '已由其他单位注册',
    });
  }
  const profile = {
    locatedIn: input.locatedIn ?? null,
    legalRepresentative: input.legalRepresentative || null,
    industry: input.industry ?? null,
    hasTalentSystem: input.hasTalentSystem ?? null,
    providesFundingAndVenue: input.providesFundingAndVenue ?? null,
    hasStudioRules: input.hasStudioRules ?? null,
    existingStudioOccupations: input.existingStudioOccupations ?? null,
    bankName: input.bankName || null,
    bankAccount: input.bankAccount || null,
    bankPermitNumber: input.bankPermitNumber ? input.bankPermitNumber.toUpperCase() : null,
    branches: input.branches ?? [],
    updatedBy: caller.actor.userId,
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    await tx
      .update(units)
      .set({
        name: input.name,
        creditCode: code.normalized,
        address: input.address,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        contactEmail: input.contactEmail || null,
      })
      .where(eq(units.id, unitId));
    await tx
      .insert(unitProfiles)
      .values({ unitId, ...profile })
      .onConflictDoUpdate({ target: unitProfiles.unitId, set: profile });
    const after = await getUnitProfile(tx, caller);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'unit.profile_updated', entityType: 'unit', entityId: unitId, jurisdictionId: before.jurisdictionId, before, after },
      now,
    );
  });
  return getUnitProfile(db, caller);
}

// ---------------------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------------------

type PersonRow = typeof persons.$inferSelect;

function presentSummary(p: PersonRow, locked: boolean): PersonSummary {
  return {
    id: p.id,
    name: p.name,
    idNumberMasked: maskIdNumber(p.idNumber),
    birthDate: p.birthDate,
    sex: p.sex as 'male' | 'female',
    category: p.category as 'worker' | 'cadre',
    occupation: p.occupation,
    skillLevel: (p.skillLevel as SkillLevel | null) ?? null,
    skillLevelName: p.skillLevel ? (SKILL_LEVEL_LABELS[p.skillLevel as SkillLevel] ?? p.skillLevel) : null,
    frontlineYears: p.frontlineYears,
    employed: p.employed,
    isFormalEmployee: p.isFormalEmployee,
    position: p.position,
    honours: p.honours,
    inSubmittedApplication: locked,
    updatedAt: toShanghaiIso(p.updatedAt),
  };
}

function presentDetail(p: PersonRow, locked: boolean): PersonDetail {
  return {
    ...presentSummary(p, locked),
    idNumber: p.idNumber,
    phone: p.phone,
    occupationListed: p.occupationListed,
    hasNationalStandard: p.hasNationalStandard,
    leadsAnotherStudio: p.leadsAnotherStudio,
    certificates: p.certificates as PersonDetail['certificates'],
  };
}

/** What the audit keeps of a person: never the full 身份证号 (个人信息保护法第五十一条). */
function auditView(p: PersonRow) {
  const { idNumber, ...rest } = p;
  return { ...rest, idNumber: maskIdNumber(idNumber) };
}

export async function listPersons(db: DbOrTx, caller: UnitCaller): Promise<PersonSummary[]> {
  const unitId = ownUnit(caller);
  const [rows, locked] = await Promise.all([repo.listPersons(db, unitId), repo.personIdsInSubmittedApplications(db, unitId)]);
  return rows.map((p) => presentSummary(p, locked.has(p.id)));
}

export async function getPerson(db: DbOrTx, caller: UnitCaller, id: string): Promise<PersonDetail> {
  const unitId = ownUnit(caller);
  const p = await repo.findPerson(db, unitId, id);
  if (!p) throw notFound('人员', 'PERSON_NOT_FOUND');
  const locked = await repo.personIdsInSubmittedApplications(db, unitId);
  return presentDetail(p, locked.has(p.id));
}

type PersonValues = z.output<typeof PersonInput>;

/** 身份证号 (GB 11643-1999): checked, and birth date and sex derived from it — never taken from the client. */
function derive(input: PersonValues, now: Date) {
  const parsed = parseResidentIdNumber(input.idNumber, shanghaiDate(now));
  if (!parsed.ok) throw new AppError('ID_NUMBER_INVALID', 400, `身份证号无效：${parsed.message}`, { idNumber: parsed.message });
  return {
    name: input.name,
    idNumber: parsed.normalized,
    birthDate: parsed.birthDate,
    sex: parsed.sex,
    category: input.category,
    phone: input.phone || null,
    position: input.position || null,
    occupation: input.occupation || null,
    occupationListed: input.occupationListed ?? null,
    hasNationalStandard: input.hasNationalStandard ?? null,
    skillLevel: input.skillLevel ?? null,
    frontlineYears: input.frontlineYears ?? null,
    employed: input.employed ?? null,
    isFormalEmployee: input.isFormalEmployee ?? null,
    leadsAnotherStudio: input.leadsAnotherStudio ?? null,
    honours: [...new Set(input.honours ?? [])],
    certificates: input.certificates ?? [],
  };
}

async function assertIdNumberFree(db: DbOrTx, unitId: string, idNumber: string, exceptId?: string) {
  const dup = await repo.findPersonByIdNumber(db, unitId, idNumber);
  if (dup && dup.id !== exceptId) {
    throw new AppError('PERSON_DUPLICATE', 409, `本单位已登记身份证号为 ${maskIdNumber(idNumber)} 的人员（${dup.name}），请直接编辑该人员`, {
      idNumber: `已登记为 ${dup.name}`,
    });
  }
}

/** Two saves of the same 身份证号 at once: the unique index decides, and the loser gets the same clear 409. */
async function duplicateAsConflict<T>(idNumber: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (sqlState(e) === '23505') {
      throw new AppError('PERSON_DUPLICATE', 409, `本单位已登记身份证号为 ${maskIdNumber(idNumber)} 的人员，请直接编辑该人员`, { idNumber: '已登记' });
    }
    throw e;
  }
}

export async function createPerson(db: Db, caller: UnitCaller, input: PersonValues, now: Date): Promise<PersonDetail> {
  const unitId = ownUnit(caller);
  const values = derive(input, now);
  await assertIdNumberFree(db, unitId, values.idNumber);
  const id = randomUUID();
  await duplicateAsConflict(values.idNumber, () => db.transaction(async (tx) => {
    const [row] = await tx.insert(persons).values({ id, unitId, ...values, createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, caller.actor, { action: 'person.created', entityType: 'person', entityId: id, after: auditView(row) }, now);
  }));
  return getPerson(db, caller, id);
}

export async function updatePerson(db: Db, caller: UnitCaller, id: string, input: PersonValues, now: Date): Promise<PersonDetail> {
  const unitId = ownUnit(caller);
  const before = await repo.findPerson(db, unitId, id);
  if (!before) throw notFound('人员', 'PERSON_NOT_FOUND');
  const values = derive(input, now);
  await assertIdNumberFree(db, unitId, values.idNumber, id);
  await duplicateAsConflict(values.idNumber, () => db.transaction(async (tx) => {
    const [row] = await tx
      .update(persons)
      .set({ ...values, updatedAt: now })
      .where(and(eq(persons.id, id), eq(persons.unitId, unitId)))
      .returning();
    await recordAudit(tx, caller.actor, { action: 'person.updated', entityType: 'person', entityId: id, before: auditView(before), after: auditView(row) }, now);
  }));
  return getPerson(db, caller, id);
}

export async function deletePerson(db: Db, caller: UnitCaller, id: string, now: Date): Promise<void> {
  const unitId = ownUnit(caller);
  const before = await repo.findPerson(db, unitId, id);
  if (!before) throw notFound('人员', 'PERSON_NOT_FOUND');
  const locked = (await repo.personIdsInSubmittedApplications(db, unitId)).get(id);
  if (locked) {
    throw new AppError('PERSON_IN_SUBMITTED_APPLICATION', 409, `${before.name} 已列入已提交的申报（${locked.join('、')}），不能删除；可修改其信息`);
  }
  await db.transaction(async (tx) => {
    // Drafts that named the person simply lose them (the unit chooses again before submitting).
    await tx.delete(applicationPeople).where(eq(applicationPeople.personId, id));
    await tx.delete(persons).where(and(eq(persons.id, id), eq(persons.unitId, unitId)));
    await recordAudit(tx, caller.actor, { action: 'person.deleted', entityType: 'person', entityId: id, before: auditView(before) }, now);
  });
}

// ---------------------------------------------------------------------------------------------------------
// An application's people
// ---------------------------------------------------------------------------------------------------------

type AppRow = typeof applications.$inferSelect;

async function readableApplication(db: DbOrTx, caller: UnitCaller, id: string): Promise<AppRow> {
  const app = await repo.findApplication(db, id);
  const mayRead = app && ((caller.unitId !== null && caller.unitId === app.unitId) || caller.officerJurisdictions.includes(app.jurisdictionId));
  if (!app || !mayRead) throw notFound('申报', 'APPLICATION_NOT_FOUND');
  return app;
}

async function peopleOf(db: DbOrTx, app: AppRow): Promise<ApplicationPeopleResponse> {
  const links = await repo.listApplicationPeople(db, app.id);
  const rows = await repo.findPersonsByIds(db, app.unitId, links.map((l) => l.personId));
  const locked = await repo.personIdsInSubmittedApplications(db, app.unitId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const leaderRow = links.find((l) => l.role === 'leader');
  const leader = leaderRow && byId.get(leaderRow.personId);
  const members = links.filter((l) => l.role === 'member').flatMap((l) => (byId.has(l.personId) ? [byId.get(l.personId)!] : []));
  return {
    leader: leader ? presentSummary(leader, locked.has(leader.id)) : null,
    members: members.map((m) => presentSummary(m, locked.has(m.id))),
    teamFormalEmployees: members.filter((m) => m.isFormalEmployee === true).length,
  };
}

export async function getApplicationPeople(db: DbOrTx, caller: UnitCaller, id: string) {
  return peopleOf(db, await readableApplication(db, caller, id));
}

export async function setApplicationPeople(db: Db, caller: UnitCaller, id: string, input: { leaderId: string; memberIds: string[] }, now: Date) {
  const unitId = ownUnit(caller);
  const app = await repo.findApplication(db, id);
  if (!app || app.unitId !== unitId) throw notFound('申报', 'APPLICATION_NOT_FOUND');
  if (!EDITABLE.includes(app.status as ApplicationStatus)) {
    throw new AppError('APPLICATION_NOT_EDITABLE', 409, `申报当前状态为“${statusName(app.status)}”，不能修改技能大师和团队成员`);
  }
  const memberIds = [...new Set(input.memberIds)];
  if (memberIds.includes(input.leaderId)) {
    throw new AppError('LEADER_IN_TEAM', 400, '技能大师不能同时列为团队成员（团队人数不含技能大师）', { memberIds: '团队成员中不应包含技能大师' });
  }
  const found = await repo.findPersonsByIds(db, unitId, [input.leaderId, ...memberIds]);
  const known = new Set(found.map((p) => p.id));
  if (!known.has(input.leaderId)) throw new AppError('PERSON_NOT_FOUND', 400, '所选技能大师不是本单位登记的人员', { leaderId: '请从本单位人员中选择' });
  const unknown = memberIds.filter((m) => !known.has(m));
  if (unknown.length) throw new AppError('PERSON_NOT_FOUND', 400, '所选团队成员中有不是本单位登记的人员', { memberIds: '请从本单位人员中选择' });
  const leader = found.find((p) => p.id === input.leaderId)!;
  const before = await peopleOf(db, app);
  await db.transaction(async (tx) => {
    await tx.delete(applicationPeople).where(eq(applicationPeople.applicationId, id));
    await tx.insert(applicationPeople).values([
      { applicationId: id, personId: leader.id, role: 'leader', position: 0 },
      ...memberIds.map((personId, i) => ({ applicationId: id, personId, role: 'member', position: i + 1 })),
    ]);
    // The officers' lists show the master's name (applications.leader_name).
    await tx.update(applications).set({ leaderName: leader.name, updatedAt: now }).where(eq(applications.id, id));
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'application.people_set',
        entityType: 'application',
        entityId: id,
        jurisdictionId: app.jurisdictionId,
        before: { leaderId: before.leader?.id ?? null, memberIds: before.members.map((m) => m.id) },
        after: { leaderId: leader.id, memberIds },
      },
      now,
    );
  });
  return peopleOf(db, app);
}

// ---------------------------------------------------------------------------------------------------------
// Eligibility on what the unit has entered
// ---------------------------------------------------------------------------------------------------------

/** The edition's call template for the stored call (its own conditions, e.g. 大兴 2026 申报要求), with the stored dates. */
function callTemplateOf(edition: Edition, call: typeof calls.$inferSelect): CallTemplate {
  const local = (d: Date) => toShanghaiIso(d).slice(0, 16);
  const template = edition.calls.find((c) => c.program === call.program && c.year === call.year);
  return {
    ...(template ?? { id: call.id, title: { zh: call.title, en: call.title }, citation: { document: edition.documentNumber, article: '' }, contacts: [] }),
    program: call.program as ProgramId,
    year: call.year,
    opensAt: local(call.opensAt),
    closesAt: local(call.closesAt),
    projectsCloseBy: call.projectsCloseBy ?? template?.projectsCloseBy,
  };
}

/** Facts (DESIGN.md contract names) from the unit profile, the chosen master and the team. Absent = not entered. */
export function buildFacts(
  profile: typeof unitProfiles.$inferSelect | undefined,
  leader: PersonRow | undefined,
  team: { chosen: boolean; formalEmployees: number },
  app: Pick<AppRow, 'studioRecognized'>,
): Facts {
  const set = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
  const facts: Facts = {};
  if (leader) {
    facts.leader = set({
      birthDate: leader.birthDate,
      sex: leader.sex as 'male' | 'female',
      category: leader.category as 'worker' | 'cadre',
      occupationListed: leader.occupationListed ?? undefined,
      hasNationalStandard: leader.hasNationalStandard ?? undefined,
      skillLevel: (leader.skillLevel as SkillLevel | null) ?? undefined,
      frontlineYears: leader.frontlineYears ?? undefined,
      employed: leader.employed ?? undefined,
      honours: leader.honours,
      leadsAnotherStudio: leader.leadsAnotherStudio ?? undefined,
    });
  }
  const existing = profile?.existingStudioOccupations;
  facts.unit = set({
    locatedIn: profile?.locatedIn ?? undefined,
    teamFormalEmployees: team.chosen ? team.formalEmployees : undefined,
    hasTalentSystem: profile?.hasTalentSystem ?? undefined,
    providesFundingAndVenue: profile?.providesFundingAndVenue ?? undefined,
    hasStudioRules: profile?.hasStudioRules ?? undefined,
    sameOccupationStudioExists:
      existing && leader?.occupation ? existing.some((o) => o.trim() === leader.occupation!.trim()) : existing && existing.length === 0 ? false : undefined,
    industry: (profile?.industry as 'high-tech' | 'emerging' | 'other' | null) ?? undefined,
  });
  // 大兴 第十条: a studio not yet recognised files the studio and the project together in one application.
  facts.studio = { recognized: app.studioRecognized, applyingTogether: !app.studioRecognized };
  return facts;
}

/**
 * Project facts a saved 计划书 already states (大兴 附件1: 项目类别, 项目时间进度安排): the category, and the period from
 * the first start month to the end of the last end month. The rest (实施状态, 禁限目录, 委托第三方) stays for the unit to state.
 */
export function projectFactsFromForms(forms: { formId: string; data: Record<string, unknown> }[]): Facts['project'] | undefined {
  const project: NonNullable<Facts['project']> = {};
  for (const { data } of forms) {
    if (typeof data.category === 'string' && data.category.trim()) project.category ??= data.category.trim();
    const rows = Array.isArray(data.schedule) ? (data.schedule as Record<string, unknown>[]) : [];
    const month = /^\d{4}-(0[1-9]|1[0-2])$/;
    const starts = rows.map((r) => r?.startMonth).filter((m): m is string => typeof m === 'string' && month.test(m)).sort();
    const ends = rows.map((r) => r?.endMonth).filter((m): m is string => typeof m === 'string' && month.test(m)).sort();
    if (starts.length && !project.startDate) project.startDate = `${starts[0]}-01`;
    if (ends.length && !project.endDate) {
      const [y, m] = ends[ends.length - 1].split('-').map(Number);
      project.endDate = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    }
  }
  return Object.keys(project).length ? project : undefined;
}

function hasFact(facts: Facts, path: string): boolean {
  const [group, key] = path.split('.');
  const g = (facts as Record<string, Record<string, unknown> | undefined>)[group];
  return g !== undefined && g[key] !== undefined;
}

export async function getApplicationEligibility(db: DbOrTx, caller: UnitCaller, id: string, now: Date): Promise<ApplicationEligibilityResponse> {
  const app = await readableApplication(db, caller, id);
  const [call] = await db.select().from(calls).where(eq(calls.id, app.callId)).limit(1);
  const edition = getEdition(call.editionId);
  if (!edition) throw new AppError('POLICY_NOT_FOUND', 404, `政策版本 ${call.editionId} 不存在`);
  const [profile, people, links] = await Promise.all([repo.findProfile(db, app.unitId), peopleOf(db, app), repo.listApplicationPeople(db, app.id)]);
  const leaderLink = links.find((l) => l.role === 'leader');
  const leader = leaderLink ? await repo.findPerson(db, app.unitId, leaderLink.personId) : undefined;
  const facts = buildFacts(profile, leader, { chosen: !!leader, formalEmployees: people.teamFormalEmployees }, app);
  if (app.program === 'construction-project') {
    const forms = await db.select({ formId: applicationForms.formId, data: applicationForms.data }).from(applicationForms).where(eq(applicationForms.applicationId, app.id));
    const project = projectFactsFromForms(forms);
    if (project) facts.project = project;
  }
  const declared = projectFactsFromDeclarations(await findDeclarations(db, app.id));
  if (declared) facts.project = { ...facts.project, ...declared };
  const asOf = shanghaiDate(now);
  const program = app.program as ProgramId;
  const result = evaluateEligibility(edition, program, facts, asOf, { call: callTemplateOf(edition, call) });

  // What is missing: the facts the `unknown` findings' rules need and the unit has not entered.
  const rules = [...(edition.programs.find((p) => p.id === program)?.rules ?? []), ...(callTemplateOf(edition, call).rules ?? [])];
  const missing = new Set<string>();
  for (const f of result.findings) {
    if (f.outcome !== 'unknown') continue;
    for (const need of rules.find((r) => r.id === f.ruleId)?.needs ?? []) if (!hasFact(facts, need)) missing.add(need);
  }
  return {
    eligible: result.eligible,
    findings: result.findings.map((f) => ({ ruleId: f.ruleId, article: f.article, outcome: f.outcome, message: f.message, messageEn: f.messageEn, text: f.text })),
    policyId: edition.id,
    program,
    asOf,
    facts,
    missing: [...missing].map((fact) => ({ fact, label: FACT_LABELS[fact] ?? fact })),
    people,
    leaderId: people.leader?.id ?? null,
    memberIds: people.members.map((m) => m.id),
  };
}


// ---------------------------------------------------------------------------------------------------------
// Declarations (申报承诺): 大兴 2026年通知 申报要求2–4, 京兴人社发〔2025〕21号 第八条
// ---------------------------------------------------------------------------------------------------------

async function findDeclarations(db: DbOrTx, applicationId: string) {
  const [row] = await db.select().from(applicationDeclarations).where(eq(applicationDeclarations.applicationId, applicationId)).limit(1);
  return row;
}

/**
 * The project facts the unit declares: 实施状态 (计划实施/正在实施), not on the 禁止和限制目录, not outsourced. A box the unit
 * has not ticked stays unknown — never read as a "no".
 */
export function projectFactsFromDeclarations(row: typeof applicationDeclarations.$inferSelect | undefined): Facts['project'] | undefined {
  if (!row) return undefined;
  const project: NonNullable<Facts['project']> = {};
  if (row.projectStage === 'planned' || row.projectStage === 'ongoing') project.stage = row.projectStage;
  if (row.notOnProhibitedCatalog !== null) project.onProhibitedCatalog = !row.notOnProhibitedCatalog;
  if (row.notOutsourced !== null) project.outsourced = !row.notOutsourced;
  return Object.keys(project).length ? project : undefined;
}

function presentDeclarations(row: typeof applicationDeclarations.$inferSelect | undefined): ApplicationDeclarationsResponse {
  return {
    projectStage: (row?.projectStage as 'planned' | 'ongoing' | null) ?? null,
    notOnProhibitedCatalog: row?.notOnProhibitedCatalog ?? null,
    notOutsourced: row?.notOutsourced ?? null,
    updatedAt: row ? toShanghaiIso(row.updatedAt) : null,
  };
}

export async function getDeclarations(db: DbOrTx, caller: UnitCaller, id: string) {
  const app = await readableApplication(db, caller, id);
  return presentDeclarations(await findDeclarations(db, app.id));
}

export async function setDeclarations(db: Db, caller: UnitCaller, id: string, input: ApplicationDeclarations, now: Date) {
  const unitId = ownUnit(caller);
  const app = await repo.findApplication(db, id);
  if (!app || app.unitId !== unitId) throw notFound('申报', 'APPLICATION_NOT_FOUND');
  if (!EDITABLE.includes(app.status as ApplicationStatus)) {
    throw new AppError('APPLICATION_NOT_EDITABLE', 409, `申报当前状态为“${statusName(app.status)}”，不能修改申报承诺`);
  }
  const before = await findDeclarations(db, id);
  const values = { projectStage: input.projectStage, notOnProhibitedCatalog: input.notOnProhibitedCatalog, notOutsourced: input.notOutsourced, updatedBy: caller.actor.userId, updatedAt: now };
  await db.transaction(async (tx) => {
    await tx.insert(applicationDeclarations).values({ applicationId: id, ...values }).onConflictDoUpdate({ target: applicationDeclarations.applicationId, set: values });
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'application.declarations_set',
        entityType: 'application',
        entityId: id,
        jurisdictionId: app.jurisdictionId,
        before: before ? presentDeclarations(before) : null,
        after: { projectStage: input.projectStage, notOnProhibitedCatalog: input.notOnProhibitedCatalog, notOutsourced: input.notOutsourced },
      },
      now,
    );
  });
  return presentDeclarations(await findDeclarations(db, id));
}
