import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { getEdition } from '../../../policy/editions';
import {
  PROJECT_STATUS_NAMES,
  type AssessmentInput,
  type ClosureInput,
  type FileRef,
  type MilestoneInput,
  type ProgressInput,
  type ProjectDetail,
  type ProjectFlag,
  type ProjectStatus,
  type ProjectSummary,
  type SituationAnswerInput,
  type SituationInput,
} from '../../../shared/projects';
import { shanghaiDate } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import { applications, files, studios, users } from '../../db/schema';
import { auditEvents } from '../../db/schema/audit';
import { disbursementPayments, disbursements, projects } from '../../db/schema/funding';
import { projectAssessments, projectClosures, projectMilestones, projectUpdates } from '../../db/schema/lifecycle';
import { badRequest, conflict, notFound } from '../../errors';
import type { Storage } from '../../storage/storage';
import { storeUpload } from '../../storage/upload';
import { recordAudit } from '../audit/audit.service';
import { jurisdictionsWith, type FundingCaller } from '../funding/funding.caller';
import { notifyUnit } from '../notifications/notifications.service';
import { planItemsOf, planOf } from './plan';

/**
 * Construction projects after the decision (issue 7). The approved 计划书 is the baseline (京兴人社发〔2025〕21号 第十二条:
 * 严格按照建设项目计划书执行，因特殊原因无法按时完成的，需提交情况说明); the closure report answers its 成果 and 预期目标 one by
 * one by the call's 结项 date (2026 通知 二（二）4: 10月底前完成结项); the officer assesses it with the experts' opinions, and
 * a pass makes the capped subsidy due (第十四条: 项目结束后评审考核通过的拨付).
 */

type Project = typeof projects.$inferSelect;
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const DOC = '京兴人社发〔2025〕21号';
/** The citations of a project's rules, from its edition's document. */
function citationsOf(editionId: string) {
  const doc = getEdition(editionId)?.documentNumber ?? DOC;
  return {
    execution: `${doc} 第十二条（严格按照建设项目计划书执行）`,
    situation: `${doc} 第十二条（因特殊原因无法按时完成的，需提交情况说明）`,
    payment: `${doc} 第十四条（项目结束后评审考核通过的拨付）`,
    closeBy: '2026年大兴区技能大师工作室申报通知 二（二）4：10月底前完成结项',
  };
}

const READ_ROLES = ['program', 'inspector'] as const;
const yuan = (n: number) => `${n.toLocaleString('en-US')} 元`;

function canRead(caller: FundingCaller, p: Project) {
  return (caller.unitId !== null && caller.unitId === p.unitId) || jurisdictionsWith(caller, READ_ROLES).includes(p.jurisdictionId);
}

async function loadProject(db: DbOrTx, caller: FundingCaller, id: string, as: 'read' | 'unit' | 'officer'): Promise<Project> {
  const [p] = await db.select().from(projects).where(eq(projects.id, id)).limit(1);
  const ok =
    p &&
    (as === 'read' ? canRead(caller, p) : as === 'unit' ? caller.unitId !== null && caller.unitId === p.unitId : jurisdictionsWith(caller, ['program']).includes(p.jurisdictionId));
  // Outside the caller's scope the project does not exist (404), never 403.
  if (!p || !ok) throw notFound('建设项目', 'PROJECT_NOT_FOUND');
  return p;
}

/** The capped subsidy line(s) of the project: scheduled on it, or on its application (funding.service scheduleOnDecision). */
async function linesOf(db: DbOrTx, p: Project) {
  return db
    .select()
    .from(disbursements)
    .where(and(eq(disbursements.kind, 'capped'), or(eq(disbursements.projectId, p.id), eq(disbursements.applicationId, p.applicationId))))
    .orderBy(asc(disbursements.createdAt));
}

function flagsOf(p: Project, closures: { late: boolean }[], today: string): ProjectFlag[] {
  const flags: ProjectFlag[] = [];
  // Past the closing date and still no closure report: overdue (2026 通知 二（二）4).
  if (p.status === 'in-execution' && p.closeBy && today > p.closeBy && closures.length === 0) flags.push('overdue');
  if (closures.some((c) => c.late)) flags.push('late');
  if (p.status === 'failed') flags.push('failed');
  return flags;
}

