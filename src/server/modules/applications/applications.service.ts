import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { addWorkingDays, workingDaysBetween } from '../../../policy/calendar';
import { validateForm } from '../../../policy/engine';
import type { Role } from '../../../shared/accounts';
import { formatShanghai, shanghaiDate, toShanghaiIso } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import { preparedPer } from '../../db/prepared';
import {
  applicationEvents,
  applicationForms,
  applicationMaterials,
  applications,
  calls,
  corrections,
  counters,
  experts,
  files,
  reviewAssignments,
  units,
  users,
} from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { type SniffedType, type Storage } from '../../storage/storage';
import { storeUpload } from '../../storage/upload';
import { EDITABLE, statusName, transition, type ApplicationStatus } from '../../workflow/intake';
import { IN_REVIEW_LABEL, UNIT_VISIBLE_STATUS } from '../../workflow/review';
import { recordAudit, type Actor } from '../audit/audit.service';
import { logAccess } from '../review/access-log';
import { callStatus } from '../calls/calls.service';
import { notifyUnit } from '../notifications/notifications.service';
import { loadCalendarOverrides } from '../policies/calendar.service';
import { isRequiredForm, isRequiredUpload, listFieldsFrom, requirementWords, requirementsOf } from './applications.rules';
import { paperIntakeStage, pendingPaperDossier } from './paper-dossier.service';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FORM_BYTES = 256 * 1024;
const DEFAULT_MAX_FILES = 10;

type AppRow = typeof applications.$inferSelect;

/** The caller, as far as applications care: who, which roles where, which unit. */
export interface Caller {
  actor: Actor;
  role: Role | null;
  unitId: string | null;
  /** Jurisdictions where the caller holds an officer or inspector role. */
  officerJurisdictions: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Who may see / change what (STYLE.md 3): one place.
// ---------------------------------------------------------------------------------------------------------

function canRead(caller: Caller, app: Pick<AppRow, 'unitId' | 'jurisdictionId'>) {
  return (caller.unitId !== null && caller.unitId === app.unitId) || caller.officerJurisdictions.includes(app.jurisdictionId);
}

/**
 * Assignment statuses that open an application to its expert: only after declaring no conflict of interest
 * (pending, conflict and withdrawn keep it closed — 回避, 京兴人社发〔2025〕21号 第十一条). DESIGN.md: GET
 * /api/applications gives "an expert its assignments"; every expert read is written to the access log.
 */
const EXPERT_READABLE = ['accepted', 'submitted'];

/** The applications of the expert user's declared assignments (a subquery for the list's scope). */
function expertAssigned(userId: string) {
  return sql`${applications.id} in (select ${reviewAssignments.applicationId} from ${reviewAssignments} inner join ${experts} on ${experts.id} = ${reviewAssignments.expertId} where ${experts.userId} = ${userId} and ${inArray(reviewAssignments.status, EXPERT_READABLE)})`;
}

/** canRead, or the caller is an expert whose declared assignment covers the application. */
async function canReadMaterials(db: DbOrTx, caller: Caller, app: Pick<AppRow, 'id' | 'unitId' | 'jurisdictionId'>) {
  if (canRead(caller, app)) return true;
  if (!caller.actor.userId || caller.unitId) return false;
  const [row] = await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
    .where(and(eq(reviewAssignments.applicationId, app.id), eq(experts.userId, caller.actor.userId), inArray(reviewAssignments.status, EXPERT_READABLE)))
    .limit(1);
  return !!row;
}

function assertOwnUnit(caller: Caller, app: Pick<AppRow, 'unitId'>) {
  if (caller.unitId === null || caller.unitId !== app.unitId) throw notFound('申报', 'APPLICATION_NOT_FOUND');
}

async function loadApplication(db: DbOrTx, id: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).limit(1);
  if (!row) throw notFound('申报', 'APPLICATION_NOT_FOUND');
  return row;
}

async function loadCallOf(db: DbOrTx, app: Pick<AppRow, 'callId'>) {
  const [call] = await db.select().from(calls).where(eq(calls.id, app.callId)).limit(1);
  return call!;
}

// ---------------------------------------------------------------------------------------------------------
// Create
// ---------------------------------------------------------------------------------------------------------

const JURISDICTION_PREFIX: Record<string, string> = { daxing: 'DX', etdz: 'KF', shunyi: 'SY' };
const PROGRAM_CODE: Record<string, string> = { 'studio-recognition': 'GZS', 'construction-project': 'XM' };

