import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { getEdition } from '../../../policy/editions';
import { formatShanghai, shanghaiDate, toShanghaiIso } from '../../../shared/time';
import type { ReviewCallSummary, ReviewDashboard, ReviewRecord, SetDeadlineRequest } from '../../../shared/review-oversight';
import type { Db } from '../../db/client';
import {
  accessLog,
  applicationEvents,
  applications,
  auditEvents,
  calls,
  corrections,
  experts,
  panelDraws,
  panelMembers,
  paperDossierRequests,
  paperReceipts,
  proposalItems,
  proposals,
  reviewAssignments,
  reviewDeadlines,
  reviewScores,
  reviewVerdicts,
  units,
  users,
} from '../../db/schema';
import { neutralise, newWorkbook } from '../../documents/xlsx';
import { AppError, notFound } from '../../errors';
import { deskStages, reviewStatusName } from '../../workflow/review';
import { AUDIT_ACTIONS } from '../audit/audit-events';
import { recordAudit, type Actor } from '../audit/audit.service';
import { logAccess } from './access-log';

/**
 * Oversight of a call's review (issue 5): the officer's dashboard (counts per stage, overdue items, expert progress,
 * the proposal) and the inspector's (纪检监察) read-only record of everything that happened, with its Excel export.
 * Reads only the review tables; the desk, panel and scoring slices write them.
 */

/** Who is asking: the jurisdictions where they may read a call's review (intake, program, inspector) and run it (program). */
export interface OversightCaller {
  actor: Actor;
  readJurisdictions: string[];
  programJurisdictions: string[];
}

type CallRow = typeof calls.$inferSelect;
type AppRow = typeof applications.$inferSelect;

/** Statuses before submission: not yet the review's business. */
const PRE_SUBMISSION = ['draft'];

/** The stages after the desks, each with the statuses it holds (the ranking's outcome counts as 拟定名单). */
const TAIL_STAGES = [
  { id: 'scored', title: '评审完成，待排名', statuses: ['scored'] },
  { id: 'proposed', title: '拟定名单', statuses: ['proposed', 'not-proposed'] },
  { id: 'rejected', title: '不予通过', statuses: ['rejected'] },
];

/** The statuses an application holds while it waits at a desk stage (初审 includes 补正中). */
function deskStatuses(stage: string): string[] {
  return stage === 'completeness-check' ? ['submitted', 'resubmitted', 'returned'] : [stage];
}

function stagesOf(call: Pick<CallRow, 'editionId' | 'program'>) {
  const desk = deskStages(call.editionId, call.program).map((s) => ({
    id: s.id,
    title: s.title.zh,
    article: `${s.citation.document ?? ''}${s.citation.article ? ` ${s.citation.article}` : ''}`.trim() || null,
    statuses: deskStatuses(s.id),
  }));
  return [...desk, ...TAIL_STAGES.map((s) => ({ ...s, article: null as string | null }))];
}

const iso = (d: Date | null | undefined) => (d ? toShanghaiIso(d) : null);
const isoNN = (d: Date) => toShanghaiIso(d);

async function loadCall(db: Db, caller: OversightCaller, callId: string): Promise<CallRow> {
  const [call] = await db.select().from(calls).where(eq(calls.id, callId)).limit(1);
  // Another jurisdiction's call is answered as if it did not exist.
  if (!call || !caller.readJurisdictions.includes(call.jurisdictionId)) throw notFound('申报批次', 'CALL_NOT_FOUND');
  return call;
}

async function countsByCall(db: Db, callIds: string[]) {
  if (!callIds.length) return new Map<string, Record<string, number>>();
  const rows = await db
    .select({ callId: applications.callId, status: applications.status, n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(inArray(applications.callId, callIds), sql`${applications.status} not in ${PRE_SUBMISSION}`))
    .groupBy(applications.callId, applications.status);
  const map = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const m = map.get(r.callId) ?? {};
    m[r.status] = Number(r.n);
    map.set(r.callId, m);
  }
  return map;
}