function periodCheck(p: Project, day: string, today: string, field: string, label: string) {
  if (day > today) throw badRequest('DATE_IN_FUTURE', `${label}不能晚于今天（${today}）`, { [field]: '不能晚于今天' });
  if ((p.periodStart && day < p.periodStart) || (p.periodEnd && day > p.periodEnd)) {
    throw badRequest(
      'OUTSIDE_PROJECT_PERIOD',
      `${label} ${day} 不在项目周期 ${p.periodStart ?? '—'} 至 ${p.periodEnd ?? '—'} 内；项目周期以外取得的成果不能作为本项目的成果（${citationsOf(p.editionId).execution}）`,
      { [field]: `须在 ${p.periodStart ?? '—'} 至 ${p.periodEnd ?? '—'} 之间` },
    );
  }
}

/** Evidence files must be uploads of the project's own unit (never another unit's file by id). */
async function checkFiles(db: DbOrTx, p: Project, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const rows = await db
    .select({ id: files.id })
    .from(files)
    .innerJoin(users, eq(users.id, files.uploadedBy))
    .where(and(inArray(files.id, unique), eq(users.unitId, p.unitId)));
  if (rows.length !== unique.length) throw badRequest('EVIDENCE_FILE_NOT_FOUND', '佐证材料文件不存在，请重新上传', { [field]: '文件不存在，请重新上传' });
  return unique;
}

async function fileRefs(db: DbOrTx, projectId: string, ids: string[]): Promise<Map<string, FileRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: files.id, name: files.originalName, mimeType: files.mimeType, size: files.size }).from(files).where(inArray(files.id, unique));
  return new Map(rows.map((f) => [f.id, { ...f, url: `/api/projects/${projectId}/files/${f.id}` }]));
}

// ---------------------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------------------

export async function listProjects(db: Db, caller: FundingCaller, query: { status?: ProjectStatus; year?: number; flag?: ProjectFlag }, now: Date): Promise<ProjectSummary[]> {
  const scope = jurisdictionsWith(caller, READ_ROLES);
  const who = [];
  if (scope.length) who.push(inArray(projects.jurisdictionId, scope));
  if (caller.unitId) who.push(eq(projects.unitId, caller.unitId));
  if (!who.length) return [];
  const where = [or(...who)!];
  if (query.status) where.push(eq(projects.status, query.status));
  if (query.year) where.push(sql`extract(year from ${projects.decidedOn}) = ${query.year}`);
  const rows = await db
    .select({ p: projects, studioName: studios.name, number: applications.number })
    .from(projects)
    .leftJoin(studios, eq(studios.id, projects.studioId))
    .leftJoin(applications, eq(applications.id, projects.applicationId))
    .where(and(...where))
    .orderBy(desc(projects.decidedOn), asc(projects.name));
  const out = await summaries(db, rows, now);
  return query.flag ? out.filter((s) => s.flags.includes(query.flag!)) : out;
}

async function summaries(db: DbOrTx, rows: { p: Project; studioName: string | null; number: string | null }[], now: Date): Promise<ProjectSummary[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.p.id);
  const appIds = rows.map((r) => r.p.applicationId);
  const [closures, milestones, lines, units] = await Promise.all([
    db.select({ projectId: projectClosures.projectId, late: projectClosures.late }).from(projectClosures).where(inArray(projectClosures.projectId, ids)),
    db.select({ projectId: projectMilestones.projectId, status: projectMilestones.status }).from(projectMilestones).where(inArray(projectMilestones.projectId, ids)),
    db
      .select({ projectId: disbursements.projectId, applicationId: disbursements.applicationId, paid: disbursements.paidAmount, unitName: disbursements.unitName })
      .from(disbursements)
      .where(and(eq(disbursements.kind, 'capped'), or(inArray(disbursements.projectId, ids), inArray(disbursements.applicationId, appIds)))),
    db.select({ id: applications.id, unitName: sql<string>`(select name from units where units.id = ${applications.unitId})` }).from(applications).where(inArray(applications.id, appIds)),
  ]);
  const today = shanghaiDate(now);
  const unitNameOf = new Map(units.map((u) => [u.id, u.unitName]));
  return rows.map(({ p, studioName, number }) => {
    const cl = closures.filter((c) => c.projectId === p.id);
    const ms = milestones.filter((m) => m.projectId === p.id);
    const mine = lines.filter((l) => l.projectId === p.id || l.applicationId === p.applicationId);
    const plan = planOf(p.baseline);
    return {
      id: p.id,
      name: p.name,
      jurisdictionId: p.jurisdictionId,
      unitName: mine[0]?.unitName ?? unitNameOf.get(p.applicationId) ?? '',
      studioId: p.studioId,
      studioName,
      applicationNumber: number,
      category: typeof plan.category === 'string' ? plan.category : null,
      status: p.status as ProjectStatus,
      statusName: PROJECT_STATUS_NAMES[p.status as ProjectStatus]?.zh ?? p.status,
      decidedOn: p.decidedOn,
      year: Number(p.decidedOn.slice(0, 4)),
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      closeBy: p.closeBy,
      approvedAmount: p.approvedAmount,
      paidAmount: mine.reduce((n, l) => n + l.paid, 0),
      milestonesDone: ms.filter((m) => m.status === 'done').length,
      milestonesTotal: ms.length,
      flags: flagsOf(p, cl, today),
    };
  });
}

