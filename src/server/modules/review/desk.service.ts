import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/accounts';
import type { DeskActionId, Verdict } from '../../../shared/review-desk';
import { formatShanghai, toShanghaiIso } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import {
  applicationEvents,
  applicationForms,
  applicationMaterials,
  applications,
  auditEvents,
  calls,
  corrections,
  dossierDownloads,
  paperDossierRequests,
  paperReceipts,
  reviewVerdicts,
  units,
  users,
} from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { INTAKE_TRANSITIONS, statusName } from '../../workflow/intake';
import { currentDeskStage, deskStages, reviewTable, reviewTransition, type ReviewAction } from '../../workflow/review';
import { requirementsOf } from '../applications/applications.rules';
import { paperIntakeStage, pendingPaperDossier } from '../applications/paper-dossier.service';
import { recordAudit, type Actor } from '../audit/audit.service';
import { notifyUnit } from '../notifications/notifications.service';
import { logAccess } from './access-log';

/**
 * The desk stages of the review (issue 5): 初审 (completeness check — 大兴 2026 通知 三（二）; 经开区 京技管发〔2024〕1号 办事指南
 * 六（二）; 顺义 第五条、第六条 as inferred), 实质审核 (经开区 六（三）) and 线下受理 (经开区 六（四）、五（二）). Which stages an
 * application passes, who acts at each and what follows come from the edition's transition table
 * (src/server/workflow/review.ts) — nothing here names a district.
 */

type AppRow = typeof applications.$inferSelect;

/** The caller as the desk sees it: who, and which roles in which jurisdictions. */
export interface DeskCaller {
  actor: Actor;
  grants: { role: Role; jurisdiction: string | null }[];
}

const OFFICER_ROLES: Role[] = ['intake', 'program', 'inspector'];
const DESK_ROLES: Role[] = ['intake', 'program'];

const rolesIn = (caller: DeskCaller, jurisdiction: string) => caller.grants.filter((g) => g.jurisdiction === jurisdiction).map((g) => g.role);
const officerJurisdictions = (caller: DeskCaller) => [
  ...new Set(caller.grants.filter((g) => OFFICER_ROLES.includes(g.role) && g.jurisdiction).map((g) => g.jurisdiction!)),
];

/** Officers (intake, program, inspector) of the application's jurisdiction see it; everyone else gets 404. */
async function loadForOfficer(db: DbOrTx, caller: DeskCaller, id: string) {
  const [app] = await db.select().from(applications).where(eq(applications.id, id)).limit(1);
  if (!app || !rolesIn(caller, app.jurisdictionId).some((r) => OFFICER_ROLES.includes(r))) throw notFound('申报', 'APPLICATION_NOT_FOUND');
  const [call] = await db.select().from(calls).where(eq(calls.id, app.callId)).limit(1);
  return { app, call: call! };
}

/** Writes at the desk: intake or program officers of the jurisdiction; an inspector is refused (403), others 404. */
async function loadForDesk(db: DbOrTx, caller: DeskCaller, id: string) {
  const loaded = await loadForOfficer(db, caller, id);
  if (!rolesIn(caller, loaded.app.jurisdictionId).some((r) => DESK_ROLES.includes(r))) {
    throw new AppError('TRANSITION_FORBIDDEN', 403, '纪检监察账号只能查看，不能办理审核');
  }
  return loaded;
}

/** The role the caller acts in for `action` (the first the edition's table allows that the caller holds there). */
function roleFor(caller: DeskCaller, app: AppRow & { editionId: string }, action: ReviewAction, stage?: string): Role | null {
  const held = rolesIn(caller, app.jurisdictionId);
  const rows = reviewTable(app.editionId, app.program).filter((t) => t.action === action && (!stage || t.stage === stage));
  for (const row of rows) for (const r of row.roles) if (held.includes(r)) return r;
  return held.find((r) => DESK_ROLES.includes(r)) ?? null;
}

const withEdition = (app: AppRow, editionId: string) => ({ ...app, editionId });

