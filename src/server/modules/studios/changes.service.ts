import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { getEdition } from '../../../policy/editions';
import { maskIdNumber, parseResidentIdNumber } from '../../../policy/rules/id-numbers';
import { computeRetirement } from '../../../policy/rules/retirement';
import type { ChangeRule, Citation, Edition, Rule } from '../../../policy/types';
import {
  CHANGE_KIND_NAMES,
  CHANGE_STATUS_NAMES,
  HISTORY_KIND_NAMES,
  LEADER_UNABLE_SITUATIONS,
  type ChangeKind,
  type ChangeRequestView,
  type ChangeStatus,
  type CreateChangeRequest,
  type HistoryEntry,
  type RetirementInfo,
  type StudioChangeRules,
  type StudioHistory,
} from '../../../shared/changes';
import { STUDIO_LEVEL_NAMES } from '../../../shared/registry';
import { shanghaiDate, toShanghaiIso } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import { changeRequests, files, persons, studioHistory, studios, studioTitles, users } from '../../db/schema';
import { AppError, badRequest, conflict, notFound } from '../../errors';
import type { Storage } from '../../storage/storage';
import { storeUpload } from '../../storage/upload';
import { recordAudit } from '../audit/audit.service';
import { jurisdictionsWith, OFFICER_ROLES, type FundingCaller } from '../funding/funding.caller';
import { notifyUnit } from '../notifications/notifications.service';
import { appendStudioHistory } from './history';

/**
 * Change requests of a studio (变更申请) and its history (issue 7). What may change, and how, is the studio's edition's
 * `changeRules` (京兴人社发〔2025〕21号 第十七条; 顺义 征求意见稿 第十四条); an edition without rules (京技管发〔2024〕1号)
 * accepts none, and its units are told to contact the centre. Never a district name in code.
 */

export type ChangesCaller = FundingCaller;
type StudioRow = typeof studios.$inferSelect;
type ChangeRow = typeof changeRequests.$inferSelect;

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 10;
const ALLOWED_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];
/** A studio that still holds its title (a master leading one of these leads a studio). */
const LIVE_STATUSES = ['active', 'suspended'];

export const citeOf = (c: Citation) => `${c.document} ${c.article}`;

// ---------------------------------------------------------------------------------------------------------
// Scope
// ---------------------------------------------------------------------------------------------------------

/** The studio as the caller may see it: the unit its own, officers and the inspector their jurisdiction's; else 404. */
async function studioInScope(db: DbOrTx, caller: ChangesCaller, id: string, as: 'read' | 'unit'): Promise<StudioRow> {
  const [s] = await db.select().from(studios).where(eq(studios.id, id)).limit(1);
  if (!s) throw notFound('工作室', 'STUDIO_NOT_FOUND');
  const own = !!caller.unitId && s.unitId === caller.unitId;
  if (as === 'unit' ? own : own || jurisdictionsWith(caller, OFFICER_ROLES).includes(s.jurisdictionId)) return s;
  throw notFound('工作室', 'STUDIO_NOT_FOUND');
}

async function changeInScope(db: DbOrTx, caller: ChangesCaller, id: string, as: 'read' | 'unit' | 'program'): Promise<{ change: ChangeRow; studio: StudioRow }> {
  const [row] = await db.select({ change: changeRequests, studio: studios }).from(changeRequests).innerJoin(studios, eq(studios.id, changeRequests.studioId)).where(eq(changeRequests.id, id)).limit(1);
  if (!row) throw notFound('变更申请', 'CHANGE_NOT_FOUND');
  const own = !!caller.unitId && row.studio.unitId === caller.unitId;
  const ok =
    as === 'unit'
      ? own
      : as === 'program'
        ? jurisdictionsWith(caller, ['program']).includes(row.change.jurisdictionId)
        : own || jurisdictionsWith(caller, OFFICER_ROLES).includes(row.change.jurisdictionId);
  if (!ok) throw notFound('变更申请', 'CHANGE_NOT_FOUND');
  return row;
}

// ---------------------------------------------------------------------------------------------------------
// The edition's rules
// ---------------------------------------------------------------------------------------------------------

function editionOf(studio: StudioRow): Edition {
  const edition = getEdition(studio.editionId);
  if (!edition) throw new AppError('EDITION_UNKNOWN', 409, `工作室所依据的政策版本（${studio.editionId}）不存在`);
  return edition;
}

/** What an edition without change rules tells the unit (经开区: the guide sets none). */
function noRulesNotice(edition: Edition) {
  return `${edition.documentNumber}（${edition.title.zh}）未对工作室变更领办人、单位名称或工作地址作出规定，平台不受理此类申请。如有变更，请直接联系${edition.authorities.program.zh}。`;
}

