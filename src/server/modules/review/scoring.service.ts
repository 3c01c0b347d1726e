import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { getEdition } from '../../../policy/editions';
import { param } from '../../../policy/rules/conditions';
import type { Citation, FieldSchema, ProgramDef } from '../../../policy/types';
import type { Role } from '../../../shared/accounts';
import { shanghaiDate, toShanghaiIso } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import {
  applicationEvents,
  applicationForms,
  applicationMaterials,
  applications,
  calls,
  experts,
  files,
  proposalItems,
  proposals,
  reviewAssignments,
  reviewScores,
  units,
} from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { reviewStatusName, reviewTransition, type ReviewAction } from '../../workflow/review';
import { requirementsOf } from '../applications/applications.rules';
import { recordAudit, type Actor } from '../audit/audit.service';
import { logAccess } from './access-log';
import { aggregateTotals, criterionIssue, departures, isExtreme, outliers, rank, weightedTotal, type Rubric } from './aggregate';

/**
 * Scoring (issue 5): the expert's score sheet against the edition's rubric, the officer's view of a call's scores,
 * closing the expert review, the ranking under the quota and the officer's proposal (拟定名单). Procedural numbers
 * come from the edition's `review` rules; the quota and amounts from `program.quota` / `program.funding`.
 */

export interface ScoringCaller {
  actor: Actor;
  role: Role | null;
  userId: string;
  /** Jurisdictions where the caller holds the role the route let them in with (officer routes). */
  jurisdictions: string[];
}

type AppRow = typeof applications.$inferSelect;
type CallRow = typeof calls.$inferSelect;

/** Statuses an application holds once its expert review is closed (ranked). */
const RANKED = ['scored', 'proposed', 'not-proposed'];

// ---------------------------------------------------------------------------------------------------------
// Policy lookups
// ---------------------------------------------------------------------------------------------------------

function programOf(editionId: string, programId: string): ProgramDef {
  const program = getEdition(editionId)?.programs.find((p) => p.id === programId);
  if (!program) throw new AppError('POLICY_NOT_FOUND', 409, `政策 ${editionId}/${programId} 不存在`);
  return program;
}

function rubricOf(program: ProgramDef): Rubric {
  if (!program.rubric?.length) throw new AppError('RUBRIC_MISSING', 409, '本项目所依据的政策没有评分标准');
  return program.rubric;
}

const presentRubric = (rubric: Rubric) =>
  rubric.map((c) => ({ id: c.id, title: c.title.zh, titleEn: c.title.en, weight: c.weight, max: c.max, citation: c.citation }));

const presentRules = (program: ProgramDef) => {
  const r = program.review;
  return { expertsPerApplication: r.expertsPerApplication, aggregation: r.aggregation, extremeScore: r.extremeScore, outlierPoints: r.outlierPoints, citation: r.citation };
};

/** The date the call's parameters are read at (its opening day, Beijing time). */
const callDate = (call: CallRow) => shanghaiDate(call.opensAt);

/** The quota of a call: the call's own, capped by the edition's (e.g. 大兴 第四条 ≤10 projects, 顺义 第六条 ≤5 a year). */
export function quotaOf(call: CallRow, program: ProgramDef) {
  const edition = param(program.quota, callDate(call));
  const values = [call.quota, edition?.value].filter((v): v is number => typeof v === 'number');
  return { value: values.length ? Math.min(...values) : null, callQuota: call.quota ?? null, editionQuota: edition?.value ?? null, citation: edition?.citation ?? null };
}

export interface FundingView {
  kind: 'fixed' | 'capped' | 'none';
  amount: number | null;
  text: string;
  citation: Citation | null;
}

/**
 * The amount rule the proposal applies, read from the edition's funding rules at the call's date: a fixed grant
 * (e.g. a first recognition), a capped subsidy (not above the application's own 经费计划 either), or none (titles and
 * awards are decided later, not in the proposal).
 */
export function fundingOf(call: CallRow, program: ProgramDef): FundingView {
  const asOf = callDate(call);
  for (const rule of program.funding) {
    if (rule.kind === 'fixed') {
      const p = param(rule.amount, asOf);
      if (p) return { kind: 'fixed', amount: p.value, text: rule.when.zh, citation: p.citation };
    }
  }
  for (const rule of program.funding) {
    if (rule.kind === 'capped') {
      const p = param(rule.cap, asOf);
      if (p) return { kind: 'capped', amount: p.value, text: `${rule.when.zh}，最高 ${p.value.toLocaleString('zh-CN')} 元，且不超过申报书经费计划合计`, citation: p.citation };
    }
  }
  return { kind: 'none', amount: null, text: '本项目在拟定名单阶段不确定资助金额', citation: null };
}