/** The items the desk checks: every form and every checklist item the unit uploads files for (the same as 补正 lists). */
function deskItems(editionId: string, app: AppRow) {
  const req = requirementsOf(editionId, app.program, app.studioRecognized);
  return [
    ...req.forms.map((f) => ({ kind: 'form' as const, id: f.id, title: `《${f.title.zh}》`, order: null as number | null, required: f.required !== false })),
    ...req.uploads.map((m) => ({ kind: 'material' as const, id: m.id, title: `${m.order}. ${m.title.zh}`, order: m.order as number | null, required: m.required !== false })),
  ];
}
const itemKey = (kind: string, id: string) => `${kind}:${id}`;

async function event(
  tx: DbOrTx,
  app: AppRow,
  actor: Actor,
  now: Date,
  e: { action: string; fromStatus?: string; toStatus?: string; note?: string; details?: unknown },
) {
  await tx.insert(applicationEvents).values({
    id: randomUUID(),
    applicationId: app.id,
    at: now,
    actorUserId: actor.userId,
    actorName: actor.username,
    action: e.action,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    round: app.round,
    note: e.note ?? null,
    details: e.details ?? null,
  });
}

/**
 * The guarded status change (STYLE.md 6): only from the status and version the caller saw, bumping the version, so
 * two officers never double-transition — the loser is told what happened meanwhile (409).
 */
async function guardedUpdate(tx: DbOrTx, app: AppRow, to: string, now: Date) {
  const updated = await tx
    .update(applications)
    .set({ status: to, updatedAt: now, version: sql`${applications.version} + 1` })
    .where(and(eq(applications.id, app.id), eq(applications.status, app.status), eq(applications.version, app.version)))
    .returning({ version: applications.version });
  if (!updated.length) {
    const [fresh] = await tx.select({ status: applications.status }).from(applications).where(eq(applications.id, app.id));
    throw new AppError(
      'CONCURRENT_UPDATE',
      409,
      fresh && fresh.status !== app.status
        ? `该申报刚被其他人处理，当前状态为“${statusName(fresh.status)}”，请刷新后查看`
        : '该申报刚被其他人修改，请刷新后再操作',
    );
  }
  return updated[0].version;
}

function assertVersion(app: AppRow, version: number) {
  if (app.version !== version) {
    throw new AppError('VERSION_CONFLICT', 409, `该申报已在别处被处理或修改（当前状态“${statusName(app.status)}”），请刷新后再操作`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Read: the desk of one application
// ---------------------------------------------------------------------------------------------------------

/** When the application was last returned for correction (补正), if ever. */
async function lastReturn(db: DbOrTx, app: AppRow) {
  if (app.round === 0) return null;
  const [c] = await db.select({ at: corrections.requestedAt, items: corrections.items }).from(corrections).where(and(eq(corrections.applicationId, app.id), eq(corrections.round, app.round)));
  return c ?? null;
}

/** The items the unit changed since `since`: forms saved, files uploaded or removed (read from the audit chain). */
async function changedSince(db: DbOrTx, app: AppRow, since: Date | null): Promise<Set<string>> {
  const out = new Set<string>();
  if (!since) return out;
  const rows = await db
    .select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after, at: auditEvents.occurredAt })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, 'application'),
        eq(auditEvents.entityId, app.id),
        inArray(auditEvents.action, ['application.form_saved', 'application.material_uploaded', 'application.material_removed']),
      ),
    );
  for (const r of rows) {
    if (r.at <= since) continue;
    const after = (r.after ?? {}) as { formId?: string; itemId?: string };
    const before = (r.before ?? {}) as { itemId?: string };
    if (r.action === 'application.form_saved' && after.formId) out.add(itemKey('form', after.formId));
    if (r.action === 'application.material_uploaded' && after.itemId) out.add(itemKey('material', after.itemId));
    if (r.action === 'application.material_removed' && before.itemId) out.add(itemKey('material', before.itemId));
  }
  return out;
}