async function nextNumber(tx: DbOrTx, jurisdictionId: string, year: number, program: string) {
  const prefix = `${JURISDICTION_PREFIX[jurisdictionId] ?? jurisdictionId.slice(0, 2).toUpperCase()}-${year}-${PROGRAM_CODE[program] ?? 'X'}`;
  await tx.insert(counters).values({ name: prefix, value: 0 }).onConflictDoNothing();
  const [row] = await tx
    .update(counters)
    .set({ value: sql`${counters.value} + 1` })
    .where(eq(counters.name, prefix))
    .returning({ value: counters.value });
  return `${prefix}-${String(row.value).padStart(4, '0')}`;
}

export async function createApplication(db: Db, caller: Caller, input: { callId: string; studioRecognized: boolean }, now: Date) {
  if (!caller.unitId) throw new AppError('UNIT_REQUIRED', 403, '只有申报单位账号可以发起申报');
  const [call] = await db.select().from(calls).where(eq(calls.id, input.callId)).limit(1);
  if (!call) throw new AppError('CALL_NOT_FOUND', 404, '申报批次不存在');
  const status = callStatus(call, now);
  if (status !== 'open') {
    throw new AppError('CALL_NOT_OPEN', 409, status === 'upcoming' ? `申报尚未开始（${formatShanghai(call.opensAt)} 开始）` : `申报已截止（${formatShanghai(call.closesAt)}）`);
  }
  const [unit] = await db.select().from(units).where(eq(units.id, caller.unitId));
  if (unit.jurisdictionId !== call.jurisdictionId) {
    throw new AppError('CALL_OTHER_JURISDICTION', 403, '本批次只接受在本辖区注册或经营的单位申报');
  }
  const [existing] = await db
    .select({ id: applications.id, number: applications.number })
    .from(applications)
    .where(and(eq(applications.callId, call.id), eq(applications.unitId, unit.id)));
  if (existing) throw new AppError('APPLICATION_EXISTS', 409, `本单位在该批次已有申报（${existing.number}），请继续填写该申报`);

  const id = randomUUID();
  await db.transaction(async (tx) => {
    const number = await nextNumber(tx, call.jurisdictionId, call.year, call.program);
    const row = {
      id,
      number,
      callId: call.id,
      unitId: unit.id,
      jurisdictionId: call.jurisdictionId,
      program: call.program,
      status: 'draft' as ApplicationStatus,
      version: 1,
      round: 0,
      studioRecognized: input.studioRecognized,
      createdBy: caller.actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(applications).values(row);
    await event(tx, id, caller, now, { action: 'created', toStatus: 'draft', round: 0 });
    await recordAudit(tx, caller.actor, { action: 'application.created', entityType: 'application', entityId: id, jurisdictionId: call.jurisdictionId, after: row }, now);
  });
  return getApplication(db, caller, id, now);
}

async function event(
  tx: DbOrTx,
  applicationId: string,
  caller: Caller,
  now: Date,
  e: { action: string; fromStatus?: string; toStatus?: string; round: number; note?: string; details?: unknown },
) {
  await tx.insert(applicationEvents).values({
    id: randomUUID(),
    applicationId,
    at: now,
    actorUserId: caller.actor.userId,
    actorName: caller.actor.username,
    action: e.action,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    round: e.round,
    note: e.note ?? null,
    details: e.details ?? null,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Read
// ---------------------------------------------------------------------------------------------------------

export async function getApplication(db: Db, caller: Caller, id: string, now: Date, options: { logRead?: boolean } = {}) {
  const app = await loadApplication(db, id);
  if (!(await canReadMaterials(db, caller, app))) throw notFound('申报', 'APPLICATION_NOT_FOUND');
  // Who saw what when (issue 5, inspector view): reads by officers and experts, not by the unit itself.
  if (options.logRead && caller.unitId !== app.unitId) await logAccess(db, caller.actor, { applicationId: app.id, callId: app.callId, what: 'application' }, now);
  const call = await loadCallOf(db, app);
  const req = requirementsOf(call.editionId, app.program, app.studioRecognized);
  const [forms, materials, events, rounds, [unit]] = await Promise.all([
    db.select().from(applicationForms).where(eq(applicationForms.applicationId, id)),
    db
      .select({ id: applicationMaterials.id, itemId: applicationMaterials.itemId, fileId: files.id, name: files.originalName, mimeType: files.mimeType, size: files.size, sha256: files.sha256, createdAt: applicationMaterials.createdAt })
      .from(applicationMaterials)
      .innerJoin(files, eq(files.id, applicationMaterials.fileId))
      .where(eq(applicationMaterials.applicationId, id))
      .orderBy(asc(applicationMaterials.createdAt)),
    db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id)).orderBy(asc(applicationEvents.seq)),
    db.select().from(corrections).where(eq(corrections.applicationId, id)).orderBy(asc(corrections.round)),
    db.select({ name: units.name, creditCode: units.creditCode }).from(units).where(eq(units.id, app.unitId)),
  ]);
  const paperDossier = await pendingPaperDossier(db, app);
  const asOf = shanghaiDate(now);
  const openCorrection = app.status === 'returned' ? rounds.find((c) => c.round === app.round) : undefined;
  // The unit sees nothing of the review's outcome before the notice (issue 5/6): 评审中 throughout.
  const forUnit = isUnitView(caller, app);
  return {
    ...presentSummary(app, call.title, unit.name, forUnit),
    editionId: call.editionId,
    unitCreditCode: unit.creditCode,
    studioRecognized: app.studioRecognized,
    call: { id: call.id, title: call.title, status: callStatus(call, now), closesAt: toShanghaiIso(call.closesAt) },
    editable: EDITABLE.includes(app.status as ApplicationStatus) && caller.unitId === app.unitId,
    forms: req.forms.map((f) => {
      const saved = forms.find((x) => x.formId === f.id);
      const issues = saved ? validateForm(f, saved.data, asOf) : [];
      return {
        id: f.id,
        title: f.title.zh,
        required: isRequiredForm(f),
        version: saved?.version ?? 0,
        data: saved?.data ?? null,
        updatedAt: saved ? saved.updatedAt.toISOString() : null,
        complete: !!saved && issues.length === 0,
        issues: issues.map((i) => ({ path: i.path, message: i.message })),
        editable: isItemEditable(app, openCorrection?.items, 'form', f.id),
      };
    }),
    checklist: req.checklist.map((m) => ({
      id: m.id,
      order: m.order,
      title: m.title.zh,
      supply: m.supply,
      formId: m.formId ?? null,
      required: isRequiredUpload(m),
      requirements: requirementWords(m),
      formats: m.formats,
      template: m.template?.zh ?? null,
      notes: m.notes?.zh ?? null,
      condition: m.condition?.zh ?? null,
      maxFiles: m.maxFiles ?? DEFAULT_MAX_FILES,
      files: materials.filter((x) => x.itemId === m.id).map((x) => ({ id: x.id, name: x.name, mimeType: x.mimeType, size: x.size, sha256: x.sha256, uploadedAt: x.createdAt.toISOString() })),
      editable: m.supply !== 'online-form' && isItemEditable(app, openCorrection?.items, 'material', m.id),
    })),
    corrections: rounds.map((c) => ({ round: c.round, items: c.items, deadline: c.deadline, requestedAt: c.requestedAt.toISOString(), answeredAt: c.answeredAt?.toISOString() ?? null })),
    /** 经开区 办事指南 五（二）: whether the edition has a paper dossier stage, and the pending notice's deadline. */
    paperIntake: !!paperIntakeStage(call.editionId, app.program),
    paperDossier,
    timeline: (forUnit ? events.filter((e) => !(e.fromStatus && e.fromStatus in UNIT_VISIBLE_STATUS)) : events).map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actor: e.actorName,
      fromStatus: e.fromStatus,
      toStatus: forUnit && e.toStatus ? (UNIT_VISIBLE_STATUS[e.toStatus] ?? e.toStatus) : e.toStatus,
      toStatusName: e.toStatus ? (forUnit && e.toStatus in UNIT_VISIBLE_STATUS ? IN_REVIEW_LABEL.zh : statusName(e.toStatus)) : null,
      round: e.round,
      note: e.note,
      details: forUnit && e.toStatus && e.toStatus in UNIT_VISIBLE_STATUS ? null : e.details,
    })),
  };
}