/** The edition's rule that a master leads only one studio (大兴 第八条), if it has one. */
function oneStudioRule(edition: Edition): Rule | undefined {
  for (const p of edition.programs) {
    const r = p.rules.find((x) => (x as { fact?: string }).fact === 'leader.leadsAnotherStudio');
    if (r) return r;
  }
  return undefined;
}

/** The leader's statutory retirement date, when the leader is a registered person (DESIGN: 2025 progressive reform). */
async function retirementOf(db: DbOrTx, studio: StudioRow): Promise<RetirementInfo | null> {
  if (!studio.leaderPersonId) return null;
  const [p] = await db.select().from(persons).where(eq(persons.id, studio.leaderPersonId)).limit(1);
  if (!p || (p.sex !== 'male' && p.sex !== 'female')) return null;
  try {
    const r = computeRetirement({ birthDate: p.birthDate, sex: p.sex, category: p.category === 'cadre' ? 'cadre' : 'worker' });
    return {
      leaderName: p.name,
      retirementDate: r.retirementDate,
      retirementAge: r.retirementAge,
      basis: '全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定（2025年1月1日起施行）',
    };
  } catch {
    return null;
  }
}

async function openKinds(db: DbOrTx, studioId: string): Promise<string[]> {
  const rows = await db.select({ kind: changeRequests.kind }).from(changeRequests).where(and(eq(changeRequests.studioId, studioId), eq(changeRequests.status, 'submitted')));
  return rows.map((r) => r.kind);
}