/** What the caller may do at the desk now, from the edition's table (and intake's for 退回补正). */
function actionsFor(caller: DeskCaller, app: AppRow, editionId: string, stage: string | null, paperPending: boolean): DeskActionId[] {
  const held = rolesIn(caller, app.jurisdictionId);
  const out: DeskActionId[] = [];
  for (const row of reviewTable(editionId, app.program)) {
    if (!row.from.includes(app.status) || !row.roles.some((r) => held.includes(r))) continue;
    if (row.action === 'accept' || row.action === 'reject' || row.action === 'pass') out.push(row.action);
    if (row.action === 'receive-paper') out.push('receive-paper', 'paper-to-correct');
  }
  const ret = INTAKE_TRANSITIONS.return;
  if ((ret.from as string[]).includes(app.status) && ret.roles.some((r) => held.includes(r))) out.push('return');
  if (stage === 'paper-intake' && !paperPending && held.some((r) => DESK_ROLES.includes(r)) && paperIntakeStage(editionId, app.program)) out.push('request-paper-dossier');
  return out;
}

export async function getDesk(db: Db, caller: DeskCaller, id: string, now: Date) {
  const { app, call } = await loadForOfficer(db, caller, id);
  const a = withEdition(app, call.editionId);
  const stage = currentDeskStage(a);
  const stages = deskStages(call.editionId, app.program).filter((s) => s.id !== 'expert-review');
  const stageIndex = stage ? stages.findIndex((s) => s.id === stage) : -1;
  const items = deskItems(call.editionId, app);
  const returned = await lastReturn(db, app);
  const since = returned?.at ?? null;
  const [verdicts, forms, materials, changed, receipts, paperDossier] = await Promise.all([
    db
      .select({ v: reviewVerdicts, by: users.displayName })
      .from(reviewVerdicts)
      .leftJoin(users, eq(users.id, reviewVerdicts.checkedBy))
      .where(eq(reviewVerdicts.applicationId, id)),
    db.select({ formId: applicationForms.formId }).from(applicationForms).where(eq(applicationForms.applicationId, id)),
    db.select({ itemId: applicationMaterials.itemId, n: count() }).from(applicationMaterials).where(eq(applicationMaterials.applicationId, id)).groupBy(applicationMaterials.itemId),
    changedSince(db, app, since),
    db
      .select({ r: paperReceipts, by: users.displayName })
      .from(paperReceipts)
      .leftJoin(users, eq(users.id, paperReceipts.recordedBy))
      .where(eq(paperReceipts.applicationId, id))
      .orderBy(desc(paperReceipts.recordedAt)),
    pendingPaperDossier(db, app),
  ]);
  const order = (s: string) => stages.findIndex((x) => x.id === s);
  // "Before" the current (stage, round): an earlier round, or an earlier stage of this round.
  const isBefore = (v: { round: number; stage: string }) =>
    v.round < app.round || (v.round === app.round && stage !== null && order(v.stage) < order(stage));
  const later = (x: { round: number; stage: string }, y: { round: number; stage: string }) => x.round > y.round || (x.round === y.round && order(x.stage) > order(y.stage));

  const view = items.map((item) => {
    const mine = verdicts.filter((r) => r.v.itemKind === item.kind && r.v.itemId === item.id);
    const current = stage ? mine.find((r) => r.v.stage === stage && r.v.round === app.round) : mine.reduce<(typeof mine)[number] | undefined>((m, r) => (!m || later(r.v, m.v) ? r : m), undefined);
    const prev = stage ? mine.filter((r) => isBefore(r.v)).reduce<(typeof mine)[number] | undefined>((m, r) => (!m || later(r.v, m.v) ? r : m), undefined) : undefined;
    // Returned before item verdicts were kept (or without them): the 补正 item itself is the previous round's finding.
    const listed = !prev && stage === 'completeness-check' ? returned?.items.find((c) => c.kind === item.kind && c.id === item.id) : undefined;
    const files = item.kind === 'material' ? Number(materials.find((m) => m.itemId === item.id)?.n ?? 0) : 0;
    return {
      ...item,
      present: item.kind === 'form' ? forms.some((f) => f.formId === item.id) : files > 0,
      files,
      verdict: current ? { verdict: current.v.verdict as Verdict, comment: current.v.comment, checkedBy: current.by, checkedAt: toShanghaiIso(current.v.checkedAt) } : null,
      previous: prev
        ? { round: prev.v.round, stage: prev.v.stage, verdict: prev.v.verdict as Verdict, comment: prev.v.comment }
        : listed
          ? { round: app.round - 1, stage: 'completeness-check', verdict: 'incorrect' as Verdict, comment: listed.comment }
          : null,
      changed: changed.has(itemKey(item.kind, item.id)),
    };
  });
  await logAccess(db, caller.actor, { applicationId: id, callId: app.callId, what: 'application', detail: `desk:${stage ?? app.status}` }, now);
  return {
    id: app.id,
    number: app.number,
    status: app.status,
    statusName: statusName(app.status),
    version: app.version,
    round: app.round,
    editionId: call.editionId,
    jurisdiction: app.jurisdictionId,
    stage,
    stages: stages.map((s, i) => ({
      id: s.id,
      title: s.title.zh,
      actor: s.actor,
      citation: s.citation,
      current: s.id === stage,
      done: stageIndex >= 0 ? i < stageIndex : app.status !== 'draft' && app.status !== 'submitted' && app.status !== 'resubmitted' && app.status !== 'returned' && app.status !== 'rejected',
    })),
    items: view,
    lastReturnAt: since ? toShanghaiIso(since) : null,
    actions: actionsFor(caller, app, call.editionId, stage, !!paperDossier),
    paperReceipts: receipts.map(({ r, by }) => ({
      id: r.id,
      round: r.round,
      outcome: r.outcome,
      watermarkCode: r.watermarkCode,
      items: r.items,
      comment: r.comment,
      recordedBy: by,
      recordedAt: toShanghaiIso(r.recordedAt),
    })),
    paperDossier,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Write: verdicts, accept, pass, reject
// ---------------------------------------------------------------------------------------------------------

/** The stage's own transition rows: who acts there (the stage's `actor` in the edition). */
function assertStageActor(caller: DeskCaller, app: AppRow & { editionId: string }, stage: string) {
  const current = currentDeskStage(app);
  if (current !== stage) {
    throw new AppError('DESK_STAGE_MISMATCH', 409, `申报当前${current ? `处于“${stageTitle(app, current)}”环节` : `状态为“${statusName(app.status)}”`}，不能记录“${stageTitle(app, stage)}”的审核意见；请刷新后查看`);
  }
  const roles = reviewTable(app.editionId, app.program)
    .filter((t) => t.stage === stage)
    .flatMap((t) => t.roles);
  if (!rolesIn(caller, app.jurisdictionId).some((r) => roles.includes(r))) throw new AppError('TRANSITION_FORBIDDEN', 403, '当前角色不能办理这一审核环节');
}

function stageTitle(app: { editionId: string; program: string }, stage: string) {
  return deskStages(app.editionId, app.program).find((s) => s.id === stage)?.title.zh ?? stage;
}

/** Saves verdicts as the officer goes (upsert per item, stage and correction round). */
export async function saveVerdicts(
  db: Db,
  caller: DeskCaller,
  id: string,
  input: { stage: string; items: { kind: 'form' | 'material'; id: string; verdict: Verdict; comment?: string }[] },
  now: Date,
) {
  const { app, call } = await loadForDesk(db, caller, id);
  const a = withEdition(app, call.editionId);
  assertStageActor(caller, a, input.stage);
  const known = new Set(deskItems(call.editionId, app).map((i) => itemKey(i.kind, i.id)));
  const unknown = input.items.filter((i) => !known.has(itemKey(i.kind, i.id)));
  if (unknown.length) {
    throw new AppError('VERDICT_ITEM_UNKNOWN', 400, '审核意见中有本申报不包含的表单或材料', Object.fromEntries(unknown.map((i) => [`${i.kind}.${i.id}`, '本申报没有此项'])));
  }
  const seen = new Set<string>();
  for (const i of input.items) {
    const k = itemKey(i.kind, i.id);
    if (seen.has(k)) throw new AppError('VERDICT_ITEM_DUPLICATE', 400, '同一事项不能在一次提交中出现两次', { [`${i.kind}.${i.id}`]: '重复' });
    seen.add(k);
  }
  await db.transaction(async (tx) => {
    // The application must still wait at this stage, in this round, when the verdicts are written.
    const [locked] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    if (locked.status !== app.status || locked.round !== app.round) {
      throw new AppError('CONCURRENT_UPDATE', 409, `该申报刚被其他人处理，当前状态为“${statusName(locked.status)}”，请刷新后查看`);
    }
    const before = await tx
      .select({ kind: reviewVerdicts.itemKind, id: reviewVerdicts.itemId, verdict: reviewVerdicts.verdict, comment: reviewVerdicts.comment })
      .from(reviewVerdicts)
      .where(and(eq(reviewVerdicts.applicationId, id), eq(reviewVerdicts.stage, input.stage), eq(reviewVerdicts.round, app.round)));
    for (const i of input.items) {
      const comment = i.comment?.trim() || null;
      await tx
        .insert(reviewVerdicts)
        .values({ id: randomUUID(), applicationId: id, stage: input.stage, round: app.round, itemKind: i.kind, itemId: i.id, verdict: i.verdict, comment, checkedBy: caller.actor.userId, checkedAt: now })
        .onConflictDoUpdate({
          target: [reviewVerdicts.applicationId, reviewVerdicts.stage, reviewVerdicts.round, reviewVerdicts.itemKind, reviewVerdicts.itemId],
          set: { verdict: i.verdict, comment, checkedBy: caller.actor.userId, checkedAt: now },
        });
    }
    const touched = new Set(input.items.map((i) => itemKey(i.kind, i.id)));
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'review.verdicts_saved',
        entityType: 'application',
        entityId: id,
        jurisdictionId: app.jurisdictionId,
        before: before.filter((b) => touched.has(itemKey(b.kind, b.id))),
        after: { stage: input.stage, round: app.round, items: input.items },
      },
      now,
    );
  });
  return getDesk(db, caller, id, now);
}