/** Sum of the money columns of an application's budget tables (经费计划), or null when it has none. */
function budgetTotal(program: ProgramDef, forms: { formId: string; data: unknown }[]): number | null {
  let total: number | null = null;
  for (const form of program.forms) {
    const data = forms.find((f) => f.formId === form.id)?.data as Record<string, unknown> | undefined;
    if (!data) continue;
    for (const field of form.sections.flatMap((s) => s.fields)) {
      if (field.type !== 'table' || field.key !== 'budget' || !Array.isArray(data[field.key])) continue;
      const moneyCols = (field.columns ?? []).filter((c) => c.type === 'money').map((c) => c.key);
      for (const row of data[field.key] as Record<string, unknown>[]) {
        for (const k of moneyCols) if (typeof row?.[k] === 'number') total = (total ?? 0) + (row[k] as number);
      }
    }
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------------------

async function appEvent(tx: DbOrTx, app: AppRow, actor: Actor, now: Date, e: { action: string; from: string; to: string; note?: string; details?: unknown }) {
  await tx.insert(applicationEvents).values({
    id: randomUUID(),
    applicationId: app.id,
    at: now,
    actorUserId: actor.userId,
    actorName: actor.username,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    round: app.round,
    note: e.note ?? null,
    details: e.details ?? null,
  });
}

/** A guarded status change: the edition's table, then an optimistic write (status and version unchanged). */
async function moveApplication(tx: DbOrTx, app: AppRow, editionId: string, action: ReviewAction, caller: ScoringCaller, now: Date, eventAction: string, details?: unknown) {
  const t = reviewTransition({ status: app.status, editionId, program: app.program }, action, caller.role);
  const updated = await tx
    .update(applications)
    .set({ status: t.to, updatedAt: now, version: sql`${applications.version} + 1` })
    .where(and(eq(applications.id, app.id), eq(applications.status, app.status), eq(applications.version, app.version)))
    .returning({ id: applications.id });
  if (!updated.length) return null;
  await appEvent(tx, app, caller.actor, now, { action: eventAction, from: app.status, to: t.to, details });
  return t;
}

async function loadCallFor(db: DbOrTx, caller: ScoringCaller, callId: string) {
  const [call] = await db.select().from(calls).where(eq(calls.id, callId)).limit(1);
  if (!call || !caller.jurisdictions.includes(call.jurisdictionId)) throw notFound('申报批次', 'CALL_NOT_FOUND');
  return call;
}

// ---------------------------------------------------------------------------------------------------------
// The expert's score sheet
// ---------------------------------------------------------------------------------------------------------

/** The caller's own assignment (through their expert pool rows); anyone else's is 404. */
async function loadOwnAssignment(db: DbOrTx, caller: ScoringCaller, id: string, lock = false) {
  const q = db
    .select({ a: reviewAssignments })
    .from(reviewAssignments)
    .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
    .where(and(eq(reviewAssignments.id, id), eq(experts.userId, caller.userId)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: reviewAssignments }) : await q;
  if (!row) throw notFound('评审任务', 'ASSIGNMENT_NOT_FOUND');
  const a = row.a;
  if (a.status === 'pending') throw new AppError('DECLARATION_REQUIRED', 409, '请先声明利益冲突：声明与该申报无利益冲突后才能查看申报材料和评分');
  if (a.status === 'conflict') throw new AppError('ASSIGNMENT_CONFLICT', 403, '您已声明与该申报存在利益冲突，已回避，不能查看或评分');
  if (a.status !== 'accepted' && a.status !== 'submitted') throw notFound('评审任务', 'ASSIGNMENT_NOT_FOUND');
  return a;
}

async function contextOf(db: DbOrTx, a: typeof reviewAssignments.$inferSelect, lock = false) {
  // Inside a scoring transaction the application row is share-locked: closing the review waits for the score (and a
  // score submitted after the close sees the new status and is refused).
  const q = db.select().from(applications).where(eq(applications.id, a.applicationId)).limit(1);
  const [app] = lock ? await q.for('share') : await q;
  const [call] = await db.select().from(calls).where(eq(calls.id, a.callId)).limit(1);
  if (!app || !call) throw notFound('评审任务', 'ASSIGNMENT_NOT_FOUND');
  const program = programOf(call.editionId, app.program);
  return { app, call, program, rubric: rubricOf(program) };
}

function presentScore(s: typeof reviewScores.$inferSelect | undefined) {
  if (!s) return null;
  return {
    criteria: s.criteria,
    comments: s.comments,
    overallComment: s.overallComment,
    total: s.total,
    status: s.status as 'draft' | 'submitted',
    version: s.version,
    updatedAt: toShanghaiIso(s.updatedAt),
    submittedAt: s.submittedAt ? toShanghaiIso(s.submittedAt) : null,
  };
}

const presentField = (f: FieldSchema, value: unknown) => ({
  key: f.key,
  label: f.label.zh,
  type: f.type,
  value: value ?? null,
  ...(f.options ? { options: f.options.map((o) => ({ value: o.value, label: o.label.zh })) } : {}),
  ...(f.columns ? { columns: f.columns.map((c) => ({ key: c.key, label: c.label.zh, type: c.type })) } : {}),
});

/** GET /api/review/assignments/:id/sheet — the application read-only, the rubric and the expert's own score. */
export async function getSheet(db: Db, caller: ScoringCaller, id: string, now: Date) {
  const a = await loadOwnAssignment(db, caller, id);
  const { app, call, program, rubric } = await contextOf(db, a);
  const req = requirementsOf(call.editionId, app.program, app.studioRecognized);
  const [forms, materials, [unit], [score]] = await Promise.all([
    db.select().from(applicationForms).where(eq(applicationForms.applicationId, app.id)),
    db
      .select({ id: applicationMaterials.id, itemId: applicationMaterials.itemId, name: files.originalName, mimeType: files.mimeType, size: files.size })
      .from(applicationMaterials)
      .innerJoin(files, eq(files.id, applicationMaterials.fileId))
      .where(eq(applicationMaterials.applicationId, app.id))
      .orderBy(asc(applicationMaterials.createdAt)),
    db.select({ name: units.name }).from(units).where(eq(units.id, app.unitId)),
    db.select().from(reviewScores).where(eq(reviewScores.assignmentId, a.id)),
  ]);
  await logAccess(db, caller.actor, { applicationId: app.id, callId: call.id, what: 'application', detail: `评分表 ${a.id}` }, now);
  return {
    assignment: {
      id: a.id,
      status: a.status,
      callId: a.callId,
      applicationId: a.applicationId,
      declaredAt: a.declaredAt ? toShanghaiIso(a.declaredAt) : null,
      submittedAt: a.submittedAt ? toShanghaiIso(a.submittedAt) : null,
    },
    application: {
      id: app.id,
      number: app.number,
      title: app.title,
      leaderName: app.leaderName,
      unitName: unit?.name ?? '',
      program: app.program,
      programTitle: program.title.zh,
      callTitle: call.title,
      status: app.status,
      open: app.status === 'expert-review',
      forms: req.forms.map((f) => {
        const data = (forms.find((x) => x.formId === f.id)?.data ?? {}) as Record<string, unknown>;
        return { id: f.id, title: f.title.zh, sections: f.sections.map((s) => ({ title: s.title.zh, fields: s.fields.map((fd) => presentField(fd, data[fd.key])) })) };
      }),
      materials: req.uploads.map((m) => ({
        itemId: m.id,
        title: m.title.zh,
        files: materials
          .filter((x) => x.itemId === m.id)
          .map((x) => ({ id: x.id, name: x.name, size: x.size, mimeType: x.mimeType, url: `/api/applications/${app.id}/materials/${x.id}` })),
      })),
    },
    rubric: presentRubric(rubric),
    review: presentRules(program),
    score: presentScore(score),
  };
}

function assertScoringOpen(app: AppRow) {
  if (app.status !== 'expert-review') {
    throw new AppError('REVIEW_CLOSED', 409, `该申报已不在专家评审阶段（当前状态：${reviewStatusName(app.status)}），评分不能再修改`);
  }
}

const SUBMITTED = () => new AppError('SCORE_SUBMITTED', 409, '评分已提交，不能再修改');

/** PUT /api/review/assignments/:id/score — save a draft (each criterion 0..max, one decimal; stale version → 409). */
export async function saveScore(
  db: Db,
  caller: ScoringCaller,
  id: string,
  input: { criteria: Record<string, number | null>; comments: Record<string, string>; overallComment?: string; version: number },
  now: Date,
) {
  const pre = await loadOwnAssignment(db, caller, id);
  const { rubric } = await contextOf(db, pre);
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.criteria)) {
    const c = rubric.find((r) => r.id === key);
    if (!c) fields[`criteria.${key}`] = '没有此评分项';
    else if (value !== null) {
      const issue = criterionIssue(c, value);
      if (issue) fields[`criteria.${key}`] = issue;
    }
  }
  for (const key of Object.keys(input.comments)) if (!rubric.some((r) => r.id === key)) fields[`comments.${key}`] = '没有此评分项';
  if (Object.keys(fields).length) throw new AppError('SCORE_INVALID', 400, '评分有误，请按提示修改', fields);

  const criteria = Object.fromEntries(rubric.filter((c) => typeof input.criteria[c.id] === 'number').map((c) => [c.id, input.criteria[c.id] as number]));
  const comments = Object.fromEntries(Object.entries(input.comments).filter(([, v]) => v.trim() !== ''));
  const total = weightedTotal(rubric, criteria);
  await db.transaction(async (tx) => {
    // Locks the assignment: a concurrent save, submit or withdrawal waits for this one.
    const a = await loadOwnAssignment(tx, caller, id, true);
    if (a.status === 'submitted') throw SUBMITTED();
    const { app, call } = await contextOf(tx, a, true);
    assertScoringOpen(app);
    const [existing] = await tx.select().from(reviewScores).where(eq(reviewScores.assignmentId, a.id));
    if (existing?.status === 'submitted') throw SUBMITTED();
    if ((existing?.version ?? 0) !== input.version) throw new AppError('SCORE_STALE', 409, '评分已在别处保存过，请刷新后再修改');
    const values = { criteria, comments, overallComment: input.overallComment?.trim() || null, total, updatedAt: now };
    if (existing) {
      await tx.update(reviewScores).set({ ...values, version: existing.version + 1 }).where(and(eq(reviewScores.assignmentId, a.id), eq(reviewScores.version, existing.version)));
    } else {
      await tx.insert(reviewScores).values({ assignmentId: a.id, ...values, status: 'draft', version: 1 });
    }
    await recordAudit(
      tx,
      caller.actor,
      { action: 'score.saved', entityType: 'review_score', entityId: a.id, jurisdictionId: call.jurisdictionId, before: existing ? { criteria: existing.criteria, total: existing.total, version: existing.version } : null, after: { applicationId: app.id, criteria, total, version: input.version + 1 } },
      now,
    );
  });
  return getSheet(db, caller, id, now);
}