/** In a draft everything is editable; when returned for correction, only the items the desk listed (补正). */
function isItemEditable(app: AppRow, items: { kind: string; id: string }[] | undefined, kind: 'form' | 'material', id: string) {
  if (app.status === 'draft') return true;
  if (app.status === 'returned') return !!items?.some((i) => i.kind === kind && i.id === id);
  return false;
}

/** Whether the caller reads the application as its unit (not as an officer of its jurisdiction). */
function isUnitView(caller: Caller, app: Pick<AppRow, 'unitId' | 'jurisdictionId'>) {
  return caller.unitId !== null && caller.unitId === app.unitId && !caller.officerJurisdictions.includes(app.jurisdictionId);
}

function presentSummary(app: AppRow, callTitle: string, unitName: string, forUnit = false) {
  const masked = forUnit && app.status in UNIT_VISIBLE_STATUS;
  return {
    id: app.id,
    number: app.number,
    callId: app.callId,
    callTitle,
    program: app.program,
    jurisdiction: app.jurisdictionId,
    unitId: app.unitId,
    unitName,
    title: app.title,
    leaderName: app.leaderName,
    status: masked ? UNIT_VISIBLE_STATUS[app.status] : app.status,
    statusName: masked ? IN_REVIEW_LABEL.zh : statusName(app.status),
    round: app.round,
    version: app.version,
    submittedAt: app.submittedAt ? toShanghaiIso(app.submittedAt) : null,
    updatedAt: toShanghaiIso(app.updatedAt),
  };
}