/** 初审通过: every item judged ok in this round, then the edition's next stage. */
export async function accept(db: Db, caller: DeskCaller, id: string, input: { version: number }, now: Date) {
  const { app, call } = await loadForDesk(db, caller, id);
  const a = withEdition(app, call.editionId);
  const role = roleFor(caller, a, 'accept');
  const t = reviewTransition(a, 'accept', role);
  assertVersion(app, input.version);
  const items = deskItems(call.editionId, app);
  const verdicts = await db
    .select()
    .from(reviewVerdicts)
    .where(and(eq(reviewVerdicts.applicationId, id), eq(reviewVerdicts.stage, t.stage), eq(reviewVerdicts.round, app.round)));
  const notOk: Record<string, string> = {};
  for (const i of items) {
    const v = verdicts.find((x) => x.itemKind === i.kind && x.itemId === i.id);
    if (!v) notOk[`${i.kind}.${i.id}`] = `${i.title}：尚未审核`;
    else if (v.verdict !== 'ok') notOk[`${i.kind}.${i.id}`] = `${i.title}：${v.verdict === 'missing' ? '缺失' : '不符合要求'}${v.comment ? `（${v.comment}）` : ''}`;
  }
  const problems = Object.values(notOk);
  if (problems.length) {
    throw new AppError(
      'VERDICTS_INCOMPLETE',
      409,
      `还有 ${problems.length} 项未判定为合格，不能初审通过：${problems.slice(0, 5).join('；')}${problems.length > 5 ? ' 等' : ''}。材料不齐或不符合要求的，请退回补正`,
      notOk,
    );
  }
  const actor = { ...caller.actor, role };
  const next = stageTitle(a, t.to === 'submitted' ? 'completeness-check' : t.to);
  await db.transaction(async (tx) => {
    await guardedUpdate(tx, app, t.to, now);
    await event(tx, app, actor, now, { action: 'accepted', fromStatus: app.status, toStatus: t.to, details: { stage: t.stage, items: items.length } });
    // Only that the 初审 passed and the review continues: nothing of later outcomes (issue 6, no early leak).
    await notifyUnit(
      tx,
      app.unitId,
      {
        template: 'review.accepted',
        title: `申报已通过初审：${app.number}`,
        body: `您单位的申报 ${app.number}${app.title ? `（${app.title}）` : ''}已于 ${formatShanghai(now)} 通过初审（材料完整性审核），进入后续评审环节。评审结果将按规定公示。`,
        payload: { applicationId: id },
      },
      now,
    );
    await recordAudit(tx, actor, { action: 'review.accepted', entityType: 'application', entityId: id, jurisdictionId: app.jurisdictionId, before: { status: app.status, version: app.version }, after: { status: t.to, round: app.round } }, now);
  });
  return result(db, id, `已初审通过，进入“${next}”`);
}