/** POST /api/review/assignments/:id/score/submit — complete, comments on extreme scores, overall comment; then fixed. */
export async function submitScore(db: Db, caller: ScoringCaller, id: string, input: { version?: number }, now: Date) {
  await db.transaction(async (tx) => {
    const a = await loadOwnAssignment(tx, caller, id, true);
    if (a.status === 'submitted') throw SUBMITTED();
    const { app, call, program, rubric } = await contextOf(tx, a, true);
    assertScoringOpen(app);
    const [score] = await tx.select().from(reviewScores).where(eq(reviewScores.assignmentId, a.id));
    if (!score) throw new AppError('SCORE_INCOMPLETE', 400, '请先填写并保存评分');
    if (score.status === 'submitted') throw SUBMITTED();
    if (input.version !== undefined && input.version !== score.version) throw new AppError('SCORE_STALE', 409, '评分已在别处保存过，请刷新后再提交');
    const fields: Record<string, string> = {};
    const { below, atLeast } = program.review.extremeScore;
    for (const c of rubric) {
      const v = score.criteria[c.id];
      if (typeof v !== 'number') fields[`criteria.${c.id}`] = '请填写此项分值';
      else if (isExtreme(c, v, program.review) && !score.comments[c.id]?.trim()) {
        fields[`comments.${c.id}`] = `分值低于满分的 ${Math.round(below * 100)}% 或不低于 ${Math.round(atLeast * 100)}%，须填写评语（${program.review.citation.document} ${program.review.citation.article}）`;
      }
    }
    if (!score.overallComment?.trim()) fields.overallComment = '请填写总体评价';
    if (Object.keys(fields).length) throw new AppError('SCORE_INCOMPLETE', 400, '评分尚不完整，不能提交', fields);
    const total = weightedTotal(rubric, score.criteria)!;
    const done = await tx
      .update(reviewScores)
      .set({ status: 'submitted', total, submittedAt: now, updatedAt: now, version: score.version + 1 })
      .where(and(eq(reviewScores.assignmentId, a.id), eq(reviewScores.status, 'draft'), eq(reviewScores.version, score.version)))
      .returning({ id: reviewScores.assignmentId });
    if (!done.length) throw SUBMITTED();
    await tx.update(reviewAssignments).set({ status: 'submitted', submittedAt: now }).where(and(eq(reviewAssignments.id, a.id), eq(reviewAssignments.status, 'accepted')));
    await recordAudit(tx, caller.actor, { action: 'score.submitted', entityType: 'review_score', entityId: a.id, jurisdictionId: call.jurisdictionId, after: { applicationId: app.id, criteria: score.criteria, comments: score.comments, overallComment: score.overallComment, total } }, now);
  });
  return getSheet(db, caller, id, now);
}