export async function getProject(db: Db, caller: FundingCaller, id: string, now: Date): Promise<ProjectDetail> {
  const p = await loadProject(db, caller, id, 'read');
  const [studio] = p.studioId ? await db.select({ name: studios.name }).from(studios).where(eq(studios.id, p.studioId)) : [];
  const [app] = await db.select({ number: applications.number }).from(applications).where(eq(applications.id, p.applicationId));
  const [summary] = await summaries(db, [{ p, studioName: studio?.name ?? null, number: app?.number ?? null }], now);
  const [milestones, updates, closures, assessments, lines] = await Promise.all([
    db.select().from(projectMilestones).where(eq(projectMilestones.projectId, id)).orderBy(asc(projectMilestones.position)),
    db.select().from(projectUpdates).where(eq(projectUpdates.projectId, id)).orderBy(desc(projectUpdates.reportedOn), desc(projectUpdates.createdAt)),
    db.select().from(projectClosures).where(eq(projectClosures.projectId, id)).orderBy(desc(projectClosures.version)),
    db.select().from(projectAssessments).where(eq(projectAssessments.projectId, id)).limit(1),
    linesOf(db, p),
  ]);
  const payments = lines.length ? await db.select().from(disbursementPayments).where(inArray(disbursementPayments.disbursementId, lines.map((l) => l.id))).orderBy(asc(disbursementPayments.paidOn)) : [];
  const returns = closures.length
    ? await db
        .select({ entityId: auditEvents.entityId, after: auditEvents.after })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'project.closure_returned'), inArray(auditEvents.entityId, closures.map((c) => c.id))))
    : [];
  const reasonOf = new Map(returns.map((r) => [r.entityId, ((r.after as { reason?: string } | null)?.reason ?? null) as string | null]));
  const refs = await fileRefs(db, id, [...updates.flatMap((u) => u.fileIds), ...closures.flatMap((c) => c.deliverables.flatMap((d) => d.fileIds ?? []))]);
  const filesOf = (ids: string[]) => ids.map((f) => refs.get(f)).filter((f): f is FileRef => !!f);
  const today = shanghaiDate(now);
  const isUnit = caller.unitId === p.unitId;
  const isOfficer = jurisdictionsWith(caller, ['program']).includes(p.jurisdictionId);
  const paid = lines.some((l) => l.paidAmount > 0);
  const a = assessments[0];
  const latest = closures[0];
  return {
    ...summary,
    unitId: p.unitId,
    editionId: p.editionId,
    citation: citationsOf(p.editionId),
    plan: planOf(p.baseline),
    planItems: planItemsOf(p.baseline),
    milestones: milestones.map((m) => ({
      id: m.id,
      position: m.position,
      title: m.title,
      description: m.description,
      startsOn: m.startsOn,
      dueOn: m.dueOn,
      status: m.status,
      completedOn: m.completedOn,
      overdue: m.status !== 'done' && !!m.dueOn && today > m.dueOn,
    })),
    updates: updates.map((u) => ({
      id: u.id,
      kind: u.kind as 'progress' | 'situation',
      milestoneId: u.milestoneId,
      reportedOn: u.reportedOn,
      body: u.body,
      proposedEndOn: u.proposedEndOn,
      files: filesOf(u.fileIds),
      officerResponse: u.officerResponse,
      officerComment: u.officerComment,
      respondedAt: u.respondedAt?.toISOString() ?? null,
      createdBy: u.createdBy,
      createdAt: u.createdAt.toISOString(),
    })),
    closures: closures.map((c) => ({
      id: c.id,
      version: c.version,
      summary: c.summary,
      status: c.status as 'submitted' | 'returned' | 'assessed',
      late: c.late,
      submittedAt: c.submittedAt.toISOString(),
      returnReason: reasonOf.get(c.id) ?? null,
      deliverables: c.deliverables.map(({ fileIds, ...d }) => ({ ...d, files: filesOf(fileIds ?? []) })),
    })),
    assessment: a
      ? {
          id: a.id,
          closureId: a.closureId,
          outcome: a.outcome as 'passed' | 'partly' | 'failed',
          reasons: a.reasons,
          items: a.items,
          expertOpinions: a.expertOpinions,
          payableAmount: a.payableAmount,
          assessedOn: a.assessedOn,
        }
      : null,
    disbursements: lines.map((l) => ({
      id: l.id,
      purpose: l.purpose,
      kind: l.kind,
      amount: l.amount,
      paidAmount: l.paidAmount,
      status: l.status,
      condition: l.condition,
      citation: l.citation,
      dueOn: l.dueOn,
      payments: payments.filter((x) => x.disbursementId === l.id).map((x) => ({ paidOn: x.paidOn, amount: x.amount, voucherNumber: x.voucherNumber })),
    })),
    can: {
      report: isUnit && p.status === 'in-execution',
      close: isUnit && p.status === 'in-execution' && !paid,
      answer: isOfficer && updates.some((u) => u.kind === 'situation' && !u.officerResponse),
      returnClosure: isOfficer && p.status === 'closure-submitted' && latest?.status === 'submitted',
      assess: isOfficer && p.status === 'closure-submitted' && latest?.status === 'submitted' && !a,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Evidence files
// ---------------------------------------------------------------------------------------------------------

/** POST /api/projects/:id/files: the unit uploads an evidence file (PDF/JPG/PNG checked by content, ≤ 20 MB). */
export async function uploadEvidence(db: Db, storage: Storage, caller: FundingCaller, id: string, file: { stream: Readable; filename: string }, now: Date): Promise<FileRef> {
  const p = await loadProject(db, caller, id, 'unit');
  return storeUpload(storage, file, { maxBytes: MAX_EVIDENCE_BYTES, uploadedBy: caller.actor.userId, now }, async (row) => {
    await db.transaction(async (tx) => {
      await tx.insert(files).values(row);
      await recordAudit(tx, caller.actor, { action: 'project.evidence_uploaded', entityType: 'project', entityId: p.id, jurisdictionId: p.jurisdictionId, after: row }, now);
    });
    return { id: row.id, name: row.originalName, mimeType: row.mimeType, size: row.size, url: `/api/projects/${p.id}/files/${row.id}` };
  });
}

/** GET /api/projects/:id/files/:fileId: a file the project's reports cite, or (for the unit) one it uploaded. */
export async function readEvidence(db: Db, caller: FundingCaller, id: string, fileId: string) {
  const p = await loadProject(db, caller, id, 'read');
  const [f] = await db.select({ file: files, unitId: users.unitId }).from(files).leftJoin(users, eq(users.id, files.uploadedBy)).where(eq(files.id, fileId)).limit(1);
  if (!f || f.unitId !== p.unitId) throw notFound('文件', 'EVIDENCE_FILE_NOT_FOUND');
  if (caller.unitId !== p.unitId) {
    const cited = await db.execute(
      sql`select 1 as id from project_updates where project_id = ${id} and file_ids ? ${fileId}
          union all select 1 from project_closures c, jsonb_array_elements(c.deliverables) d where c.project_id = ${id} and (d->'fileIds') ? ${fileId} limit 1`,
    );
    if (!(cited as unknown as { rows: unknown[] }).rows.length) throw notFound('文件', 'EVIDENCE_FILE_NOT_FOUND');
  }
  return f.file;
}

// ---------------------------------------------------------------------------------------------------------
// Execution: milestones, progress, situation reports (第十二条)
// ---------------------------------------------------------------------------------------------------------

function refuseUnlessRunning(p: Project) {
  if (p.status !== 'in-execution') {
    throw conflict(
      'PROJECT_NOT_IN_EXECUTION',
      p.status === 'closure-submitted' ? '结项报告已提交，等待评估，不能再报送进展（如需修改，请等待退回）' : `该项目已${PROJECT_STATUS_NAMES[p.status as ProjectStatus]?.zh ?? '结束'}，不能再报送`,
    );
  }
}

/** PUT /api/projects/:id/milestones/:milestoneId: the unit marks a milestone of the plan done, with evidence. */
export async function completeMilestone(db: Db, caller: FundingCaller, id: string, milestoneId: string, input: MilestoneInput, now: Date) {
  const p = await loadProject(db, caller, id, 'unit');
  const [m] = await db.select().from(projectMilestones).where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, id))).limit(1);
  if (!m) throw notFound('进度节点', 'MILESTONE_NOT_FOUND');
  refuseUnlessRunning(p);
  if (m.status === 'done') throw conflict('MILESTONE_DONE', `进度节点“${m.title}”已于 ${m.completedOn} 标记完成`);
  const today = shanghaiDate(now);
  periodCheck(p, input.completedOn, today, 'completedOn', '完成日期');
  const fileIds = await checkFiles(db, p, input.fileIds ?? [], 'fileIds');
  await db.transaction(async (tx) => {
    const done = await tx
      .update(projectMilestones)
      .set({ status: 'done', completedOn: input.completedOn, updatedAt: now })
      .where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.status, 'pending')))
      .returning({ id: projectMilestones.id });
    if (!done.length) throw conflict('MILESTONE_DONE', '该节点刚被标记完成，请刷新');
    const update = { id: randomUUID(), projectId: id, kind: 'progress', milestoneId, reportedOn: input.completedOn, body: input.note, fileIds, createdBy: caller.actor.userId, createdAt: now };
    await tx.insert(projectUpdates).values(update);
    await tx.update(projects).set({ updatedAt: now }).where(eq(projects.id, id));
    await recordAudit(tx, caller.actor, { action: 'project.update_recorded', entityType: 'project', entityId: id, jurisdictionId: p.jurisdictionId, before: { milestone: m.title, status: m.status }, after: { ...update, status: 'done' } }, now);
  });
  return getProject(db, caller, id, now);
}