function summaryOf(call: CallRow, byStatus: Record<string, number>): ReviewCallSummary {
  const stages = stagesOf(call).map((s) => ({ id: s.id, title: s.title, count: s.statuses.reduce((a, st) => a + (byStatus[st] ?? 0), 0) }));
  return {
    id: call.id,
    title: call.title,
    jurisdictionId: call.jurisdictionId,
    editionId: call.editionId,
    documentNumber: getEdition(call.editionId)?.documentNumber ?? call.editionId,
    program: call.program,
    year: call.year,
    quota: call.quota,
    closesAt: isoNN(call.closesAt),
    total: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    stages,
  };
}

/** GET /api/review/calls — the caller's calls that have applications past submission, newest first. */
export async function listReviewCalls(db: Db, caller: OversightCaller): Promise<ReviewCallSummary[]> {
  if (!caller.readJurisdictions.length) return [];
  const rows = await db.select().from(calls).where(inArray(calls.jurisdictionId, caller.readJurisdictions)).orderBy(sql`${calls.closesAt} desc`);
  const counts = await countsByCall(db, rows.map((c) => c.id));
  return rows.filter((c) => counts.has(c.id)).map((c) => summaryOf(c, counts.get(c.id)!));
}

/** Whole calendar days from `from` to `to` (both 'YYYY-MM-DD'). */
function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

async function namesOf(db: Db, ids: (string | null | undefined)[]) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  const rows = list.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list)) : [];
  const map = new Map(rows.map((r) => [r.id, r.name]));
  return (id: string | null | undefined) => (id ? (map.get(id) ?? null) : null);
}

async function callApplications(db: Db, callId: string) {
  return db
    .select({ app: applications, unitName: units.name })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(and(eq(applications.callId, callId), ne(applications.status, 'draft')))
    .orderBy(asc(applications.number));
}