// ---------------------------------------------------------------------------------------------------------
// The officer: scores of a call, closing the review
// ---------------------------------------------------------------------------------------------------------

async function scoresOfCall(db: DbOrTx, call: CallRow, statuses: string[]) {
  const apps = await db
    .select({ app: applications, unitName: units.name })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(and(eq(applications.callId, call.id), inArray(applications.status, statuses)))
    .orderBy(asc(applications.number));
  const rows = apps.length
    ? await db
        .select({ a: reviewAssignments, expertName: experts.name, score: reviewScores })
        .from(reviewAssignments)
        .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
        .leftJoin(reviewScores, eq(reviewScores.assignmentId, reviewAssignments.id))
        .where(and(eq(reviewAssignments.callId, call.id), ne(reviewAssignments.status, 'withdrawn')))
        .orderBy(asc(experts.name))
    : [];
  return { apps, rows };
}

/** Submitted totals of one application's assignments (a draft never counts). */
const submittedOf = (rows: Awaited<ReturnType<typeof scoresOfCall>>['rows'], appId: string) =>
  rows.filter((r) => r.a.applicationId === appId && r.a.status === 'submitted' && r.score?.status === 'submitted' && r.score.total !== null);

/** GET /api/review/calls/:callId/scores — each expert's submitted total, outliers, aggregate and progress. */
export async function callScores(db: Db, caller: ScoringCaller, callId: string, now: Date) {
  const call = await loadCallFor(db, caller, callId);
  const program = programOf(call.editionId, call.program);
  const rubric = rubricOf(program);
  const { apps, rows } = await scoresOfCall(db, call, ['expert-review', ...RANKED]);
  const expertsSeen = new Map<string, string>();
  const result = apps.map(({ app, unitName }) => {
    const mine = rows.filter((r) => r.a.applicationId === app.id);
    const submitted = mine.filter((r) => r.a.status === 'submitted' && r.score?.status === 'submitted' && r.score.total !== null);
    const flags = outliers(
      submitted.map((r) => r.score!.total!),
      program.review.outlierPoints,
    );
    const agg = aggregateTotals(
      submitted.map((r) => r.score!.total!),
      program.review.aggregation,
    );
    for (const r of mine) expertsSeen.set(r.a.expertId, r.expertName);
    return {
      id: app.id,
      number: app.number,
      title: app.title,
      unitName,
      status: app.status,
      statusName: reviewStatusName(app.status),
      scores: mine.map((r) => {
        const i = submitted.indexOf(r);
        const isSubmitted = i >= 0;
        return {
          assignmentId: r.a.id,
          expertId: r.a.expertId,
          expertName: r.expertName,
          status: r.a.status,
          total: isSubmitted ? r.score!.total : null,
          inProgress: !isSubmitted && r.score?.status === 'draft',
          outlier: isSubmitted ? flags[i] : null,
          criteria: isSubmitted ? r.score!.criteria : null,
          overallComment: isSubmitted ? r.score!.overallComment : null,
        };
      }),
      submitted: submitted.length,
      required: program.review.expertsPerApplication,
      aggregate: agg.value,
      trimmed: agg.trimmed,
      outliers: flags.filter(Boolean).length,
    };
  });
  await logAccess(db, caller.actor, { callId: call.id, what: 'scores', detail: '评分汇总' }, now);
  return {
    call: { id: call.id, title: call.title, editionId: call.editionId, program: call.program },
    rubric: presentRubric(rubric),
    review: presentRules(program),
    experts: [...expertsSeen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    applications: result,
  };
}

/**
 * POST /api/review/calls/:callId/close-review — applications in expert review with enough submitted scores move to
 * `scored` through the edition's table; incomplete ones are listed and left.
 */
export async function closeReview(db: Db, caller: ScoringCaller, callId: string, input: { applicationIds?: string[] }, now: Date) {
  const call = await loadCallFor(db, caller, callId);
  const program = programOf(call.editionId, call.program);
  const required = program.review.expertsPerApplication;
  const out = { closed: [] as { id: string; number: string }[], incomplete: [] as { id: string; number: string; submitted: number; required: number }[], skipped: [] as { id: string; number: string; reason: string }[] };
  await db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, call.id)).for('update');
    if (!locked) throw notFound('申报批次', 'CALL_NOT_FOUND');
    const wanted = input.applicationIds ? new Set(input.applicationIds) : null;
    const all = await tx.select().from(applications).where(eq(applications.callId, call.id)).orderBy(asc(applications.number));
    if (wanted) {
      for (const id of wanted) if (!all.some((a) => a.id === id)) out.skipped.push({ id, number: '', reason: '不属于本批次' });
    }
    const candidates = all.filter((a) => (wanted ? wanted.has(a.id) : a.status === 'expert-review'));
    const { rows } = await scoresOfCall(tx, call, ['expert-review']);
    for (const app of candidates) {
      if (app.status !== 'expert-review') {
        out.skipped.push({ id: app.id, number: app.number, reason: `当前状态为“${reviewStatusName(app.status)}”，不在专家评审中` });
        continue;
      }
      const n = submittedOf(rows, app.id).length;
      if (n < required) {
        out.incomplete.push({ id: app.id, number: app.number, submitted: n, required });
        continue;
      }
      const t = await moveApplication(tx, app, call.editionId, 'close-review', caller, now, 'review-closed', { submitted: n });
      if (!t) {
        out.skipped.push({ id: app.id, number: app.number, reason: '刚被其他人处理，请刷新后查看' });
        continue;
      }
      await recordAudit(tx, caller.actor, { action: 'review.review_closed', entityType: 'application', entityId: app.id, jurisdictionId: call.jurisdictionId, before: { status: app.status }, after: { status: t.to, submittedScores: n } }, now);
      out.closed.push({ id: app.id, number: app.number });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Ranking and proposal
// ---------------------------------------------------------------------------------------------------------

async function rankingOf(db: DbOrTx, call: CallRow) {
  const program = programOf(call.editionId, call.program);
  const quota = quotaOf(call, program);
  const funding = fundingOf(call, program);
  const { apps, rows } = await scoresOfCall(db, call, RANKED);
  const forms = apps.length
    ? await db
        .select({ applicationId: applicationForms.applicationId, formId: applicationForms.formId, data: applicationForms.data })
        .from(applicationForms)
        .where(inArray(applicationForms.applicationId, apps.map((a) => a.app.id)))
    : [];
  const scored = apps.map(({ app, unitName }) => {
    const totals = submittedOf(rows, app.id).map((r) => r.score!.total!);
    const agg = aggregateTotals(totals, program.review.aggregation);
    let maxAmount: number | null = null;
    if (funding.kind === 'fixed') maxAmount = funding.amount;
    if (funding.kind === 'capped') {
      const budget = budgetTotal(
        program,
        forms.filter((f) => f.applicationId === app.id),
      );
      maxAmount = budget === null ? funding.amount : Math.min(funding.amount!, budget);
    }
    return { app, unitName, aggregate: agg.value ?? 0, trimmed: agg.trimmed, submitted: totals.length, maxAmount };
  });
  const ranked = rank(scored, (s) => s.aggregate, quota.value);
  const [pendingRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.callId, call.id), eq(applications.status, 'expert-review')));
  return { program, quota, funding, ranked, pending: Number(pendingRow?.n ?? 0) };
}