/** GET /api/studios/:id/change-rules: the edition's rules for this studio, for the unit's drawer. */
export async function getChangeRules(db: Db, caller: ChangesCaller, studioId: string): Promise<StudioChangeRules> {
  const studio = await studioInScope(db, caller, studioId, 'read');
  const edition = editionOf(studio);
  const open = await openKinds(db, studioId);
  const live = LIVE_STATUSES.includes(studio.status);
  return {
    studioId,
    studioName: studio.name,
    studioStatus: studio.status,
    editionId: edition.id,
    editionTitle: edition.title.zh,
    documentNumber: edition.documentNumber,
    current: { leaderName: studio.leaderName, unitName: studio.unitName, address: studio.address },
    rules: edition.changeRules.map((r) => ({
      kind: r.kind,
      kindName: CHANGE_KIND_NAMES[r.kind].zh,
      citation: citeOf(r.citation),
      text: r.text.zh,
      requires: r.requires.zh,
      requiresNewApplication: !!r.requiresNewApplication,
      open: open.includes(r.kind),
    })),
    notice: !edition.changeRules.length
      ? noRulesNotice(edition)
      : !live
        ? `该工作室已${studio.status === 'revoked' ? `被取消称号（${studio.revocationArticle ?? ''}）` : '不在册'}，不能再申请变更。`
        : null,
    retirement: await retirementOf(db, studio),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Filing
// ---------------------------------------------------------------------------------------------------------

interface NewLeader {
  name: string;
  personId: string | null;
  idNumber: string | null;
}

/** Resolves the new leader of a leader-replaced request (a person of the unit, or a name with an optional 身份证号). */
async function newLeaderOf(db: DbOrTx, studio: StudioRow, requested: CreateChangeRequest['requested'], asOf: string): Promise<NewLeader> {
  if (requested.leaderPersonId) {
    const [p] = await db.select().from(persons).where(eq(persons.id, requested.leaderPersonId)).limit(1);
    if (!p || p.unitId !== studio.unitId) throw badRequest('LEADER_PERSON_INVALID', '新领办人须为本单位已登记的人员', { 'requested.leaderPersonId': '不是本单位已登记的人员' });
    return { name: p.name, personId: p.id, idNumber: p.idNumber };
  }
  if (!requested.leaderName) throw badRequest('CHANGE_FIELDS_MISSING', '请填写新领办人姓名或选择本单位已登记的人员', { 'requested.leaderName': '请填写新领办人姓名' });
  let idNumber: string | null = null;
  if (requested.leaderIdNumber) {
    const parsed = parseResidentIdNumber(requested.leaderIdNumber, asOf);
    if (!parsed.ok) throw badRequest('ID_NUMBER_INVALID', `身份证号无效：${parsed.message}`, { 'requested.leaderIdNumber': parsed.message });
    idNumber = parsed.normalized;
  }
  // A person of the unit with that 身份证号 is that person.
  if (idNumber && studio.unitId) {
    const [p] = await db.select().from(persons).where(and(eq(persons.unitId, studio.unitId), eq(persons.idNumber, idNumber))).limit(1);
    if (p) return { name: p.name, personId: p.id, idNumber };
  }
  return { name: requested.leaderName, personId: null, idNumber };
}

/**
 * A master leads one studio (大兴 第八条 同一技能大师只能领办一个工作室; DESIGN fact `leadsAnotherStudio`): the new leader —
 * by person id, by 身份证号, or by name within the same unit — must not already lead another live studio.
 */
async function assertNoSecondStudio(db: DbOrTx, studio: StudioRow, leader: NewLeader, edition: Edition) {
  const same: SQL[] = [];
  if (leader.personId) same.push(eq(studios.leaderPersonId, leader.personId));
  if (leader.idNumber) same.push(sql`${studios.leaderPersonId} in (select ${persons.id} from ${persons} where ${persons.idNumber} = ${leader.idNumber})`);
  if (studio.unitId) same.push(and(eq(studios.leaderName, leader.name), eq(studios.unitId, studio.unitId))!);
  if (!same.length) return;
  const [other] = await db
    .select({ id: studios.id, name: studios.name })
    .from(studios)
    .where(and(ne(studios.id, studio.id), inArray(studios.status, LIVE_STATUSES), or(...same)))
    .limit(1);
  if (!other) return;
  const rule = oneStudioRule(edition);
  const basis = rule ? `（${citeOf(rule.citation)}：${rule.text}）` : '（同一人不能同时领办两个在册工作室）';
  throw conflict('LEADER_ANOTHER_STUDIO', `${leader.name} 已领办“${other.name}”，同一技能大师只能领办一个工作室${basis}`);
}

/** Files the unit already uploaded (any of its users), of an accepted type (PDF/JPG/PNG by content). */
async function assertUsableFiles(db: DbOrTx, caller: ChangesCaller, ids: string[]) {
  if (!ids.length) return;
  const unique = [...new Set(ids)];
  const rows = await db
    .select({ id: files.id, mimeType: files.mimeType, unitId: users.unitId })
    .from(files)
    .innerJoin(users, eq(users.id, files.uploadedBy))
    .where(inArray(files.id, unique));
  const fields: Record<string, string> = {};
  unique.forEach((id, i) => {
    const f = rows.find((r) => r.id === id);
    if (!f || !caller.unitId || f.unitId !== caller.unitId) fields[`fileIds.${i}`] = '不是本单位上传的文件';
    else if (!ALLOWED_TYPES.includes(f.mimeType)) fields[`fileIds.${i}`] = '只接受 PDF、JPG 或 PNG 文件';
  });
  if (Object.keys(fields).length) throw badRequest('FILE_NOT_USABLE', '引用的文件不存在、不属于本单位或类型不符', fields);
}

/** The record before the change, and the checked requested values, per kind. */
async function prepare(db: DbOrTx, studio: StudioRow, edition: Edition, input: CreateChangeRequest, asOf: string) {
  const r = input.requested;
  const missing = (field: string, message: string) => badRequest('CHANGE_FIELDS_MISSING', message, { [`requested.${field}`]: message });
  switch (input.kind) {
    case 'leader-unable':
      if (!r.situation) throw missing('situation', '请选择领办人不能继续开展工作的原因（退休、离职、重大疾病或其他不可抗因素）');
      return { before: { leaderName: studio.leaderName, leaderPersonId: studio.leaderPersonId }, requested: { situation: r.situation } };
    case 'leader-replaced': {
      const leader = await newLeaderOf(db, studio, r, asOf);
      if ((leader.personId && leader.personId === studio.leaderPersonId) || (!leader.personId && leader.name === studio.leaderName))
        throw badRequest('CHANGE_NOTHING', '新领办人与现领办人相同', { 'requested.leaderName': '与现领办人相同' });
      await assertNoSecondStudio(db, studio, leader, edition);
      return {
        before: { leaderName: studio.leaderName, leaderPersonId: studio.leaderPersonId, name: studio.name },
        requested: { leaderName: leader.name, leaderPersonId: leader.personId, ...(leader.idNumber ? { leaderIdNumber: leader.idNumber } : {}) },
      };
    }
    case 'leader-retirement-extension':
      if (!r.arrangement) throw missing('arrangement', '请选择返聘或延迟退休');
      if (r.until && r.until < input.effectiveOn) throw badRequest('CHANGE_DATES', '返聘或延迟退休的截止日期不能早于发生日期', { 'requested.until': '不能早于发生日期' });
      return { before: { leaderName: studio.leaderName, leaderPersonId: studio.leaderPersonId }, requested: { arrangement: r.arrangement, ...(r.until ? { until: r.until } : {}) } };
    case 'unit-renamed':
      if (!r.unitName) throw missing('unitName', '请填写变更后的单位名称');
      if (r.unitName === studio.unitName) throw badRequest('CHANGE_NOTHING', '变更后的单位名称与现名称相同', { 'requested.unitName': '与现名称相同' });
      return { before: { unitName: studio.unitName }, requested: { unitName: r.unitName } };
    case 'unit-moved':
      if (!r.address) throw missing('address', '请填写变更后的工作地址');
      if (r.address === studio.address) throw badRequest('CHANGE_NOTHING', '变更后的工作地址与现地址相同', { 'requested.address': '与现地址相同' });
      return { before: { address: studio.address }, requested: { address: r.address, leavesJurisdiction: r.leavesJurisdiction ?? false } };
  }
}

function ruleOf(edition: Edition, kind: string): ChangeRule | undefined {
  return edition.changeRules.find((r) => r.kind === kind);
}

function assertFileable(studio: StudioRow, edition: Edition, kind: ChangeKind): ChangeRule {
  if (!edition.changeRules.length) throw new AppError('NO_CHANGE_RULES', 422, noRulesNotice(edition));
  if (!LIVE_STATUSES.includes(studio.status))
    throw conflict('STUDIO_REVOKED', `该工作室已${studio.status === 'revoked' ? `被取消称号${studio.revocationArticle ? `（${studio.revocationArticle}）` : ''}` : '不在册'}，不能申请变更`);
  const rule = ruleOf(edition, kind);
  if (!rule) throw new AppError('CHANGE_KIND_NOT_PROVIDED', 422, `${edition.documentNumber} 未规定“${CHANGE_KIND_NAMES[kind].zh}”事项，请联系${edition.authorities.program.zh}`);
  if (rule.requiresNewApplication)
    throw new AppError(
      'NEW_APPLICATION_REQUIRED',
      422,
      `按 ${citeOf(rule.citation)}：${rule.text.zh} 更换领办人不能以变更申请办理，请按本办法的申报条件和工作流程，在下一个申报批次为新领办人重新提交认定申请。`,
    );
  return rule;
}

/** POST /api/studios/:id/change-requests: the unit files a change (one open request per studio and kind). */
export async function createChangeRequest(db: Db, caller: ChangesCaller, studioId: string, input: CreateChangeRequest, now: Date): Promise<ChangeRequestView> {
  const studio = await studioInScope(db, caller, studioId, 'unit');
  const edition = editionOf(studio);
  const rule = assertFileable(studio, edition, input.kind);
  const today = shanghaiDate(now);
  if (input.effectiveOn < studio.recognizedOn)
    throw badRequest('CHANGE_DATES', `发生日期不能早于工作室认定日期（${studio.recognizedOn}）`, { effectiveOn: `不能早于 ${studio.recognizedOn}` });
  const { before, requested } = await prepare(db, studio, edition, input, today);
  await assertUsableFiles(db, caller, input.fileIds);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    // Serialises filings on the studio, so two concurrent requests of one kind cannot both be open.
    await tx.select({ id: studios.id }).from(studios).where(eq(studios.id, studioId)).for('update');
    const [open] = await tx
      .select({ id: changeRequests.id })
      .from(changeRequests)
      .where(and(eq(changeRequests.studioId, studioId), eq(changeRequests.kind, input.kind), eq(changeRequests.status, 'submitted')))
      .limit(1);
    if (open) throw conflict('CHANGE_OPEN_EXISTS', `该工作室已有一件待审核的“${CHANGE_KIND_NAMES[input.kind].zh}”申请，请等待审核结果或先撤回`);
    const row = {
      id,
      studioId,
      jurisdictionId: studio.jurisdictionId,
      editionId: edition.id,
      ruleId: rule.id,
      kind: input.kind,
      citation: citeOf(rule.citation),
      before,
      requested,
      reason: input.reason,
      effectiveOn: input.effectiveOn,
      fileIds: [...new Set(input.fileIds)],
      status: 'submitted',
      submittedBy: caller.actor.userId,
      submittedAt: now,
    };
    await tx.insert(changeRequests).values(row);
    await recordAudit(tx, caller.actor, { action: 'change.submitted', entityType: 'change_request', entityId: id, jurisdictionId: studio.jurisdictionId, after: row }, now);
  });
  return getChangeRequest(db, caller, id);
}