/** POST /api/projects/:id/updates: a progress update with evidence. */
export async function addProgress(db: Db, caller: FundingCaller, id: string, input: ProgressInput, now: Date) {
  const p = await loadProject(db, caller, id, 'unit');
  refuseUnlessRunning(p);
  if (input.milestoneId) {
    const [m] = await db.select({ id: projectMilestones.id }).from(projectMilestones).where(and(eq(projectMilestones.id, input.milestoneId), eq(projectMilestones.projectId, id)));
    if (!m) throw badRequest('MILESTONE_NOT_FOUND', '该项目没有这个进度节点', { milestoneId: '进度节点不存在' });
  }
  periodCheck(p, input.reportedOn, shanghaiDate(now), 'reportedOn', '进展日期');
  const fileIds = await checkFiles(db, p, input.fileIds ?? [], 'fileIds');
  const update = { id: randomUUID(), projectId: id, kind: 'progress', milestoneId: input.milestoneId ?? null, reportedOn: input.reportedOn, body: input.body, fileIds, createdBy: caller.actor.userId, createdAt: now };
  await db.transaction(async (tx) => {
    await tx.insert(projectUpdates).values(update);
    await tx.update(projects).set({ updatedAt: now }).where(eq(projects.id, id));
    await recordAudit(tx, caller.actor, { action: 'project.update_recorded', entityType: 'project', entityId: id, jurisdictionId: p.jurisdictionId, after: update }, now);
  });
  return { id: update.id };
}