/** 实质审核通过 (经开区 办事指南 六（三）): refused while any item of this stage is judged not ok. */
export async function pass(db: Db, caller: DeskCaller, id: string, input: { version: number; comment?: string }, now: Date) {
  const { app, call } = await loadForDesk(db, caller, id);
  const a = withEdition(app, call.editionId);
  const role = roleFor(caller, a, 'pass');
  const t = reviewTransition(a, 'pass', role);
  assertVersion(app, input.version);
  const bad = await db
    .select({ kind: reviewVerdicts.itemKind, id: reviewVerdicts.itemId, verdict: reviewVerdicts.verdict })
    .from(reviewVerdicts)
    .where(and(eq(reviewVerdicts.applicationId, id), eq(reviewVerdicts.stage, t.stage), eq(reviewVerdicts.round, app.round)));
  const notOk = bad.filter((v) => v.verdict !== 'ok');
  if (notOk.length) {
    const titles = new Map(deskItems(call.editionId, app).map((i) => [itemKey(i.kind, i.id), i.title]));
    throw new AppError(
      'VERDICTS_NOT_OK',
      409,
      `有 ${notOk.length} 项审核意见为不合格（${notOk.map((v) => titles.get(itemKey(v.kind, v.id)) ?? v.id).join('、')}），不能审核通过；请改判或不予通过`,
    );
  }
  const actor = { ...caller.actor, role };
  await db.transaction(async (tx) => {
    await guardedUpdate(tx, app, t.to, now);
    await event(tx, app, actor, now, { action: 'passed', fromStatus: app.status, toStatus: t.to, note: input.comment, details: { stage: t.stage } });
    await recordAudit(tx, actor, { action: 'review.passed', entityType: 'application', entityId: id, jurisdictionId: app.jurisdictionId, before: { status: app.status, version: app.version }, after: { status: t.to, comment: input.comment ?? null } }, now);
  });
  return result(db, id, `已审核通过，进入“${stageTitle(a, t.to)}”`);
}