// ---------------------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------------------

/** POST /api/change-requests/:id/files: the unit adds a document while the request waits (PDF/JPG/PNG by content). */
export async function addFile(db: Db, storage: Storage, caller: ChangesCaller, id: string, file: { stream: Readable; filename: string }, now: Date) {
  const { change } = await changeInScope(db, caller, id, 'unit');
  if (change.status !== 'submitted') throw conflict('CHANGE_NOT_OPEN', `该申请${CHANGE_STATUS_NAMES[change.status as ChangeStatus]?.zh ?? change.status}，不能再补充材料`);
  if (change.fileIds.length >= MAX_FILES) throw conflict('TOO_MANY_FILES', `每件变更申请最多 ${MAX_FILES} 个材料`);
  return storeUpload(storage, file, { maxBytes: MAX_FILE_BYTES, uploadedBy: caller.actor.userId, now }, async (fileRow) => {
    await db.transaction(async (tx) => {
      await tx.insert(files).values(fileRow);
      const updated = await tx
        .update(changeRequests)
        .set({ fileIds: sql`${changeRequests.fileIds} || ${JSON.stringify([fileRow.id])}::jsonb`, version: sql`${changeRequests.version} + 1` })
        .where(and(eq(changeRequests.id, id), eq(changeRequests.status, 'submitted'), sql`jsonb_array_length(${changeRequests.fileIds}) < ${MAX_FILES}`))
        .returning({ id: changeRequests.id });
      if (!updated.length) throw conflict('CHANGE_NOT_OPEN', '该申请已处理或材料已满，不能再补充材料');
      await recordAudit(tx, caller.actor, { action: 'change.submitted', entityType: 'change_request', entityId: id, jurisdictionId: change.jurisdictionId, after: { fileAdded: fileRow } }, now);
    });
    return { id: fileRow.id, name: fileRow.originalName, mimeType: fileRow.mimeType, size: fileRow.size, url: `/api/change-requests/${id}/files/${fileRow.id}` };
  });
}