/** POST /api/projects/:id/situation-reports: 第十二条 因特殊原因无法按时完成的，需提交情况说明 — with a new end date. */
export async function addSituationReport(db: Db, caller: FundingCaller, id: string, input: SituationInput, now: Date) {
  const p = await loadProject(db, caller, id, 'unit');
  const rule = citationsOf(p.editionId).situation;
  if (p.status !== 'in-execution') throw conflict('PROJECT_CLOSED', `该项目已${p.status === 'closure-submitted' ? '提交结项报告' : '结项'}，不能再提交情况说明（${rule}）`);
  const today = shanghaiDate(now);
  const currentEnd = p.periodEnd ?? p.closeBy;
  if (input.proposedEndOn <= today) throw badRequest('PROPOSED_END_PAST', '申请延至的完成日期须晚于今天', { proposedEndOn: '须晚于今天' });
  if (currentEnd && input.proposedEndOn <= currentEnd) throw badRequest('PROPOSED_END_NOT_LATER', `申请延至的完成日期须晚于计划完成日期（${currentEnd}）`, { proposedEndOn: `须晚于 ${currentEnd}` });
  const [open] = await db
    .select({ id: projectUpdates.id })
    .from(projectUpdates)
    .where(and(eq(projectUpdates.projectId, id), eq(projectUpdates.kind, 'situation'), sql`${projectUpdates.officerResponse} is null`))
    .limit(1);
  if (open) throw conflict('SITUATION_PENDING', '已有一份情况说明等待答复，答复后才能再提交');
  const fileIds = await checkFiles(db, p, input.fileIds ?? [], 'fileIds');
  const update = { id: randomUUID(), projectId: id, kind: 'situation', milestoneId: null, reportedOn: today, body: input.body, proposedEndOn: input.proposedEndOn, fileIds, createdBy: caller.actor.userId, createdAt: now };
  await db.transaction(async (tx) => {
    await tx.insert(projectUpdates).values(update);
    await tx.update(projects).set({ updatedAt: now }).where(eq(projects.id, id));
    await recordAudit(tx, caller.actor, { action: 'project.situation_reported', entityType: 'project', entityId: id, jurisdictionId: p.jurisdictionId, after: { ...update, rule } }, now);
  });
  return { id: update.id };
}