async function loadProposal(db: DbOrTx, callId: string) {
  const [p] = await db.select().from(proposals).where(eq(proposals.callId, callId)).limit(1);
  const items = p ? await db.select().from(proposalItems).where(eq(proposalItems.proposalId, p.id)) : [];
  return { proposal: p, items };
}

/** GET /api/review/calls/:callId/ranking — ranked list with ties, the quota line, suggested amounts and the proposal. */
export async function ranking(db: DbOrTx, caller: ScoringCaller, callId: string, now: Date, log = true) {
  const call = await loadCallFor(db, caller, callId);
  const { program, quota, funding, ranked, pending } = await rankingOf(db, call);
  const { proposal, items } = await loadProposal(db, call.id);
  if (log) await logAccess(db, caller.actor, { callId: call.id, what: 'scores', detail: '排名与拟定名单' }, now);
  return {
    call: { id: call.id, title: call.title, editionId: call.editionId, program: call.program, programTitle: program.title.zh },
    quota,
    funding,
    rows: ranked.map((r) => {
      const item = items.find((i) => i.applicationId === r.item.app.id);
      return {
        applicationId: r.item.app.id,
        number: r.item.app.number,
        title: r.item.app.title,
        unitName: r.item.unitName,
        status: r.item.app.status,
        statusName: reviewStatusName(r.item.app.status),
        aggregate: r.aggregate,
        trimmed: r.item.trimmed,
        submitted: r.item.submitted,
        rank: r.rank,
        tied: r.tied,
        withinQuota: r.withinQuota,
        straddlesQuota: r.straddlesQuota,
        suggestedAmount: r.item.maxAmount,
        maxAmount: r.item.maxAmount,
        amountFixed: funding.kind === 'fixed',
        proposal: item ? { proposed: item.proposed, amount: item.amount, reason: item.reason } : null,
      };
    }),
    pending,
    proposal: proposal
      ? { id: proposal.id, status: proposal.status as 'draft' | 'submitted', version: proposal.version, updatedAt: toShanghaiIso(proposal.updatedAt), submittedAt: proposal.submittedAt ? toShanghaiIso(proposal.submittedAt) : null }
      : null,
  };
}