/** Statuses in which an application waits for the intake desk (初审). */
const WAITING_FOR_DESK = new Set(['submitted', 'resubmitted']);

const SORTS = {
  '-updatedAt': [desc(applications.updatedAt), desc(applications.id)],
  updatedAt: [asc(applications.updatedAt), asc(applications.id)],
  '-submittedAt': [sql`${applications.submittedAt} desc nulls last`, desc(applications.id)],
  submittedAt: [sql`${applications.submittedAt} asc nulls last`, asc(applications.id)],
  number: [asc(applications.number)],
  '-number': [desc(applications.number)],
} as const;

/**
 * GET /api/applications: what the caller may see — a unit its own, an officer or inspector their jurisdictions'.
 * Every filter reads columns (no JSON lookups); `applications_list_idx` (jurisdiction, call, status, updated_at)
 * serves the officer's per-call list and the desk's queue.
 */
export async function listApplications(
  db: Db,
  caller: Caller,
  q: { callId?: string; status?: string; q?: string; page: number; pageSize: number; sort?: keyof typeof SORTS },
  now: Date = new Date(),
) {
  const scope: SQL[] = [];
  if (caller.unitId) scope.push(eq(applications.unitId, caller.unitId));
  if (caller.officerJurisdictions.length) scope.push(inArray(applications.jurisdictionId, caller.officerJurisdictions));
  if (caller.role === 'expert' && caller.actor.userId) scope.push(expertAssigned(caller.actor.userId));
  if (!scope.length) return { items: [], total: 0 };
  const unitOnly = !!caller.unitId && !caller.officerJurisdictions.length;
  let statuses = q.status ? [...new Set(q.status.split(','))] : [];
  // A unit filters by what it sees: any review status (or 'in-review') stands for all of them, so no outcome leaks.
  if (unitOnly && statuses.some((st) => st in UNIT_VISIBLE_STATUS || st === 'in-review')) {
    statuses = [...new Set([...statuses.filter((st) => !(st in UNIT_VISIBLE_STATUS) && st !== 'in-review'), ...Object.keys(UNIT_VISIBLE_STATUS)])];
  }
  const like = q.q ? `%${escapeLike(q.q)}%` : undefined;
  const where = and(
    or(...scope),
    q.callId ? eq(applications.callId, q.callId) : undefined,
    statuses.length ? inArray(applications.status, statuses) : undefined,
    like
      ? or(ilike(applications.number, like), ilike(applications.title, like), ilike(applications.leaderName, like), ilike(units.name, like))
      : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ app: applications, callTitle: calls.title, unitName: units.name })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .innerJoin(units, eq(units.id, applications.unitId))
      .where(where)
      .orderBy(...SORTS[q.sort ?? '-updatedAt'])
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: count() })
      .from(applications)
      .innerJoin(units, eq(units.id, applications.unitId))
      .where(where),
  ]);
  const waiting = rows.some((r) => WAITING_FOR_DESK.has(r.app.status));
  const overrides = waiting ? await loadCalendarOverrides(db) : undefined;
  const today = shanghaiDate(now);
  // Working days are counted once per distinct day, not per row (a page holds many applications of one day: issue 8).
  const waitedByDay = new Map<string, number>();
  const waitedSince = (day: string) => {
    let n = waitedByDay.get(day);
    if (n === undefined) waitedByDay.set(day, (n = Math.max(0, workingDaysBetween(day, today, overrides))));
    return n;
  };
  return {
    items: rows.map((r) => {
      // While an application waits for the desk nothing else changes it, so its last change is the (re)submission.
      const since = WAITING_FOR_DESK.has(r.app.status) ? r.app.updatedAt : null;
      return {
        ...presentSummary(r.app, r.callTitle, r.unitName, unitOnly),
        waitingSince: since ? toShanghaiIso(since) : null,
        waitingWorkingDays: since ? waitedSince(shanghaiDate(since)) : null,
      };
    }),
    total: Number(total),
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// ---------------------------------------------------------------------------------------------------------
// Draft: forms and materials
// ---------------------------------------------------------------------------------------------------------

const editableContextQuery = preparedPer((db: DbOrTx) =>
  db
    .select({ app: applications, editionId: calls.editionId })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, sql.placeholder('id')))
    .limit(1)
    .prepare('jx_editable_context'),
);