/**
 * POST /api/projects/:id/situation-reports/:updateId/answer (program officer). Accepting moves the project's end (and its
 * closing date, if earlier) to the date asked for; rejecting keeps the plan's dates.
 */
export async function answerSituationReport(db: Db, caller: FundingCaller, id: string, updateId: string, input: SituationAnswerInput, now: Date) {
  const p = await loadProject(db, caller, id, 'officer');
  const [u] = await db.select().from(projectUpdates).where(and(eq(projectUpdates.id, updateId), eq(projectUpdates.projectId, id), eq(projectUpdates.kind, 'situation'))).limit(1);
  if (!u) throw notFound('情况说明', 'SITUATION_NOT_FOUND');
  if (u.officerResponse) throw conflict('SITUATION_ANSWERED', '该情况说明已答复');
  const accept = input.response === 'accepted';
  const newEnd = accept && u.proposedEndOn ? u.proposedEndOn : null;
  await db.transaction(async (tx) => {
    const done = await tx
      .update(projectUpdates)
      .set({ officerResponse: input.response, officerComment: input.comment, respondedBy: caller.actor.userId, respondedAt: now })
      .where(and(eq(projectUpdates.id, updateId), sql`${projectUpdates.officerResponse} is null`))
      .returning({ id: projectUpdates.id });
    if (!done.length) throw conflict('SITUATION_ANSWERED', '该情况说明刚被答复，请刷新');
    const change: Partial<Project> = { updatedAt: now };
    if (newEnd) {
      change.periodEnd = newEnd;
      if (!p.closeBy || p.closeBy < newEnd) change.closeBy = newEnd;
    }
    await tx.update(projects).set(change).where(eq(projects.id, id));
    await notifyUnit(
      tx,
      p.unitId,
      {
        template: 'project.situation_answered',
        title: `情况说明答复：${p.name}`,
        body: `${accept ? `同意延期至 ${newEnd}` : '不同意延期，请按计划书完成'}。意见：${input.comment}`,
        payload: { projectId: id },
      },
      now,
    );
    await recordAudit(
      tx,
      caller.actor,
      { action: 'project.situation_answered', entityType: 'project', entityId: id, jurisdictionId: p.jurisdictionId, before: { periodEnd: p.periodEnd, closeBy: p.closeBy }, after: { updateId, ...input, periodEnd: change.periodEnd ?? p.periodEnd, closeBy: change.closeBy ?? p.closeBy } },
      now,
    );
  });
  return getProject(db, caller, id, now);
}

// ---------------------------------------------------------------------------------------------------------
// Closure report (结项报告) and assessment (结项评估, 第十四条)
// ---------------------------------------------------------------------------------------------------------