/** GET /api/review/calls/:callId/dashboard — counts per stage, overdue items, expert progress, the proposal. */
export async function getDashboard(db: Db, caller: OversightCaller, callId: string, now: Date): Promise<ReviewDashboard> {
  const call = await loadCall(db, caller, callId);
  const today = shanghaiDate(now);
  const byStatus = (await countsByCall(db, [callId])).get(callId) ?? {};
  const stages = stagesOf(call).map((s) => {
    const mine = Object.fromEntries(s.statuses.filter((st) => byStatus[st]).map((st) => [st, byStatus[st]]));
    return { id: s.id, title: s.title, article: s.article, count: Object.values(mine).reduce((a, b) => a + b, 0), byStatus: mine };
  });

  const apps = await callApplications(db, callId);
  const appById = new Map(apps.map((a) => [a.app.id, a]));
  const appIds = apps.map((a) => a.app.id);
  const overdue: ReviewDashboard['overdue'] = [];

  // 补正 not answered by its deadline (京兴人社发〔2025〕21号 第十一条 初审; the deadline is set when returning).
  const returned = apps.filter((a) => a.app.status === 'returned');
  if (returned.length) {
    const rows = await db.select().from(corrections).where(inArray(corrections.applicationId, returned.map((a) => a.app.id)));
    for (const c of rows) {
      const a = appById.get(c.applicationId)!;
      if (c.round !== a.app.round || c.answeredAt || !c.deadline || c.deadline >= today) continue;
      overdue.push({
        kind: 'correction',
        applicationId: a.app.id,
        applicationNumber: a.app.number,
        unitName: a.unitName,
        dueOn: c.deadline,
        daysOverdue: daysBetween(c.deadline, today),
        reason: `补正期限 ${c.deadline} 已过，单位尚未重新提交（第 ${c.round} 轮补正）`,
        expertName: null,
      });
    }
  }

  // 经开区 纸质材料 not brought to the window by the deadline (2026 办事指南 五（二）).
  if (appIds.length) {
    const requests = await db.select().from(paperDossierRequests).where(inArray(paperDossierRequests.applicationId, appIds));
    const receipts = await db
      .select({ applicationId: paperReceipts.applicationId, round: paperReceipts.round })
      .from(paperReceipts)
      .where(and(inArray(paperReceipts.applicationId, appIds), eq(paperReceipts.outcome, 'received')));
    const received = new Set(receipts.map((r) => `${r.applicationId}:${r.round}`));
    for (const r of requests) {
      const a = appById.get(r.applicationId)!;
      const waiting = ['paper-intake', 'substantive-review', 'submitted', 'resubmitted'].includes(a.app.status);
      if (!waiting || r.receivedAt || received.has(`${r.applicationId}:${r.round}`) || r.round !== a.app.round || r.deadline >= today) continue;
      overdue.push({
        kind: 'paper-dossier',
        applicationId: a.app.id,
        applicationNumber: a.app.number,
        unitName: a.unitName,
        dueOn: r.deadline,
        daysOverdue: daysBetween(r.deadline, today),
        reason: `纸质材料应于 ${r.deadline} 前报送窗口，至今未登记收件`,
        expertName: null,
      });
    }
  }

  const [deadline] = await db.select().from(reviewDeadlines).where(and(eq(reviewDeadlines.callId, callId), eq(reviewDeadlines.stage, 'expert-review'))).limit(1);
  const assignments = await db
    .select({ a: reviewAssignments, expertName: experts.name, employer: experts.employer })
    .from(reviewAssignments)
    .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
    .where(eq(reviewAssignments.callId, callId));

  // Expert scoring not finished by the officer's deadline: pending (not declared) or accepted but not submitted.
  if (deadline && deadline.dueOn < today) {
    for (const { a, expertName } of assignments) {
      if (a.status !== 'pending' && a.status !== 'accepted') continue;
      const app = appById.get(a.applicationId);
      if (!app) continue;
      overdue.push({
        kind: 'expert-review',
        applicationId: a.applicationId,
        applicationNumber: app.app.number,
        unitName: app.unitName,
        dueOn: deadline.dueOn,
        daysOverdue: daysBetween(deadline.dueOn, today),
        reason: a.status === 'pending' ? `专家评审截止日 ${deadline.dueOn} 已过，专家尚未声明利益冲突情况` : `专家评审截止日 ${deadline.dueOn} 已过，专家已接受但尚未提交评分`,
        expertName,
      });
    }
  }
  overdue.sort((x, y) => y.daysOverdue - x.daysOverdue || x.applicationNumber.localeCompare(y.applicationNumber));

  const members = await db
    .select({ expertId: panelMembers.expertId, name: experts.name, employer: experts.employer })
    .from(panelMembers)
    .innerJoin(experts, eq(experts.id, panelMembers.expertId))
    .where(and(eq(panelMembers.callId, callId), eq(panelMembers.status, 'active')));
  const progress = new Map<string, ReviewDashboard['experts'][number]>();
  const blank = (expertId: string, name: string, employer: string) => ({ expertId, name, employer, assigned: 0, declared: 0, conflicts: 0, submitted: 0, pending: 0 });
  for (const m of members) progress.set(m.expertId, blank(m.expertId, m.name, m.employer));
  for (const { a, expertName, employer } of assignments) {
    if (a.status === 'withdrawn') continue;
    const p = progress.get(a.expertId) ?? blank(a.expertId, expertName, employer);
    progress.set(a.expertId, p);
    p.assigned++;
    if (a.declaredAt || a.status !== 'pending') p.declared++;
    if (a.status === 'conflict') p.conflicts++;
    if (a.status === 'submitted') p.submitted++;
    if (a.status === 'pending' || a.status === 'accepted') p.pending++;
  }

  const [proposal] = await db.select().from(proposals).where(eq(proposals.callId, callId)).limit(1);
  const items = proposal ? await db.select({ proposed: proposalItems.proposed }).from(proposalItems).where(eq(proposalItems.proposalId, proposal.id)) : [];
  const name = await namesOf(db, [deadline?.setBy]);

  return {
    call: summaryOf(call, byStatus),
    today,
    stages,
    overdue,
    expertReviewDeadline: deadline ? { dueOn: deadline.dueOn, setByName: name(deadline.setBy), setAt: isoNN(deadline.setAt) } : null,
    experts: [...progress.values()].sort((x, y) => x.name.localeCompare(y.name, 'zh')),
    proposal: {
      status: (proposal?.status as 'draft' | 'submitted' | undefined) ?? 'none',
      items: items.length,
      proposed: items.filter((i) => i.proposed).length,
      quota: call.quota,
      updatedAt: iso(proposal?.updatedAt),
      submittedAt: iso(proposal?.submittedAt),
    },
  };
}