/** GET /api/change-requests/:id/files/:fileId: a document of a request the caller may read. */
export async function readFile(db: Db, storage: Storage, caller: ChangesCaller, id: string, fileId: string) {
  const { change } = await changeInScope(db, caller, id, 'read');
  if (!change.fileIds.includes(fileId)) throw notFound('文件', 'CHANGE_FILE_NOT_FOUND');
  const [f] = await db.select().from(files).where(eq(files.id, fileId)).limit(1);
  if (!f) throw notFound('文件', 'CHANGE_FILE_NOT_FOUND');
  return { file: f, stream: storage.read(f.storageKey) };
}

// ---------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------

async function present(db: DbOrTx, rows: { change: ChangeRow; studio: StudioRow }[], withRetirement: boolean): Promise<ChangeRequestView[]> {
  if (!rows.length) return [];
  const fileIds = [...new Set(rows.flatMap((r) => r.change.fileIds))];
  const fileRows = fileIds.length ? await db.select({ id: files.id, name: files.originalName, mimeType: files.mimeType, size: files.size }).from(files).where(inArray(files.id, fileIds)) : [];
  const userIds = [...new Set(rows.flatMap((r) => [r.change.decidedBy, r.change.submittedBy]).filter((x): x is string => !!x))];
  const people = userIds.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)) : [];
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? null) : null);
  const out: ChangeRequestView[] = [];
  for (const { change: c, studio: s } of rows) {
    const rule = getEdition(c.editionId) ? ruleOf(getEdition(c.editionId)!, c.kind) : undefined;
    const kind = c.kind as ChangeKind;
    out.push({
      id: c.id,
      studioId: s.id,
      studioName: s.name,
      studioStatus: s.status,
      unitName: s.unitName,
      jurisdiction: c.jurisdictionId,
      editionId: c.editionId,
      kind,
      kindName: CHANGE_KIND_NAMES[kind]?.zh ?? c.kind,
      citation: c.citation,
      ruleText: rule?.text.zh ?? null,
      requires: rule?.requires.zh ?? null,
      before: c.before,
      // The 身份证号 is kept for the one-studio check, and shown masked.
      requested: typeof c.requested.leaderIdNumber === 'string' ? { ...c.requested, leaderIdNumber: maskIdNumber(c.requested.leaderIdNumber) } : c.requested,
      reason: c.reason,
      effectiveOn: c.effectiveOn,
      files: c.fileIds
        .map((id) => fileRows.find((f) => f.id === id))
        .filter((f): f is NonNullable<typeof f> => !!f)
        .map((f) => ({ ...f, url: `/api/change-requests/${c.id}/files/${f.id}` })),
      status: c.status as ChangeStatus,
      statusName: CHANGE_STATUS_NAMES[c.status as ChangeStatus]?.zh ?? c.status,
      decisionReason: c.decisionReason,
      decidedAt: c.decidedAt ? toShanghaiIso(c.decidedAt) : null,
      decidedBy: nameOf(c.decidedBy),
      submittedAt: toShanghaiIso(c.submittedAt),
      submittedBy: nameOf(c.submittedBy),
      retirement: withRetirement && kind === 'leader-retirement-extension' ? await retirementOf(db, s) : null,
      version: c.version,
    });
  }
  return out;
}