/** POST /api/projects/:id/closures: the closure report, each 成果 / 预期目标 of the plan answered. */
export async function submitClosure(db: Db, caller: FundingCaller, id: string, input: ClosureInput, now: Date) {
  const p = await loadProject(db, caller, id, 'unit');
  const lines = await linesOf(db, p);
  if (lines.some((l) => l.paidAmount > 0)) throw conflict('CLOSURE_AFTER_PAYMENT', '该项目的补助资金已拨付，不能再提交结项报告');
  if (p.status === 'closure-submitted') throw conflict('CLOSURE_PENDING', '结项报告已提交，正在评估；退回后才能重新提交');
  if (p.status !== 'in-execution') throw conflict('PROJECT_ASSESSED', '该项目已完成结项评估，不能再提交结项报告');
  const today = shanghaiDate(now);
  const expected = planItemsOf(p.baseline);
  const given = new Set(input.deliverables.map((d) => `${d.source}\u0000${d.planItem.trim()}`));
  const missing = expected.filter((e) => !given.has(`${e.source}\u0000${e.planItem}`));
  if (missing.length) {
    throw badRequest('DELIVERABLES_INCOMPLETE', `结项报告须逐项对照计划书的成果和预期目标填写，缺少：${missing.map((m) => m.planItem).join('；')}（2026年通知 二（二）3）`, {
      deliverables: `缺少 ${missing.length} 项计划书条目`,
    });
  }
  const deliverables: (typeof projectClosures.$inferInsert)['deliverables'] = [];
  for (const [i, d] of input.deliverables.entries()) {
    if (d.achievedOn) periodCheck(p, d.achievedOn, today, `deliverables[${i}].achievedOn`, `“${d.planItem.slice(0, 30)}”的取得日期`);
    deliverables.push({ planItem: d.planItem.trim(), source: d.source, achieved: d.achieved, achievedOn: d.achievedOn, met: d.met, fileIds: await checkFiles(db, p, d.fileIds ?? [], `deliverables[${i}].fileIds`) });
  }
  // Late: submitted after the closing date (2026 通知 二（二）4: 10月底前完成结项).
  const late = !!p.closeBy && today > p.closeBy;
  const closureId = randomUUID();
  await db.transaction(async (tx) => {
    const moved = await tx
      .update(projects)
      .set({ status: 'closure-submitted', updatedAt: now })
      .where(and(eq(projects.id, id), eq(projects.status, 'in-execution')))
      .returning({ id: projects.id });
    if (!moved.length) throw conflict('CLOSURE_PENDING', '结项报告刚被提交，请刷新');
    const [{ v }] = await tx.select({ v: sql<number>`coalesce(max(${projectClosures.version}), 0)` }).from(projectClosures).where(eq(projectClosures.projectId, id));
    const row = { id: closureId, projectId: id, version: Number(v) + 1, summary: input.summary, deliverables, status: 'submitted', submittedBy: caller.actor.userId, submittedAt: now, late };
    await tx.insert(projectClosures).values(row);
    await recordAudit(tx, caller.actor, { action: 'project.closure_submitted', entityType: 'project_closure', entityId: closureId, jurisdictionId: p.jurisdictionId, before: { status: p.status }, after: { ...row, projectId: id } }, now);
  });
  return getProject(db, caller, id, now);
}

/** POST /api/projects/:id/closures/:closureId/return: the officer returns the report for revision; the unit resubmits. */
export async function returnClosure(db: Db, caller: FundingCaller, id: string, closureId: string, input: { reason: string }, now: Date) {
  const p = await loadProject(db, caller, id, 'officer');
  const [c] = await db.select().from(projectClosures).where(and(eq(projectClosures.id, closureId), eq(projectClosures.projectId, id))).limit(1);
  if (!c) throw notFound('结项报告', 'CLOSURE_NOT_FOUND');
  if (c.status !== 'submitted' || p.status !== 'closure-submitted') throw conflict('CLOSURE_NOT_SUBMITTED', '只能退回待评估的结项报告');
  await db.transaction(async (tx) => {
    const done = await tx.update(projectClosures).set({ status: 'returned' }).where(and(eq(projectClosures.id, closureId), eq(projectClosures.status, 'submitted'))).returning({ id: projectClosures.id });
    if (!done.length) throw conflict('CLOSURE_NOT_SUBMITTED', '该结项报告刚被处理，请刷新');
    await tx.update(projects).set({ status: 'in-execution', updatedAt: now }).where(eq(projects.id, id));
    await notifyUnit(tx, p.unitId, { template: 'project.closure_returned', title: `结项报告退回修改：${p.name}`, body: `退回原因：${input.reason}。请修改后重新提交。`, payload: { projectId: id, closureId } }, now);
    await recordAudit(tx, caller.actor, { action: 'project.closure_returned', entityType: 'project_closure', entityId: closureId, jurisdictionId: p.jurisdictionId, before: { status: 'submitted' }, after: { status: 'returned', projectId: id, reason: input.reason } }, now);
  });
  return getProject(db, caller, id, now);
}

const OUTCOME_STATUS = { passed: 'passed', partly: 'partly-passed', failed: 'failed' } as const;

/**
 * POST /api/projects/:id/assessment: the closure assessment (结项评估) with the experts' opinions. On a pass (or a partial
 * pass) the capped subsidy line becomes due with the payable amount, in the same transaction (第十四条: 项目结束后评审
 * 考核通过的拨付); a failed project's line is closed at 0 and can never be paid.
 */