/** PUT /api/review/calls/:callId/deadlines — the program officer sets the experts' scoring deadline (audited). */
export async function setDeadline(db: Db, caller: OversightCaller, callId: string, input: SetDeadlineRequest, now: Date) {
  const call = await loadCall(db, caller, callId);
  if (!caller.programJurisdictions.includes(call.jurisdictionId)) throw notFound('申报批次', 'CALL_NOT_FOUND');
  if (!deskStages(call.editionId, call.program).some((s) => s.id === input.stage)) {
    throw new AppError('STAGE_NOT_IN_EDITION', 409, '本批次所依据的政策没有这一环节');
  }
  if (Number.isNaN(Date.parse(`${input.dueOn}T00:00:00Z`)) || new Date(`${input.dueOn}T00:00:00Z`).toISOString().slice(0, 10) !== input.dueOn) {
    throw new AppError('VALIDATION', 400, '日期无效', { dueOn: '日期无效' });
  }
  if (input.dueOn < shanghaiDate(now)) throw new AppError('DEADLINE_IN_PAST', 400, '截止日不能早于今天', { dueOn: '截止日不能早于今天（北京时间）' });
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(reviewDeadlines).where(and(eq(reviewDeadlines.callId, callId), eq(reviewDeadlines.stage, input.stage))).for('update');
    await tx
      .insert(reviewDeadlines)
      .values({ callId, stage: input.stage, dueOn: input.dueOn, setBy: caller.actor.userId, setAt: now })
      .onConflictDoUpdate({ target: [reviewDeadlines.callId, reviewDeadlines.stage], set: { dueOn: input.dueOn, setBy: caller.actor.userId, setAt: now } });
    await recordAudit(
      tx,
      caller.actor,
      { action: 'review.deadline_set', entityType: 'call', entityId: callId, jurisdictionId: call.jurisdictionId, before: before ? { stage: input.stage, dueOn: before.dueOn } : null, after: { callId, stage: input.stage, dueOn: input.dueOn } },
      now,
    );
  });
  return getDashboard(db, caller, callId, now);
}

const ROLE_NAMES: Record<string, string> = { intake: '初审人员', program: '项目主管', inspector: '纪检监察', expert: '评审专家', applicant: '申报单位', admin: '管理员', finance: '财政' };