async function editableContext(db: DbOrTx, caller: Caller, id: string, kind: 'form' | 'material', itemId: string) {
  // The application and its call's edition in one prepared query: every draft save and upload starts here (issue 8).
  const [row] = await editableContextQuery(db).execute({ id });
  if (!row) throw notFound('申报', 'APPLICATION_NOT_FOUND');
  const { app, editionId } = row;
  assertOwnUnit(caller, app);
  if (!EDITABLE.includes(app.status as ApplicationStatus)) {
    throw new AppError('APPLICATION_READ_ONLY', 409, `申报${statusName(app.status)}，不能修改`);
  }
  let items: { kind: string; id: string }[] | undefined;
  if (app.status === 'returned') {
    const [c] = await db.select().from(corrections).where(and(eq(corrections.applicationId, id), eq(corrections.round, app.round)));
    items = c?.items;
  }
  if (!isItemEditable(app, items, kind, itemId)) {
    throw new AppError('ITEM_NOT_IN_CORRECTION', 409, '本轮补正只需修改初审列出的事项，此项不在其中');
  }
  return { app, req: requirementsOf(editionId, app.program, app.studioRecognized) };
}

/**
 * Saves a form draft. Incomplete data is kept (a draft may be half-filled) and its problems returned; a save
 * based on an older version is refused, so a concurrent save is never silently lost.
 */
export async function saveForm(db: Db, caller: Caller, id: string, formId: string, input: { data: Record<string, unknown>; version: number }, now: Date) {
  const { app, req } = await editableContext(db, caller, id, 'form', formId);
  const form = req.forms.find((f) => f.id === formId);
  if (!form) throw new AppError('FORM_NOT_FOUND', 404, '该申报不需要此表单');
  if (Buffer.byteLength(JSON.stringify(input.data)) > MAX_FORM_BYTES) throw new AppError('FORM_TOO_LARGE', 413, '表单内容过长');

  const result = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(applicationForms).where(and(eq(applicationForms.applicationId, id), eq(applicationForms.formId, formId))).for('update');
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.version) {
      throw new AppError('VERSION_CONFLICT', 409, `表单已在别处被修改（当前版本 ${currentVersion}，您的版本 ${input.version}），请刷新后再保存`, { version: String(currentVersion) });
    }
    const version = currentVersion + 1;
    if (current) {
      await tx.update(applicationForms).set({ data: input.data, version, updatedBy: caller.actor.userId, updatedAt: now }).where(and(eq(applicationForms.applicationId, id), eq(applicationForms.formId, formId)));
    } else {
      await tx.insert(applicationForms).values({ applicationId: id, formId, data: input.data, version, updatedBy: caller.actor.userId, updatedAt: now });
    }
    const list = listFieldsFrom(input.data);
    await tx
      .update(applications)
      .set({ updatedAt: now, version: sql`${applications.version} + 1`, ...(list.title ? { title: list.title } : {}), ...(list.leaderName ? { leaderName: list.leaderName } : {}) })
      .where(eq(applications.id, id));
    await recordAudit(
      tx,
      caller.actor,
      { action: 'application.form_saved', entityType: 'application', entityId: id, jurisdictionId: app.jurisdictionId, before: current ? { formId, version: currentVersion, data: current.data } : null, after: { formId, version, data: input.data } },
      now,
    );
    return { version };
  });
  const issues = validateForm(form, input.data, shanghaiDate(now));
  return { formId, version: result.version, savedAt: now.toISOString(), complete: issues.length === 0, issues: issues.map((i) => ({ path: i.path, message: i.message })) };
}