export async function assessProject(db: Db, caller: FundingCaller, id: string, input: AssessmentInput, now: Date) {
  const p = await loadProject(db, caller, id, 'officer');
  const rule = citationsOf(p.editionId).payment;
  const [existing] = await db.select({ id: projectAssessments.id, assessedOn: projectAssessments.assessedOn }).from(projectAssessments).where(eq(projectAssessments.projectId, id)).limit(1);
  if (existing) throw conflict('ASSESSMENT_EXISTS', `该项目已于 ${existing.assessedOn} 完成结项评估，不能重复评估`);
  const [closure] = await db.select().from(projectClosures).where(and(eq(projectClosures.projectId, id), eq(projectClosures.status, 'submitted'))).orderBy(desc(projectClosures.version)).limit(1);
  if (!closure || p.status !== 'closure-submitted') throw conflict('CLOSURE_NOT_SUBMITTED', '该项目尚未提交结项报告（或已退回修改），提交后才能评估');
  const approved = p.approvedAmount ?? 0;
  let payable: number;
  if (input.outcome === 'failed') {
    if (input.payableAmount) throw badRequest('PAYABLE_NOT_ZERO', `评估未通过的项目不予拨付（${rule}）`, { payableAmount: '未通过的项目核定金额为 0' });
    payable = 0;
  } else {
    payable = input.payableAmount ?? (input.outcome === 'passed' ? approved : -1);
    if (payable < 0) throw badRequest('PAYABLE_REQUIRED', '部分通过的项目须核定拨付金额', { payableAmount: '请填写核定拨付金额' });
    if (payable <= 0) throw badRequest('PAYABLE_ZERO', '通过（或部分通过）的项目核定拨付金额须大于 0', { payableAmount: '须大于 0' });
    if (payable > approved) throw badRequest('PAYABLE_ABOVE_APPROVED', `核定拨付金额 ${yuan(payable)} 超过立项核定金额 ${yuan(approved)}`, { payableAmount: `不超过 ${yuan(approved)}` });
  }
  const known = new Set(closure.deliverables.map((d) => d.planItem));
  const unknown = input.items?.findIndex((i) => !known.has(i.planItem.trim())) ?? -1;
  if (unknown >= 0) throw badRequest('ASSESSMENT_ITEM_UNKNOWN', '逐项认定的条目须是结项报告中的条目', { [`items[${unknown}].planItem`]: '结项报告中没有此条目' });
  const assessedOn = shanghaiDate(now);
  const status = OUTCOME_STATUS[input.outcome];
  const lines = await linesOf(db, p);
  const row = {
    id: randomUUID(),
    projectId: id,
    closureId: closure.id,
    outcome: input.outcome,
    reasons: input.reasons,
    items: (input.items ?? []).map((i) => ({ planItem: i.planItem.trim(), accepted: i.accepted, ...(i.comment ? { comment: i.comment } : {}) })),
    expertOpinions: input.expertOpinions ?? [],
    payableAmount: payable,
    assessedOn,
    assessedBy: caller.actor.userId,
    createdAt: now,
  };
  await db.transaction(async (tx) => {
    const moved = await tx.update(projects).set({ status, updatedAt: now }).where(and(eq(projects.id, id), eq(projects.status, 'closure-submitted'))).returning({ id: projects.id });
    if (!moved.length) throw conflict('ASSESSMENT_EXISTS', '该项目刚被评估，请刷新');
    await tx.insert(projectAssessments).values(row);
    await tx.update(projectClosures).set({ status: 'assessed' }).where(eq(projectClosures.id, closure.id));
    const changed = [];
    for (const line of lines.filter((l) => l.status === 'awaiting-condition')) {
      const set =
        input.outcome === 'failed'
          ? // Nothing is payable: the line stays behind its condition at 0, with the outcome in its condition text.
            { amount: 0, condition: `结项评估未通过（${assessedOn}），不予拨付`, dueOn: null }
          : { amount: payable, status: 'due', dueOn: assessedOn };
      const done = await tx
        .update(disbursements)
        .set({ ...set, version: sql`${disbursements.version} + 1`, updatedAt: now })
        .where(and(eq(disbursements.id, line.id), eq(disbursements.version, line.version)))
        .returning({ id: disbursements.id });
      if (!done.length) throw conflict('CONCURRENT_UPDATE', '拨付事项刚被其他人修改，请刷新后重试');
      changed.push({ id: line.id, before: { status: line.status, amount: line.amount }, after: { status: 'status' in set ? set.status : line.status, amount: set.amount, dueOn: set.dueOn } });
    }
    await notifyUnit(
      tx,
      p.unitId,
      {
        template: 'project.assessed',
        title: `结项评估结果：${p.name}`,
        body: `${PROJECT_STATUS_NAMES[status].zh}。${input.outcome === 'failed' ? '不予拨付' : `核定拨付 ${yuan(payable)}，待财政拨付`}（${rule}）。意见：${input.reasons}`,
        payload: { projectId: id },
      },
      now,
    );
    await recordAudit(
      tx,
      caller.actor,
      { action: 'project.assessed', entityType: 'project', entityId: id, jurisdictionId: p.jurisdictionId, before: { status: p.status }, after: { ...row, status, disbursements: changed, rule } },
      now,
    );
  });
  return getProject(db, caller, id, now);
}