/** Everything the inspector needs to see of a call's review, in one object (also the source of the Excel export). */
async function buildRecord(db: Db, call: CallRow, now: Date): Promise<ReviewRecord> {
  const callId = call.id;
  const program = getEdition(call.editionId)?.programs.find((p) => p.id === call.program);
  const rubric = (program?.rubric ?? []).map((r) => ({ id: r.id, title: r.title.zh, weight: r.weight, max: r.max, article: `${r.citation.document ?? ''} ${r.citation.article ?? ''}`.trim() }));
  const apps = await callApplications(db, callId);
  const appIds = apps.map((a) => a.app.id);
  const numberOf = new Map(apps.map((a) => [a.app.id, a.app.number]));
  const unitOf = new Map(apps.map((a) => [a.app.id, a.unitName]));

  const [events, corr, verdicts, receipts] = appIds.length
    ? await Promise.all([
        db.select().from(applicationEvents).where(inArray(applicationEvents.applicationId, appIds)).orderBy(asc(applicationEvents.seq)),
        db.select().from(corrections).where(inArray(corrections.applicationId, appIds)).orderBy(asc(corrections.round)),
        db.select().from(reviewVerdicts).where(inArray(reviewVerdicts.applicationId, appIds)).orderBy(asc(reviewVerdicts.round), asc(reviewVerdicts.checkedAt), asc(reviewVerdicts.itemId)),
        db.select().from(paperReceipts).where(inArray(paperReceipts.applicationId, appIds)).orderBy(asc(paperReceipts.recordedAt)),
      ])
    : [[], [], [], []];
  const draws = await db.select().from(panelDraws).where(eq(panelDraws.callId, callId)).orderBy(asc(panelDraws.drawnAt));
  const panel = await db
    .select({ m: panelMembers, name: experts.name, employer: experts.employer })
    .from(panelMembers)
    .innerJoin(experts, eq(experts.id, panelMembers.expertId))
    .where(eq(panelMembers.callId, callId))
    .orderBy(asc(panelMembers.addedAt));
  const assignments = await db
    .select({ a: reviewAssignments, expertName: experts.name })
    .from(reviewAssignments)
    .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
    .where(eq(reviewAssignments.callId, callId))
    .orderBy(asc(reviewAssignments.assignedAt), asc(reviewAssignments.id));
  const assignmentIds = assignments.map((x) => x.a.id);
  const scores = assignmentIds.length
    ? await db.select().from(reviewScores).where(and(inArray(reviewScores.assignmentId, assignmentIds), eq(reviewScores.status, 'submitted')))
    : [];
  const [proposal] = await db.select().from(proposals).where(eq(proposals.callId, callId)).limit(1);
  const items = proposal ? await db.select().from(proposalItems).where(eq(proposalItems.proposalId, proposal.id)).orderBy(asc(proposalItems.rank)) : [];
  const access = await db
    .select()
    .from(accessLog)
    .where(appIds.length ? or(eq(accessLog.callId, callId), inArray(accessLog.applicationId, appIds)) : eq(accessLog.callId, callId))
    .orderBy(asc(accessLog.at), asc(accessLog.id));

  // Audit events of these entities: the call, its applications, draws, assignments (and their score sheets), the proposal.
  const entityIds = [callId, ...appIds, ...draws.map((d) => d.id), ...assignmentIds, ...(proposal ? [proposal.id] : [])];
  const audit = await db
    .select()
    .from(auditEvents)
    .where(or(inArray(auditEvents.entityId, entityIds), sql`${auditEvents.after} ->> 'callId' = ${callId}`, sql`${auditEvents.before} ->> 'callId' = ${callId}`))
    .orderBy(asc(auditEvents.id));

  const expertIds = [...new Set([...draws.flatMap((d) => [...d.candidates, ...d.drawn, ...d.excluded.map((e) => e.expertId)]), ...assignments.map((a) => a.a.expertId)])];
  const expertRows = expertIds.length ? await db.select({ id: experts.id, name: experts.name }).from(experts).where(inArray(experts.id, expertIds)) : [];
  const expertName = new Map(expertRows.map((e) => [e.id, e.name]));
  const ref = (expertId: string) => ({ expertId, name: expertName.get(expertId) ?? expertId });
  const name = await namesOf(db, [
    ...verdicts.map((v) => v.checkedBy),
    ...receipts.map((r) => r.recordedBy),
    ...draws.map((d) => d.drawnBy),
    ...assignments.map((a) => a.a.assignedBy),
    proposal?.createdBy,
    proposal?.submittedBy,
  ]);
  const assignmentById = new Map(assignments.map((x) => [x.a.id, x]));

  return {
    call: summaryOf(call, (await countsByCall(db, [callId])).get(callId) ?? {}),
    generatedAt: isoNN(now),
    rubric,
    applications: apps.map(({ app, unitName }) => ({
      id: app.id,
      number: app.number,
      unitName,
      title: app.title,
      leaderName: app.leaderName,
      status: app.status,
      statusName: reviewStatusName(app.status),
      round: app.round,
      submittedAt: iso(app.submittedAt),
      timeline: events
        .filter((e) => e.applicationId === app.id)
        .map((e) => ({ at: isoNN(e.at), actorName: e.actorName, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, round: e.round, note: e.note })),
      corrections: corr.filter((c) => c.applicationId === app.id).map((c) => ({ round: c.round, deadline: c.deadline, items: c.items, requestedAt: isoNN(c.requestedAt), answeredAt: iso(c.answeredAt) })),
      verdicts: verdicts
        .filter((v) => v.applicationId === app.id)
        .map((v) => ({ stage: v.stage, round: v.round, itemKind: v.itemKind, itemId: v.itemId, verdict: v.verdict, comment: v.comment, checkedByName: name(v.checkedBy), checkedAt: isoNN(v.checkedAt) })),
      paperReceipts: receipts
        .filter((r) => r.applicationId === app.id)
        .map((r) => ({ round: r.round, outcome: r.outcome, watermarkCode: r.watermarkCode, items: r.items, comment: r.comment, recordedByName: name(r.recordedBy), recordedAt: isoNN(r.recordedAt) })),
    })),
    draws: draws.map((d) => ({
      id: d.id,
      algorithm: d.algorithm,
      seed: d.seed,
      size: d.size,
      fields: d.fields,
      candidates: d.candidates.map(ref),
      excluded: d.excluded.map((e) => ({ ...ref(e.expertId), reason: e.reason })),
      drawn: d.drawn.map(ref),
      drawnByName: name(d.drawnBy),
      drawnAt: isoNN(d.drawnAt),
      verifyUrl: `/api/review/draws/${d.id}/verify`,
    })),
    panel: panel.map(({ m, name: n, employer }) => ({ expertId: m.expertId, name: n, employer, status: m.status, drawId: m.drawId, addedAt: isoNN(m.addedAt) })),
    assignments: assignments.map(({ a, expertName: n }) => ({
      id: a.id,
      applicationId: a.applicationId,
      applicationNumber: numberOf.get(a.applicationId) ?? a.applicationId,
      expertId: a.expertId,
      expertName: n,
      status: a.status,
      assignedByName: name(a.assignedBy),
      assignedAt: isoNN(a.assignedAt),
      declaredAt: iso(a.declaredAt),
      conflict: a.conflict ?? null,
      replacedBy: a.replacedBy,
      submittedAt: iso(a.submittedAt),
    })),
    scores: scores
      .map((s) => {
        const x = assignmentById.get(s.assignmentId)!;
        const ids = [...rubric.map((r) => r.id), ...Object.keys(s.criteria).filter((id) => !rubric.some((r) => r.id === id))];
        return {
          assignmentId: s.assignmentId,
          applicationId: x.a.applicationId,
          applicationNumber: numberOf.get(x.a.applicationId) ?? x.a.applicationId,
          expertId: x.a.expertId,
          expertName: x.expertName,
          criteria: ids.map((id) => {
            const r = rubric.find((c) => c.id === id);
            return { id, title: r?.title ?? id, weight: r?.weight ?? 0, max: r?.max ?? 0, points: s.criteria[id] ?? null, comment: s.comments[id] ?? null };
          }),
          overallComment: s.overallComment,
          total: s.total,
          submittedAt: iso(s.submittedAt),
        };
      })
      .sort((x, y) => x.applicationNumber.localeCompare(y.applicationNumber) || x.expertName.localeCompare(y.expertName, 'zh')),
    proposal: proposal
      ? {
          id: proposal.id,
          status: proposal.status,
          createdByName: name(proposal.createdBy),
          updatedAt: isoNN(proposal.updatedAt),
          submittedByName: name(proposal.submittedBy),
          submittedAt: iso(proposal.submittedAt),
          items: items.map((i) => ({
            applicationId: i.applicationId,
            applicationNumber: numberOf.get(i.applicationId) ?? i.applicationId,
            unitName: unitOf.get(i.applicationId) ?? '',
            rank: i.rank,
            aggregate: i.aggregate,
            proposed: i.proposed,
            amount: i.amount,
            reason: i.reason,
          })),
        }
      : null,
    accessLog: access.map((l) => ({
      id: l.id,
      at: isoNN(l.at),
      userName: l.userName,
      role: l.role,
      applicationId: l.applicationId,
      applicationNumber: l.applicationId ? (numberOf.get(l.applicationId) ?? null) : null,
      what: l.what,
      detail: l.detail,
    })),
    audit: audit.map((e) => ({
      id: e.id,
      occurredAt: isoNN(e.occurredAt),
      actorUsername: e.actorUsername,
      actorRole: e.actorRole,
      action: e.action,
      actionName: (AUDIT_ACTIONS as Record<string, string>)[e.action] ?? e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      hash: e.hash,
    })),
  };
}