/** 不予通过 at a desk stage, with the reasons the unit is told. */
export async function reject(db: Db, caller: DeskCaller, id: string, input: { version: number; stage: string; reasons: string }, now: Date) {
  const { app, call } = await loadForDesk(db, caller, id);
  const a = withEdition(app, call.editionId);
  const role = roleFor(caller, a, 'reject', input.stage);
  const t = reviewTransition(a, 'reject', role, input.stage);
  assertVersion(app, input.version);
  const actor = { ...caller.actor, role };
  const title = stageTitle(a, t.stage);
  await db.transaction(async (tx) => {
    await guardedUpdate(tx, app, t.to, now);
    await event(tx, app, actor, now, { action: 'rejected', fromStatus: app.status, toStatus: t.to, note: input.reasons, details: { stage: t.stage } });
    await notifyUnit(
      tx,
      app.unitId,
      {
        template: 'review.rejected',
        title: `申报未通过${title}：${app.number}`,
        body: `您单位的申报 ${app.number}${app.title ? `（${app.title}）` : ''}经${title}不予通过。理由：${input.reasons}`,
        payload: { applicationId: id, stage: t.stage },
      },
      now,
    );
    await recordAudit(tx, actor, { action: 'review.rejected', entityType: 'application', entityId: id, jurisdictionId: app.jurisdictionId, before: { status: app.status, version: app.version }, after: { status: t.to, stage: t.stage, reasons: input.reasons } }, now);
  });
  return result(db, id, `已在“${title}”环节不予通过`);
}

async function result(db: DbOrTx, id: string, message: string) {
  const [row] = await db.select({ status: applications.status, version: applications.version }).from(applications).where(eq(applications.id, id));
  return { id, status: row.status, statusName: statusName(row.status), version: row.version, message };
}

// ---------------------------------------------------------------------------------------------------------
// 线下受理: the window compares the printout with the online filing
// ---------------------------------------------------------------------------------------------------------