/** GET /api/change-requests: the unit its own, officers and the inspector their jurisdictions'. */
export async function listChangeRequests(db: Db, caller: ChangesCaller, query: { status?: ChangeStatus; studioId?: string }): Promise<ChangeRequestView[]> {
  const scope = jurisdictionsWith(caller, OFFICER_ROLES);
  const who: SQL[] = [];
  if (scope.length) who.push(inArray(changeRequests.jurisdictionId, scope));
  if (caller.unitId) who.push(eq(studios.unitId, caller.unitId));
  if (!who.length) return [];
  const where = [or(...who)!];
  if (query.status) where.push(eq(changeRequests.status, query.status));
  if (query.studioId) where.push(eq(changeRequests.studioId, query.studioId));
  const rows = await db
    .select({ change: changeRequests, studio: studios })
    .from(changeRequests)
    .innerJoin(studios, eq(studios.id, changeRequests.studioId))
    .where(and(...where))
    .orderBy(sql`case when ${changeRequests.status} = 'submitted' then 0 else 1 end`, desc(changeRequests.submittedAt));
  return present(db, rows, false);
}

/** GET /api/change-requests/:id. */
export async function getChangeRequest(db: DbOrTx, caller: ChangesCaller, id: string): Promise<ChangeRequestView> {
  const row = await changeInScope(db, caller, id, 'read');
  return (await present(db, [row], true))[0]!;
}

// ---------------------------------------------------------------------------------------------------------
// Deciding
// ---------------------------------------------------------------------------------------------------------

function assertOpen(change: ChangeRow, version: number) {
  if (change.status !== 'submitted')
    throw conflict('CHANGE_ALREADY_DECIDED', `该变更申请${CHANGE_STATUS_NAMES[change.status as ChangeStatus]?.zh ?? change.status}，不能重复处理`);
  if (change.version !== version) throw conflict('CONCURRENT_UPDATE', '该变更申请刚被修改（补充了材料或已被处理），请刷新后再操作');
}

/** Sets the request's outcome if it is still the version the caller saw; else 409 (approving twice). */
async function settle(tx: DbOrTx, change: ChangeRow, version: number, set: Partial<typeof changeRequests.$inferInsert>) {
  const updated = await tx
    .update(changeRequests)
    .set({ ...set, version: sql`${changeRequests.version} + 1` })
    .where(and(eq(changeRequests.id, change.id), eq(changeRequests.version, version), eq(changeRequests.status, 'submitted')))
    .returning({ id: changeRequests.id });
  if (!updated.length) throw conflict('CHANGE_ALREADY_DECIDED', '该变更申请已被处理，不能重复处理');
}

/** The studio name after a new leader: the edition's format where it has one, else the old leader's name replaced. */
function renamedForLeader(studio: StudioRow, edition: Edition, leaderName: string): string {
  const format = edition.programs.find((p) => p.id === 'studio-recognition')?.studioNameFormat;
  if (format) return format.template.replace('{leaderName}', leaderName).replace('{occupation}', studio.occupation);
  return studio.name.includes(studio.leaderName) ? studio.name.replace(studio.leaderName, leaderName) : studio.name;
}

/**
 * POST /api/change-requests/:id/approve (program officer): applies the change to the studio in the same transaction
 * and appends the studio's history (before/after, the article, the request).
 */