type ProposalInput = { applicationId: string; proposed: boolean; amount?: number | null; reason?: string | null };

/**
 * Checks a proposal against the current ranking: known applications, never more proposed than the quota, a reason for
 * every departure, amounts within the funding rule. Returns the complete item list (unlisted = not proposed).
 */
function checkProposal(r: Awaited<ReturnType<typeof rankingOf>>, input: ProposalInput[], whenStale = false) {
  const fields: Record<string, string> = {};
  const byId = new Map<string, ProposalInput>();
  for (const [i, item] of input.entries()) {
    if (!r.ranked.some((x) => x.item.app.id === item.applicationId)) fields[`items.${i}.applicationId`] = '该申报不在本批次的排名中（未结束专家评审或不属于本批次）';
    else if (byId.has(item.applicationId)) fields[`items.${i}.applicationId`] = '同一申报重复列出';
    else byId.set(item.applicationId, item);
  }
  if (Object.keys(fields).length) throw new AppError('PROPOSAL_INVALID', 400, '拟定名单有误，请按提示修改', fields);
  const items = r.ranked.map((x) => {
    const given = byId.get(x.item.app.id);
    return { row: x, proposed: given?.proposed ?? false, amount: given?.amount ?? null, reason: given?.reason?.trim() || null };
  });
  const count = items.filter((i) => i.proposed).length;
  if (r.quota.value !== null && count > r.quota.value) {
    const c = r.quota.citation;
    throw new AppError(
      whenStale ? 'PROPOSAL_OUTDATED' : 'PROPOSAL_OVER_QUOTA',
      409,
      `拟定名单 ${count} 个，超过名额 ${r.quota.value} 个${c ? `（${c.document} ${c.article}）` : ''}，请减少后再保存`,
    );
  }
  const need = departures(
    items.map((i) => ({ id: i.row.item.app.id, rank: i.row.rank, withinQuota: i.row.withinQuota })),
    new Set(items.filter((i) => i.proposed).map((i) => i.row.item.app.id)),
  );
  const at = (appId: string) => `items.${appId}`;
  for (const i of items) {
    const id = i.row.item.app.id;
    const why = need.get(id);
    if (why && !i.reason) fields[`${at(id)}.reason`] = `${i.row.item.app.number}：${why}`;
    if (!i.proposed) {
      i.amount = null;
      continue;
    }
    const max = i.row.item.maxAmount;
    if (r.funding.kind === 'none') {
      if (i.amount !== null) fields[`${at(id)}.amount`] = '本项目在拟定名单阶段不确定资助金额';
    } else if (r.funding.kind === 'fixed') {
      if (i.amount === null) i.amount = max;
      else if (i.amount !== max) fields[`${at(id)}.amount`] = `定额资助 ${max?.toLocaleString('zh-CN')} 元（${r.funding.citation?.document ?? ''} ${r.funding.citation?.article ?? ''}）`;
    } else {
      if (i.amount === null) i.amount = max;
      else if (i.amount <= 0) fields[`${at(id)}.amount`] = '资助金额应大于 0';
      else if (max !== null && i.amount > max) {
        fields[`${at(id)}.amount`] =
          max < (r.funding.amount ?? Infinity)
            ? `不能超过申报书经费计划合计 ${max.toLocaleString('zh-CN')} 元`
            : `不能超过 ${max.toLocaleString('zh-CN')} 元（${r.funding.citation?.document ?? ''} ${r.funding.citation?.article ?? ''}）`;
      }
    }
  }
  if (Object.keys(fields).length) {
    throw new AppError(whenStale ? 'PROPOSAL_OUTDATED' : 'PROPOSAL_INVALID', whenStale ? 409 : 400, whenStale ? '排名或名额已变化，拟定名单需重新保存' : '拟定名单有误：偏离排名须写明理由，金额须符合资助规则', fields);
  }
  return items;
}