/** Streams an upload to storage, checks it by content, and attaches it to a checklist item. */
export async function uploadMaterial(
  db: Db,
  storage: Storage,
  caller: Caller,
  id: string,
  itemId: string,
  file: { stream: Readable; filename: string },
  now: Date,
) {
  const { app, req } = await editableContext(db, caller, id, 'material', itemId);
  const item = req.uploads.find((m) => m.id === itemId);
  if (!item) throw new AppError('MATERIAL_NOT_FOUND', 404, '该申报没有此材料项，或此项在线填写无需上传');
  const accept = (type: SniffedType) => {
    const kind = type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg';
    return item.formats.includes(kind) ? null : new AppError('FILE_TYPE_NOT_ACCEPTED', 415, `此项只接受 ${item.formats.map((f) => f.toUpperCase()).join('、')} 格式`);
  };
  return storeUpload(storage, file, { maxBytes: MAX_FILE_BYTES, uploadedBy: caller.actor.userId, now, accept }, async (fileRow) => {
    const materialId = randomUUID();
    await db.transaction(async (tx) => {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(applicationMaterials)
        .where(and(eq(applicationMaterials.applicationId, id), eq(applicationMaterials.itemId, itemId)));
      const max = item.maxFiles ?? DEFAULT_MAX_FILES;
      if (Number(n) >= max) throw new AppError('TOO_MANY_FILES', 409, `此项最多上传 ${max} 个文件`);
      await tx.insert(files).values(fileRow);
      await tx.insert(applicationMaterials).values({ id: materialId, applicationId: id, itemId, fileId: fileRow.id, createdAt: now });
      await tx.update(applications).set({ updatedAt: now, version: sql`${applications.version} + 1` }).where(eq(applications.id, id));
      await recordAudit(tx, caller.actor, { action: 'application.material_uploaded', entityType: 'application', entityId: id, jurisdictionId: app.jurisdictionId, after: { itemId, ...fileRow } }, now);
    });
    return { id: materialId, fileId: fileRow.id, itemId, name: fileRow.originalName, mimeType: fileRow.mimeType, size: fileRow.size, sha256: fileRow.sha256 };
  });
}

export async function removeMaterial(db: Db, storage: Storage, caller: Caller, id: string, materialId: string, now: Date) {
  const [m] = await db.select().from(applicationMaterials).where(and(eq(applicationMaterials.id, materialId), eq(applicationMaterials.applicationId, id)));
  if (!m) throw notFound('文件', 'MATERIAL_FILE_NOT_FOUND');
  const { app } = await editableContext(db, caller, id, 'material', m.itemId);
  const [f] = await db.select().from(files).where(eq(files.id, m.fileId));
  await db.transaction(async (tx) => {
    await tx.delete(applicationMaterials).where(eq(applicationMaterials.id, materialId));
    await tx.update(applications).set({ updatedAt: now, version: sql`${applications.version} + 1` }).where(eq(applications.id, id));
    await recordAudit(tx, caller.actor, { action: 'application.material_removed', entityType: 'application', entityId: id, jurisdictionId: app.jurisdictionId, before: { itemId: m.itemId, fileId: f.id, name: f.originalName, sha256: f.sha256 } }, now);
  });
  // The stored bytes stay: the audit event and earlier correction rounds may still refer to them.
}

export async function readMaterialFile(db: Db, storage: Storage, caller: Caller, id: string, materialId: string, now: Date) {
  const app = await loadApplication(db, id);
  if (!(await canReadMaterials(db, caller, app))) throw notFound('申报', 'APPLICATION_NOT_FOUND');
  const [row] = await db
    .select({ file: files })
    .from(applicationMaterials)
    .innerJoin(files, eq(files.id, applicationMaterials.fileId))
    .where(and(eq(applicationMaterials.id, materialId), eq(applicationMaterials.applicationId, id)));
  if (!row) throw notFound('文件', 'MATERIAL_FILE_NOT_FOUND');
  // Officers', experts' and the inspector's downloads are recorded like their reads of the application (issue 5).
  if (caller.unitId !== app.unitId) await logAccess(db, caller.actor, { applicationId: app.id, callId: app.callId, what: 'material', detail: row.file.originalName }, now);
  return { file: row.file, stream: storage.read(row.file.storageKey) };
}