/** GET /api/review/calls/:callId/record — read-only; the read itself is logged (who saw what when). */
export async function getRecord(db: Db, caller: OversightCaller, callId: string, now: Date): Promise<ReviewRecord> {
  const call = await loadCall(db, caller, callId);
  // Logged first, so the reader finds their own read in what they see.
  await logAccess(db, caller.actor, { callId, what: 'review-record', detail: '查看评审全过程记录' }, now);
  return buildRecord(db, call, now);
}

// ---------------------------------------------------------------------------------------------------------
// Excel export: one sheet per part; every text cell through `neutralise` (formula injection, issue 9).
// ---------------------------------------------------------------------------------------------------------

const WHAT_NAMES: Record<string, string> = { application: '申报详情', material: '申报材料', dossier: '材料汇编', scores: '评分表', 'review-record': '评审全过程记录' };
const VERDICT_NAMES: Record<string, string> = { ok: '符合', missing: '缺少', incorrect: '有误' };
const ASSIGNMENT_NAMES: Record<string, string> = { pending: '待声明', accepted: '已接受，待评分', conflict: '利益冲突', submitted: '已提交评分', withdrawn: '已撤回' };
const CONFLICT_NAMES: Record<string, string> = { 'same-unit': '同一单位', 'former-employer': '曾任职单位', relative: '亲属关系', other: '其他' };
const local = (v: string | null | undefined) => (v ? formatShanghai(new Date(v)) : '');