/**
 * PUT /api/review/calls/:callId/proposal — save the draft. The call row is locked for the whole check-and-write, so
 * two concurrent saves are serialised and the quota is checked against what is really stored.
 */
export async function saveProposal(db: Db, caller: ScoringCaller, callId: string, input: { version: number; items: ProposalInput[] }, now: Date) {
  const call = await loadCallFor(db, caller, callId);
  await db.transaction(async (tx) => {
    await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, call.id)).for('update');
    const { proposal: existing, items: before } = await loadProposal(tx, call.id);
    if (existing?.status === 'submitted') throw new AppError('PROPOSAL_SUBMITTED', 409, '拟定名单已提交，不能再修改');
    if ((existing?.version ?? 0) !== input.version) throw new AppError('PROPOSAL_STALE', 409, '拟定名单刚被其他人保存过，请刷新后再修改');
    const r = await rankingOf(tx, call);
    const items = checkProposal(r, input.items);
    const id = existing?.id ?? randomUUID();
    if (existing) {
      const done = await tx
        .update(proposals)
        .set({ version: existing.version + 1, updatedAt: now })
        .where(and(eq(proposals.id, id), eq(proposals.version, existing.version), eq(proposals.status, 'draft')))
        .returning({ id: proposals.id });
      if (!done.length) throw new AppError('PROPOSAL_STALE', 409, '拟定名单刚被其他人保存过，请刷新后再修改');
      await tx.delete(proposalItems).where(eq(proposalItems.proposalId, id));
    } else {
      await tx.insert(proposals).values({ id, callId: call.id, status: 'draft', version: 1, createdBy: caller.userId, createdAt: now, updatedAt: now });
    }
    if (items.length) {
      await tx.insert(proposalItems).values(
        items.map((i) => ({ proposalId: id, applicationId: i.row.item.app.id, rank: i.row.rank, aggregate: i.row.aggregate, proposed: i.proposed, amount: i.amount, reason: i.reason })),
      );
    }
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'proposal.saved',
        entityType: 'proposal',
        entityId: id,
        jurisdictionId: call.jurisdictionId,
        before: existing ? { version: existing.version, items: before.map((b) => ({ applicationId: b.applicationId, proposed: b.proposed, amount: b.amount, reason: b.reason })) } : null,
        after: { version: input.version + 1, quota: r.quota.value, items: items.map((i) => ({ applicationId: i.row.item.app.id, rank: i.row.rank, proposed: i.proposed, amount: i.amount, reason: i.reason })) },
      },
      now,
    );
  });
  return ranking(db, caller, callId, now, false);
}