/** Codes are read off paper: case, spaces and dashes do not matter. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** The latest change of the online filing (forms, files, people, declarations), from the audit chain. */
async function latestFilingChange(db: DbOrTx, id: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: max(auditEvents.occurredAt) })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, 'application'),
        eq(auditEvents.entityId, id),
        inArray(auditEvents.action, ['application.form_saved', 'application.material_uploaded', 'application.material_removed', 'application.people_set', 'application.declarations_set']),
      ),
    );
  return row?.at ? new Date(row.at) : null;
}

/**
 * 经开区 办事指南 六（四）、五（二）: the window records the paper dossier. The watermark's verification code identifies
 * the printout (which application, downloaded when); a printout older than the latest change online cannot match it.
 */
export async function recordPaperReceipt(
  db: Db,
  caller: DeskCaller,
  id: string,
  input: { version: number; outcome: 'received' | 'to-correct'; watermarkCode: string; items?: { id: string; comment: string }[]; comment?: string },
  now: Date,
) {
  const { app, call } = await loadForDesk(db, caller, id);
  const a = withEdition(app, call.editionId);
  const role = roleFor(caller, a, 'receive-paper');
  const t = reviewTransition(a, 'receive-paper', role);
  assertVersion(app, input.version);
  const code = normaliseCode(input.watermarkCode);
  const [download] = await db
    .select({ applicationId: dossierDownloads.applicationId, downloadedAt: dossierDownloads.downloadedAt })
    .from(dossierDownloads)
    .where(eq(dossierDownloads.verificationCode, code))
    .limit(1);
  if (!download) {
    throw new AppError('WATERMARK_UNKNOWN', 400, '核验码不存在：该打印件不是本平台生成的，或核验码输入有误', { watermarkCode: '核验码不存在' });
  }
  if (download.applicationId !== id) {
    throw new AppError('WATERMARK_OTHER_APPLICATION', 400, `该打印件不是申报 ${app.number} 的材料（核验码属于另一份申报），请核对`, { watermarkCode: '不是本申报的打印件' });
  }
  const changed = await latestFilingChange(db, id);
  const outdated = !!changed && download.downloadedAt < changed;
  if (outdated && input.outcome === 'received') {
    throw new AppError(
      'PRINTOUT_OUTDATED',
      409,
      `该打印件下载于 ${formatShanghai(download.downloadedAt)}，网上申报材料此后于 ${formatShanghai(changed!)} 有修改，打印件与网上材料不可能一致；请单位重新下载带水印的材料打印，或登记“当场告知补正”`,
      { watermarkCode: '打印件早于网上材料的最近修改' },
    );
  }
  const known = new Set(deskItems(call.editionId, app).map((i) => i.id));
  const items = (input.items ?? []).map((i) => ({ id: i.id, comment: i.comment }));
  const unknown = items.filter((i) => !known.has(i.id) && i.id !== 'other');
  if (unknown.length) throw new AppError('PAPER_ITEM_UNKNOWN', 400, '补正事项中有本申报不包含的表单或材料', Object.fromEntries(unknown.map((i) => [`items.${i.id}`, '本申报没有此项'])));
  const actor = { ...caller.actor, role };
  const received = input.outcome === 'received';
  const to = received ? t.to : app.status;
  await db.transaction(async (tx) => {
    // For "to correct" the status stays, but the version moves: a concurrent receipt of the same dossier loses (409).
    await guardedUpdate(tx, app, to, now);
    await tx.insert(paperReceipts).values({
      id: randomUUID(),
      applicationId: id,
      round: app.round,
      outcome: input.outcome,
      watermarkCode: code,
      items,
      comment: input.comment ?? null,
      recordedBy: caller.actor.userId,
      recordedAt: now,
    });
    if (received) {
      await tx
        .update(paperDossierRequests)
        .set({ receivedAt: now })
        .where(and(eq(paperDossierRequests.applicationId, id), eq(paperDossierRequests.round, app.round), isNull(paperDossierRequests.receivedAt)));
    }
    const details = { stage: t.stage, watermarkCode: code, downloadedAt: toShanghaiIso(download.downloadedAt), outdated, items };
    await event(tx, app, actor, now, received
      ? { action: 'paper_received', fromStatus: app.status, toStatus: to, note: input.comment, details }
      : { action: 'paper_to_correct', note: [items.map((i) => i.comment).join('；'), input.comment].filter(Boolean).join('；'), details });
    await notifyUnit(
      tx,
      app.unitId,
      received
        ? {
            template: 'review.paper_received',
            title: `纸质申报材料已收件：${app.number}`,
            body: `您单位报送的申报 ${app.number} 纸质材料已于 ${formatShanghai(now)} 由受理窗口收件，与网上申报材料一致，进入后续评审环节。`,
            payload: { applicationId: id },
          }
        : {
            template: 'review.paper_to_correct',
            title: `纸质申报材料需要补正：${app.number}`,
            body: `受理窗口核对您单位申报 ${app.number} 的纸质材料，需补正：${[...items.map((i) => i.comment), input.comment].filter(Boolean).join('；')}${outdated ? '；打印件早于网上材料的最近修改，请重新下载带水印的全套材料打印' : ''}。请补正后重新报送。`,
            payload: { applicationId: id },
          },
      now,
    );
    await recordAudit(
      tx,
      actor,
      {
        action: received ? 'review.paper_received' : 'review.paper_to_correct',
        entityType: 'application',
        entityId: id,
        jurisdictionId: app.jurisdictionId,
        before: { status: app.status, version: app.version },
        after: { status: to, ...details, comment: input.comment ?? null },
      },
      now,
    );
  });
  const r = await result(db, id, received ? `已登记收件，进入“${stageTitle(a, t.to)}”` : '已登记当场告知补正，申报单位将收到通知');
  return { ...r, outdated, downloadedAt: toShanghaiIso(download.downloadedAt) };
}