function addSheet(wb: ExcelJS.Workbook, title: string, headers: [string, number][], rows: (string | number | null | undefined)[][]) {
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map(([header, width], i) => ({ header, key: String(i), width }));
  for (const row of rows) ws.addRow(row.map((v) => (typeof v === 'string' ? neutralise(v) : (v ?? ''))));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  return ws;
}

export async function recordWorkbook(r: ReviewRecord, meta: { exportedBy: string; exportedAt: string }): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = '匠心 Jiangxin';
  wb.created = new Date();
  const info = wb.addWorksheet('说明');
  info.columns = [{ width: 16 }, { width: 70 }];
  info.addRows([
    ['申报批次', neutralise(r.call.title)],
    ['政策依据', neutralise(r.call.documentNumber)],
    ['导出时间', `${meta.exportedAt}（北京时间）`],
    ['导出人', neutralise(meta.exportedBy)],
    ['申报数量', r.applications.length],
    ['说明', '本工作簿为该批次评审全过程记录（只读导出）：申报与流程、审核意见、纸质收件、专家抽取、分配与回避、评分明细、拟定名单、访问记录、审计事件。'],
  ]);
  addSheet(
    wb,
    '申报与流程',
    [['申报编号', 20], ['申报单位', 30], ['名称', 30], ['当前状态', 16], ['时间', 18], ['操作人', 22], ['操作', 16], ['原状态', 16], ['新状态', 16], ['轮次', 6], ['说明', 40]],
    r.applications.flatMap((a) =>
      (a.timeline.length ? a.timeline : [null]).map((e) => [
        a.number,
        a.unitName,
        a.title ?? '',
        a.statusName,
        e ? local(e.at) : '',
        e?.actorName ?? '',
        e?.action ?? '',
        e?.fromStatus ? reviewStatusName(e.fromStatus) : '',
        e?.toStatus ? reviewStatusName(e.toStatus) : '',
        e?.round ?? '',
        e?.note ?? '',
      ]),
    ),
  );
  addSheet(
    wb,
    '审核意见',
    [['申报编号', 20], ['环节', 18], ['轮次', 6], ['类别', 10], ['事项', 24], ['结论', 8], ['意见', 40], ['审核人', 22], ['时间', 18]],
    r.applications.flatMap((a) => a.verdicts.map((v) => [a.number, v.stage, v.round, v.itemKind, v.itemId, VERDICT_NAMES[v.verdict] ?? v.verdict, v.comment ?? '', v.checkedByName ?? '', local(v.checkedAt)])),
  );
  addSheet(
    wb,
    '纸质收件',
    [['申报编号', 20], ['轮次', 6], ['结果', 12], ['水印核验码', 20], ['需补正事项', 40], ['说明', 30], ['登记人', 22], ['时间', 18]],
    r.applications.flatMap((a) =>
      a.paperReceipts.map((p) => [a.number, p.round, p.outcome === 'received' ? '收件' : '当场告知补正', p.watermarkCode ?? '', p.items.map((i) => `${i.id}：${i.comment}`).join('；'), p.comment ?? '', p.recordedByName ?? '', local(p.recordedAt)]),
    ),
  );
  addSheet(
    wb,
    '专家抽取',
    [['抽取编号', 38], ['时间', 18], ['操作人', 22], ['算法', 18], ['随机种子', 34], ['人数', 6], ['专业领域', 20], ['候选（顺序）', 40], ['回避排除及原因', 40], ['抽中', 30], ['复现校验', 40]],
    r.draws.map((d) => [
      d.id,
      local(d.drawnAt),
      d.drawnByName ?? '',
      d.algorithm,
      d.seed,
      d.size,
      d.fields.join('、'),
      d.candidates.map((c) => c.name).join('、'),
      d.excluded.map((e) => `${e.name}（${e.reason}）`).join('；'),
      d.drawn.map((c) => c.name).join('、'),
      d.verifyUrl,
    ]),
  );
  addSheet(
    wb,
    '分配与回避',
    [['申报编号', 20], ['专家', 20], ['状态', 16], ['分配人', 22], ['分配时间', 18], ['声明时间', 18], ['利益冲突', 30], ['提交评分时间', 18]],
    r.assignments.map((a) => [
      a.applicationNumber,
      a.expertName,
      ASSIGNMENT_NAMES[a.status] ?? a.status,
      a.assignedByName ?? '',
      local(a.assignedAt),
      local(a.declaredAt),
      a.conflict ? `${CONFLICT_NAMES[a.conflict.kind] ?? a.conflict.kind}${a.conflict.note ? `：${a.conflict.note}` : ''}` : '',
      local(a.submittedAt),
    ]),
  );
  addSheet(
    wb,
    '评分明细',
    [['申报编号', 20], ['专家', 20], ['评分项', 30], ['权重', 8], ['满分', 6], ['得分', 6], ['意见', 40], ['加权总分', 10], ['总体意见', 40], ['提交时间', 18]],
    r.scores.flatMap((s) => s.criteria.map((c) => [s.applicationNumber, s.expertName, c.title, Math.round(c.weight * 1000) / 1000, c.max, c.points, c.comment ?? '', s.total, s.overallComment ?? '', local(s.submittedAt)])),
  );
  addSheet(
    wb,
    '拟定名单',
    [['排名', 6], ['申报编号', 20], ['申报单位', 30], ['综合得分', 10], ['是否拟入选', 10], ['金额（元）', 12], ['偏离排名的理由', 40]],
    (r.proposal?.items ?? []).map((i) => [i.rank, i.applicationNumber, i.unitName, i.aggregate, i.proposed ? '是' : '否', i.amount, i.reason ?? '']),
  );
  addSheet(
    wb,
    '访问记录',
    [['时间', 18], ['访问人', 24], ['角色', 12], ['申报编号', 20], ['内容', 16], ['说明', 40]],
    r.accessLog.map((l) => [local(l.at), l.userName ?? '', ROLE_NAMES[l.role ?? ''] ?? l.role ?? '', l.applicationNumber ?? '', WHAT_NAMES[l.what] ?? l.what, l.detail ?? '']),
  );
  addSheet(
    wb,
    '审计事件',
    [['序号', 8], ['时间', 18], ['操作人', 20], ['角色', 12], ['事件', 22], ['对象类型', 14], ['对象', 38], ['SM3 哈希', 66]],
    r.audit.map((e) => [e.id, local(e.occurredAt), e.actorUsername ?? '', ROLE_NAMES[e.actorRole ?? ''] ?? e.actorRole ?? '', e.actionName, e.entityType, e.entityId ?? '', e.hash]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** GET /api/review/calls/:callId/record.xlsx — the record as a workbook; logged as a read and audited as an export. */
export async function exportRecord(db: Db, caller: OversightCaller, callId: string, now: Date) {
  const call = await loadCall(db, caller, callId);
  const record = await buildRecord(db, call, now);
  const xlsx = await recordWorkbook(record, { exportedBy: caller.actor.username ?? '', exportedAt: formatShanghai(now) });
  await db.transaction(async (tx) => {
    await logAccess(tx, caller.actor, { callId, what: 'review-record', detail: '导出评审全过程记录（Excel）' }, now);
    await recordAudit(tx, caller.actor, { action: 'review.record_exported', entityType: 'call', entityId: callId, jurisdictionId: call.jurisdictionId, after: { applications: record.applications.length, scores: record.scores.length } }, now);
  });
  return { xlsx, filename: `${call.title}-评审全过程记录-${formatShanghai(now).slice(0, 10)}.xlsx` };
}