// ---------------------------------------------------------------------------------------------------------
// Submit, return for correction, resubmit
// ---------------------------------------------------------------------------------------------------------

/** Everything missing for submission, as a precise list (form field problems and checklist items). */
export async function missingItems(db: DbOrTx, app: AppRow, editionId: string, asOf: string) {
  const req = requirementsOf(editionId, app.program, app.studioRecognized);
  const forms = await db.select().from(applicationForms).where(eq(applicationForms.applicationId, app.id));
  const materials = await db.select({ itemId: applicationMaterials.itemId }).from(applicationMaterials).where(eq(applicationMaterials.applicationId, app.id));
  const missing: Record<string, string> = {};
  for (const f of req.forms.filter(isRequiredForm)) {
    const saved = forms.find((x) => x.formId === f.id);
    if (!saved) {
      missing[`forms.${f.id}`] = `未填写《${f.title.zh}》`;
      continue;
    }
    for (const issue of validateForm(f, saved.data, asOf)) missing[`forms.${f.id}.${issue.path || '_'}`] = `《${f.title.zh}》：${issue.message}`;
  }
  for (const m of req.uploads.filter(isRequiredUpload)) {
    if (!materials.some((x) => x.itemId === m.id)) missing[`materials.${m.id}`] = `未上传：${m.order}. ${m.title.zh}`;
  }
  return missing;
}

export async function submitApplication(db: Db, caller: Caller, id: string, input: { version?: number }, now: Date) {
  const app = await loadApplication(db, id);
  assertOwnUnit(caller, app);
  const isResubmission = app.status === 'returned';
  const t = transition(app.status, isResubmission ? 'resubmit' : 'submit', caller.role);
  const call = await loadCallOf(db, app);
  if (!isResubmission && callStatus(call, now) !== 'open') {
    throw new AppError('CALL_CLOSED', 409, callStatus(call, now) === 'closed' ? `申报已于 ${formatShanghai(call.closesAt)} 截止，不能再提交` : `申报尚未开始（${formatShanghai(call.opensAt)}）`);
  }
  if (input.version !== undefined && input.version !== app.version) {
    throw new AppError('VERSION_CONFLICT', 409, '申报已在别处被修改，请刷新后再提交');
  }
  const missing = await missingItems(db, app, call.editionId, shanghaiDate(now));
  if (Object.keys(missing).length) {
    throw new AppError('APPLICATION_INCOMPLETE', 400, `申报材料不完整，还有 ${Object.keys(missing).length} 项需要补齐`, missing);
  }

  const receipt = { number: `${app.number}-${isResubmission ? `B${app.round}` : 'S'}`, at: toShanghaiIso(now) };
  await db.transaction(async (tx) => {
    // Guarded update: a second concurrent submit finds the status changed and changes nothing.
    const updated = await tx
      .update(applications)
      .set({ status: t.to, submittedAt: isResubmission ? app.submittedAt : now, updatedAt: now, version: sql`${applications.version} + 1` })
      .where(and(eq(applications.id, id), eq(applications.status, app.status), eq(applications.version, app.version)))
      .returning({ id: applications.id });
    if (!updated.length) throw new AppError('CONCURRENT_UPDATE', 409, '申报状态已被改变，请刷新后查看');
    if (isResubmission) await tx.update(corrections).set({ answeredAt: now }).where(and(eq(corrections.applicationId, id), eq(corrections.round, app.round)));
    await event(tx, id, caller, now, { action: isResubmission ? 'resubmitted' : 'submitted', fromStatus: app.status, toStatus: t.to, round: app.round, details: { receipt } });
    await notifyUnit(
      tx,
      app.unitId,
      {
        template: isResubmission ? 'application.resubmitted' : 'application.submitted',
        title: `${isResubmission ? '补正材料已提交' : '申报已提交'}：${app.number}`,
        body: `您单位的申报 ${app.number}${app.title ? `（${app.title}）` : ''}已于 ${formatShanghai(now)} ${isResubmission ? '补正后重新提交' : '提交'}，回执号 ${receipt.number}。受理部门将进行完整性审核（初审）。`,
        payload: { applicationId: id, receipt },
      },
      now,
    );
    await recordAudit(tx, caller.actor, { action: isResubmission ? 'application.resubmitted' : 'application.submitted', entityType: 'application', entityId: id, jurisdictionId: app.jurisdictionId, before: { status: app.status }, after: { status: t.to, receipt } }, now);
  });
  return { receipt, application: await getApplication(db, caller, id, now) };
}