/**
 * POST /api/review/calls/:callId/proposal/submit — every ranked application moves to proposed / not-proposed through
 * the edition's table; the proposal is fixed (the public notice, issue 6, takes it from here).
 */
export async function submitProposal(db: Db, caller: ScoringCaller, callId: string, input: { version?: number }, now: Date) {
  const call = await loadCallFor(db, caller, callId);
  await db.transaction(async (tx) => {
    await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, call.id)).for('update');
    const { proposal, items: saved } = await loadProposal(tx, call.id);
    if (!proposal) throw new AppError('PROPOSAL_MISSING', 409, '请先保存拟定名单');
    if (proposal.status === 'submitted') throw new AppError('PROPOSAL_SUBMITTED', 409, '拟定名单已提交');
    if (input.version !== undefined && input.version !== proposal.version) throw new AppError('PROPOSAL_STALE', 409, '拟定名单刚被其他人保存过，请刷新后再提交');
    const r = await rankingOf(tx, call);
    if (r.pending > 0) throw new AppError('REVIEW_NOT_CLOSED', 409, `本批次还有 ${r.pending} 件申报在专家评审中，请先结束评审再提交拟定名单`);
    if (!r.ranked.length) throw new AppError('NOTHING_RANKED', 409, '本批次没有评审完成的申报');
    const items = checkProposal(
      r,
      saved.map((s) => ({ applicationId: s.applicationId, proposed: s.proposed, amount: s.amount, reason: s.reason })),
      true,
    );
    const done = await tx
      .update(proposals)
      .set({ status: 'submitted', version: proposal.version + 1, updatedAt: now, submittedAt: now, submittedBy: caller.userId })
      .where(and(eq(proposals.id, proposal.id), eq(proposals.version, proposal.version), eq(proposals.status, 'draft')))
      .returning({ id: proposals.id });
    if (!done.length) throw new AppError('PROPOSAL_STALE', 409, '拟定名单刚被其他人处理，请刷新后查看');
    await tx.delete(proposalItems).where(eq(proposalItems.proposalId, proposal.id));
    await tx.insert(proposalItems).values(
      items.map((i) => ({ proposalId: proposal.id, applicationId: i.row.item.app.id, rank: i.row.rank, aggregate: i.row.aggregate, proposed: i.proposed, amount: i.amount, reason: i.reason })),
    );
    for (const i of items) {
      const app = i.row.item.app;
      const action: ReviewAction = i.proposed ? 'propose' : 'not-propose';
      const t = await moveApplication(tx, app, call.editionId, action, caller, now, i.proposed ? 'proposed' : 'not-proposed', { rank: i.row.rank, aggregate: i.row.aggregate, amount: i.amount, reason: i.reason });
      if (!t) throw new AppError('CONCURRENT_UPDATE', 409, `申报 ${app.number} 刚被其他人处理，请刷新后再提交`);
      await recordAudit(
        tx,
        caller.actor,
        {
          action: i.proposed ? 'proposal.application_proposed' : 'proposal.application_not_proposed',
          entityType: 'application',
          entityId: app.id,
          jurisdictionId: call.jurisdictionId,
          before: { status: app.status },
          after: { status: t.to, rank: i.row.rank, aggregate: i.row.aggregate, amount: i.amount, reason: i.reason },
        },
        now,
      );
    }
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'proposal.submitted',
        entityType: 'proposal',
        entityId: proposal.id,
        jurisdictionId: call.jurisdictionId,
        after: { quota: r.quota.value, proposed: items.filter((i) => i.proposed).map((i) => ({ applicationId: i.row.item.app.id, rank: i.row.rank, amount: i.amount })), count: items.filter((i) => i.proposed).length },
      },
      now,
    );
  });
  return ranking(db, caller, callId, now, false);
}