export async function approveChangeRequest(db: Db, caller: ChangesCaller, id: string, input: { version: number; reason?: string }, now: Date): Promise<ChangeRequestView> {
  const { change, studio } = await changeInScope(db, caller, id, 'program');
  assertOpen(change, input.version);
  const edition = editionOf(studio);
  if (!LIVE_STATUSES.includes(studio.status)) throw conflict('STUDIO_REVOKED', `该工作室已${studio.status === 'revoked' ? '被取消称号' : '不在册'}，不能同意变更，请驳回`);
  const kind = change.kind as ChangeKind;
  const rule = ruleOf(edition, kind);
  if (!rule) throw new AppError('CHANGE_KIND_NOT_PROVIDED', 422, `${edition.documentNumber} 未规定此类变更`);
  if (rule.requiresNewApplication) throw new AppError('NEW_APPLICATION_REQUIRED', 422, `按 ${citeOf(rule.citation)}，更换领办人须重新申报，不能以变更申请办理，请驳回`);
  const req = change.requested as Record<string, unknown>;
  const happenedOn = change.effectiveOn ?? shanghaiDate(now);
  const citation = change.citation;
  // Checked again at the decision: the new leader may have been given another studio since the filing.
  if (kind === 'leader-replaced')
    await assertNoSecondStudio(db, studio, { name: String(req.leaderName), personId: (req.leaderPersonId as string | null) ?? null, idNumber: (req.leaderIdNumber as string | undefined) ?? null }, edition);

  await db.transaction(async (tx) => {
    await settle(tx, change, input.version, { status: 'approved', decisionReason: input.reason || null, decidedBy: caller.actor.userId, decidedAt: now });
    const entry = { studioId: studio.id, happenedOn, citation, changeRequestId: change.id, actorId: caller.actor.userId };
    let studioSet: Partial<typeof studios.$inferInsert> | null = null;
    let before: Record<string, unknown> = {};
    if (kind === 'leader-unable') {
      const situation = LEADER_UNABLE_SITUATIONS[req.situation as keyof typeof LEADER_UNABLE_SITUATIONS]?.zh ?? '其他';
      await appendStudioHistory(
        tx,
        { ...entry, kind: 'leader-stopped', before: { leaderName: studio.leaderName }, after: { situation: req.situation, stoppedOn: happenedOn }, note: `领办人${studio.leaderName}因${situation}不能继续开展工作（情况说明已报送）` },
        now,
      );
    } else if (kind === 'leader-replaced') {
      const leaderName = String(req.leaderName);
      studioSet = { leaderName, leaderPersonId: (req.leaderPersonId as string | null) ?? null, name: renamedForLeader(studio, edition, leaderName) };
      before = { leaderName: studio.leaderName, leaderPersonId: studio.leaderPersonId, name: studio.name };
      await appendStudioHistory(tx, { ...entry, kind: 'leader', before, after: studioSet, note: `领办人由${studio.leaderName}变更为${leaderName}（审核同意并备案）` }, now);
    } else if (kind === 'leader-retirement-extension') {
      const retirement = await retirementOf(tx, studio);
      await appendStudioHistory(
        tx,
        {
          ...entry,
          kind: 'leader-retirement-extension',
          before: { leaderName: studio.leaderName, retirementDate: retirement?.retirementDate ?? null },
          after: { arrangement: req.arrangement, until: req.until ?? null },
          note: `领办人${studio.leaderName}${req.arrangement === 'rehired' ? '返聘' : '延迟退休'}${req.until ? `至 ${req.until}` : ''}`,
        },
        now,
      );
    } else if (kind === 'unit-renamed') {
      studioSet = { unitName: String(req.unitName) };
      before = { unitName: studio.unitName };
      await appendStudioHistory(tx, { ...entry, kind: 'unit-name', before, after: studioSet, note: `所在单位名称由“${studio.unitName}”变更为“${req.unitName}”，工作室名称不变` }, now);
    } else if (kind === 'unit-moved') {
      studioSet = { address: String(req.address) };
      before = { address: studio.address };
      await appendStudioHistory(tx, { ...entry, kind: 'address', before, after: studioSet }, now);
      if (req.leavesJurisdiction === true)
        await appendStudioHistory(tx, { ...entry, kind: 'unit-left-jurisdiction', before, after: { address: req.address }, note: '工作室所在单位迁出本区' }, now);
    }
    if (studioSet) {
      await tx.update(studios).set({ ...studioSet, updatedAt: now }).where(eq(studios.id, studio.id));
      await recordAudit(tx, caller.actor, { action: 'studio.updated', entityType: 'studio', entityId: studio.id, jurisdictionId: studio.jurisdictionId, before, after: { ...studioSet, changeRequestId: change.id, citation } }, now);
    }
    await recordAudit(tx, caller.actor, { action: 'change.approved', entityType: 'change_request', entityId: change.id, jurisdictionId: change.jurisdictionId, before: { status: change.status }, after: { status: 'approved', reason: input.reason ?? null } }, now);
    if (studio.unitId)
      await notifyUnit(
        tx,
        studio.unitId,
        { template: 'change.approved', title: `变更申请已同意：${studio.name}`, body: `${studio.name}的“${CHANGE_KIND_NAMES[kind].zh}”申请已审核同意（${citation}）。${input.reason ?? ''}`, payload: { changeRequestId: change.id } },
        now,
      );
  });
  return getChangeRequest(db, caller, id);
}

/** POST /api/change-requests/:id/reject (program officer): with a reason. */
export async function rejectChangeRequest(db: Db, caller: ChangesCaller, id: string, input: { version: number; reason: string }, now: Date): Promise<ChangeRequestView> {
  const { change, studio } = await changeInScope(db, caller, id, 'program');
  assertOpen(change, input.version);
  if (!input.reason.trim()) throw badRequest('REASON_REQUIRED', '请填写驳回理由', { reason: '请填写驳回理由' });
  await db.transaction(async (tx) => {
    await settle(tx, change, input.version, { status: 'rejected', decisionReason: input.reason, decidedBy: caller.actor.userId, decidedAt: now });
    await recordAudit(tx, caller.actor, { action: 'change.rejected', entityType: 'change_request', entityId: change.id, jurisdictionId: change.jurisdictionId, before: { status: change.status }, after: { status: 'rejected', reason: input.reason } }, now);
    if (studio.unitId)
      await notifyUnit(
        tx,
        studio.unitId,
        { template: 'change.rejected', title: `变更申请未获同意：${studio.name}`, body: `${studio.name}的“${CHANGE_KIND_NAMES[change.kind as ChangeKind]?.zh ?? change.kind}”申请未获同意。理由：${input.reason}`, payload: { changeRequestId: change.id } },
        now,
      );
  });
  return getChangeRequest(db, caller, id);
}