/** The refusal when someone else has just returned the application: says who, when and which round (409). */
async function alreadyReturned(db: DbOrTx, app: AppRow) {
  const [last] = await db
    .select({ at: corrections.requestedAt, round: corrections.round, by: users.displayName })
    .from(corrections)
    .leftJoin(users, eq(users.id, corrections.requestedBy))
    .where(and(eq(corrections.applicationId, app.id), eq(corrections.round, app.round)));
  const who = last ? `已于 ${formatShanghai(last.at)}${last.by ? ` 由 ${last.by}` : ''} 退回补正（第 ${last.round} 轮）` : '已被退回补正';
  return new AppError('ALREADY_RETURNED', 409, `该申报${who}，不能重复退回；请刷新后查看`);
}

/** The intake desk returns an application for correction (补正), listing exactly what to fix and by when. */
export async function returnForCorrection(
  db: Db,
  caller: Caller,
  id: string,
  input: { items: { kind: 'form' | 'material'; id: string; comment: string }[]; deadlineWorkingDays: number; note?: string },
  now: Date,
) {
  const app = await loadApplication(db, id);
  if (!caller.officerJurisdictions.includes(app.jurisdictionId)) throw notFound('申报', 'APPLICATION_NOT_FOUND');
  if (app.status === 'returned') throw await alreadyReturned(db, app);
  const t = transition(app.status, 'return', caller.role);
  const call = await loadCallOf(db, app);
  const req = requirementsOf(call.editionId, app.program, app.studioRecognized);
  const unknownItems = input.items.filter((i) => (i.kind === 'form' ? !req.forms.some((f) => f.id === i.id) : !req.uploads.some((m) => m.id === i.id)));
  if (unknownItems.length) {
    throw new AppError('CORRECTION_ITEM_UNKNOWN', 400, '补正事项中有本申报不包含的表单或材料', Object.fromEntries(unknownItems.map((i) => [`${i.kind}.${i.id}`, '本申报没有此项'])));
  }
  const deadline = addWorkingDays(shanghaiDate(now), input.deadlineWorkingDays, await loadCalendarOverrides(db));
  const round = app.round + 1;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(applications)
      .set({ status: t.to, round, updatedAt: now, version: sql`${applications.version} + 1` })
      .where(and(eq(applications.id, id), eq(applications.status, app.status), eq(applications.version, app.version)))
      .returning({ id: applications.id });
    if (!updated.length) throw new AppError('CONCURRENT_UPDATE', 409, '该申报刚被其他人处理，请刷新后查看');
    await tx.insert(corrections).values({ id: randomUUID(), applicationId: id, round, items: input.items, deadline: deadline.date, requestedBy: caller.actor.userId, requestedAt: now });
    await event(tx, id, caller, now, { action: 'returned', fromStatus: app.status, toStatus: t.to, round, note: input.note, details: { items: input.items, deadline: deadline.date } });
    await notifyUnit(
      tx,
      app.unitId,
      {
        template: 'application.returned',
        title: `申报需要补正：${app.number}`,
        body: `您单位的申报 ${app.number} 经初审需补正以下 ${input.items.length} 项：${input.items.map((i) => i.comment).join('；')}。请于 ${deadline.date} 前修改后重新提交。`,
        payload: { applicationId: id, round, deadline: deadline.date },
      },
      now,
    );
    await recordAudit(tx, caller.actor, { action: 'application.returned', entityType: 'application', entityId: id, jurisdictionId: app.jurisdictionId, before: { status: app.status, round: app.round }, after: { status: t.to, round, items: input.items, deadline: deadline.date } }, now);
  }).catch(async (err: unknown) => {
    // Lost the race: say who returned it first.
    if (err instanceof AppError && err.code === 'CONCURRENT_UPDATE') {
      const fresh = await loadApplication(db, id);
      if (fresh.status === 'returned') throw await alreadyReturned(db, fresh);
    }
    throw err;
  });
  return getApplication(db, caller, id, now);
}