// ---------------------------------------------------------------------------------------------------------
// The queue of a desk stage
// ---------------------------------------------------------------------------------------------------------

const STATUSES_AT: Record<string, string[]> = {
  'completeness-check': ['submitted', 'resubmitted'],
  'substantive-review': ['substantive-review'],
  'paper-intake': ['paper-intake'],
};

/** GET /api/review/desk: applications waiting at a desk stage in the caller's jurisdictions, longest waiting first. */
export async function deskQueue(db: Db, caller: DeskCaller, q: { stage: string; page: number; pageSize: number }) {
  const jurisdictions = officerJurisdictions(caller);
  if (!jurisdictions.length) return { items: [], total: 0 };
  const where = and(inArray(applications.jurisdictionId, jurisdictions), inArray(applications.status, STATUSES_AT[q.stage]));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ app: applications, unitName: units.name, callTitle: calls.title })
      .from(applications)
      .innerJoin(units, eq(units.id, applications.unitId))
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(where)
      .orderBy(asc(applications.updatedAt), asc(applications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(applications).where(where),
  ]);
  const ids = rows.map((r) => r.app.id);
  const [since, paper] = ids.length
    ? await Promise.all([
        db
          .select({ applicationId: applicationEvents.applicationId, toStatus: applicationEvents.toStatus, at: max(applicationEvents.at) })
          .from(applicationEvents)
          .where(inArray(applicationEvents.applicationId, ids))
          .groupBy(applicationEvents.applicationId, applicationEvents.toStatus),
        db
          .select({ applicationId: paperDossierRequests.applicationId, round: paperDossierRequests.round, deadline: paperDossierRequests.deadline, requestedAt: paperDossierRequests.requestedAt })
          .from(paperDossierRequests)
          .where(and(inArray(paperDossierRequests.applicationId, ids), isNull(paperDossierRequests.receivedAt))),
      ])
    : [[], []];
  return {
    items: rows.map(({ app, unitName, callTitle }) => {
      const s = since.find((e) => e.applicationId === app.id && e.toStatus === app.status)?.at;
      const p = paper.find((x) => x.applicationId === app.id && x.round === app.round);
      return {
        id: app.id,
        number: app.number,
        unitName,
        callId: app.callId,
        callTitle,
        title: app.title,
        status: app.status,
        statusName: statusName(app.status),
        version: app.version,
        waitingSince: s ? toShanghaiIso(new Date(s)) : null,
        paperDeadline: p?.deadline ?? null,
        paperRequestedAt: p ? toShanghaiIso(p.requestedAt) : null,
      };
    }),
    total: Number(total),
  };
}