/** POST /api/change-requests/:id/withdraw: the unit withdraws its request while it waits. */
export async function withdrawChangeRequest(db: Db, caller: ChangesCaller, id: string, input: { version: number }, now: Date): Promise<ChangeRequestView> {
  const { change } = await changeInScope(db, caller, id, 'unit');
  if (change.status !== 'submitted') throw conflict('CHANGE_NOT_OPEN', `该变更申请${CHANGE_STATUS_NAMES[change.status as ChangeStatus]?.zh ?? change.status}，不能撤回`);
  if (change.version !== input.version) throw conflict('CONCURRENT_UPDATE', '该变更申请刚被修改，请刷新后再操作');
  await db.transaction(async (tx) => {
    await settle(tx, change, input.version, { status: 'withdrawn' });
    await recordAudit(tx, caller.actor, { action: 'change.withdrawn', entityType: 'change_request', entityId: change.id, jurisdictionId: change.jurisdictionId, before: { status: change.status }, after: { status: 'withdrawn' } }, now);
  });
  return getChangeRequest(db, caller, id);
}

// ---------------------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------------------

/**
 * GET /api/studios/:id/history: recognition and titles (from studio_titles), then every appended entry (changes,
 * revocation), oldest first.
 */
export async function getStudioHistory(db: Db, caller: ChangesCaller, studioId: string): Promise<StudioHistory> {
  const studio = await studioInScope(db, caller, studioId, 'read');
  const titles = await db.select().from(studioTitles).where(eq(studioTitles.studioId, studioId)).orderBy(asc(studioTitles.awardedOn));
  const rows = await db.select().from(studioHistory).where(eq(studioHistory.studioId, studioId)).orderBy(asc(studioHistory.happenedOn), asc(studioHistory.createdAt));
  const entries: HistoryEntry[] = [];
  const hasRecognised = rows.some((r) => r.kind === 'recognised');
  if (!hasRecognised)
    entries.push({
      id: `recognised-${studio.id}`,
      kind: 'recognised',
      kindName: HISTORY_KIND_NAMES.recognised!,
      happenedOn: studio.recognizedOn,
      before: null,
      after: { name: studio.name, plaqueNumber: studio.plaqueNumber },
      citation: titles.find((t) => t.level === 'district')?.document ?? null,
      note: '认定为区级技能大师工作室',
      changeRequestId: null,
      revocationCaseId: null,
    });
  for (const t of titles) {
    if (t.level === 'district' && !hasRecognised && t.awardedOn === studio.recognizedOn) continue;
    entries.push({
      id: `title-${t.id}`,
      kind: 'title',
      kindName: HISTORY_KIND_NAMES.title!,
      happenedOn: t.awardedOn,
      before: null,
      after: { level: t.level, award: t.award },
      citation: t.document,
      note: `入选${STUDIO_LEVEL_NAMES[t.level as keyof typeof STUDIO_LEVEL_NAMES]?.zh ?? t.level}技能大师工作室`,
      changeRequestId: null,
      revocationCaseId: null,
    });
  }
  for (const r of rows)
    entries.push({
      id: r.id,
      kind: r.kind,
      kindName: HISTORY_KIND_NAMES[r.kind] ?? r.kind,
      happenedOn: r.happenedOn,
      before: r.before,
      after: r.after,
      citation: r.citation,
      note: r.note,
      changeRequestId: r.changeRequestId,
      revocationCaseId: r.revocationCaseId,
    });
  if (studio.status === 'revoked' && studio.revokedOn && !rows.some((r) => r.kind === 'revoked'))
    entries.push({
      id: `revoked-${studio.id}`,
      kind: 'revoked',
      kindName: HISTORY_KIND_NAMES.revoked!,
      happenedOn: studio.revokedOn,
      before: null,
      after: null,
      citation: studio.revocationArticle,
      note: studio.revocationReason,
      changeRequestId: null,
      revocationCaseId: null,
    });
  entries.sort((a, b) => a.happenedOn.localeCompare(b.happenedOn));
  return { studioId, studioName: studio.name, status: studio.status, entries };
}
