import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { getEdition } from '../../../policy/editions';
import { validateCreditCode } from '../../../policy/rules/id-numbers';
import type { ReviewRules } from '../../../policy/types';
import { ASSIGNMENT_STATUS_NAMES, CONFLICT_KINDS, type DeclarationRequest } from '../../../shared/review-panels';
import { shanghaiDate, toShanghaiIso } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import {
  applicationForms,
  applications,
  calls,
  experts,
  outbox,
  panelDraws,
  panelMembers,
  reviewAssignments,
  reviewScores,
  units,
  userRoles,
  users,
} from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { recordAudit, type Actor } from '../audit/audit.service';
import { DRAW_ALGORITHM, drawPanel } from './draw';

/**
 * Expert panels (issue 5): the pool, the recorded random draw with avoidance, assignments and the experts'
 * conflict-of-interest declarations. 京兴人社发〔2025〕21号 第十一条 has the district organise "相关领域专家" for the
 * review; the panel size, experts per application and avoidance years are the edition's `review` rules (inferred,
 * cited there).
 */

/** Who calls: the actor and the jurisdictions where they run the program (write) or may read (program, inspector). */
export interface Reviewer {
  actor: Actor;
  userId: string;
  programJurisdictions: string[];
  readJurisdictions: string[];
}

type ExpertRow = typeof experts.$inferSelect;
type CallRow = typeof calls.$inferSelect;

/** Assignment statuses that hold a place on an application (count towards the experts per application). */
const ACTIVE = ['pending', 'accepted', 'submitted'];

// ---------------------------------------------------------------------------------------------------------
// Avoidance (回避)
// ---------------------------------------------------------------------------------------------------------

const normName = (s: string) => s.replace(/[\s()（）]/g, '').toLowerCase();

/** The date `years` years before `date` (YYYY-MM-DD). */
function yearsBefore(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

/**
 * Why an expert must not review a unit's application: 同单位 (works there now, by credit code or name) or 原单位
 * (left it less than `years` years before `asOf`). Avoidance years: the edition's `review.formerEmployerAvoidanceYears`.
 */
export function avoidanceReason(
  expert: Pick<ExpertRow, 'employer' | 'employerCreditCode' | 'formerEmployers'>,
  unit: { name: string; creditCode: string },
  asOf: string,
  years: number,
): '同单位' | '原单位' | null {
  const same = (name: string, code?: string | null) => (!!code && code.toUpperCase() === unit.creditCode.toUpperCase()) || normName(name) === normName(unit.name);
  if (same(expert.employer, expert.employerCreditCode)) return '同单位';
  const cutoff = yearsBefore(asOf, years);
  if (expert.formerEmployers.some((f) => f.until > cutoff && same(f.name, f.creditCode))) return '原单位';
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Loading with scope: another jurisdiction's call or expert is "not found" (404), never "forbidden".
// ---------------------------------------------------------------------------------------------------------

function reviewRulesOf(call: Pick<CallRow, 'editionId' | 'program'>): ReviewRules {
  const program = getEdition(call.editionId)?.programs.find((p) => p.id === call.program);
  if (!program) throw new AppError('EDITION_UNKNOWN', 409, '该批次所依据的政策版本不存在');
  return program.review;
}

async function loadCall(db: DbOrTx, jurisdictions: string[], callId: string): Promise<CallRow> {
  const [call] = await db.select().from(calls).where(eq(calls.id, callId)).limit(1);
  if (!call || !jurisdictions.includes(call.jurisdictionId)) throw notFound('申报批次', 'CALL_NOT_FOUND');
  return call;
}

/** Serialises panel and assignment changes of one call (two officers auto-assigning at once never exceed the count). */
async function lockCall(tx: DbOrTx, callId: string) {
  await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, callId)).for('update');
}

function validateCode(code: string | null | undefined, field: string, fields: Record<string, string>): string | null {
  if (!code) return null;
  const r = validateCreditCode(code);
  if (!r.ok) {
    fields[field] = r.message;
    return null;
  }
  return r.normalized;
}

// ---------------------------------------------------------------------------------------------------------
// Expert pool (评审专家库)
// ---------------------------------------------------------------------------------------------------------

function presentExpert(e: ExpertRow, username: string | null) {
  return {
    id: e.id,
    jurisdiction: e.jurisdictionId,
    name: e.name,
    employer: e.employer,
    employerCreditCode: e.employerCreditCode,
    title: e.title,
    phone: e.phone,
    fields: e.fields,
    formerEmployers: e.formerEmployers,
    username,
    active: e.active,
    updatedAt: toShanghaiIso(e.updatedAt),
  };
}

export async function listExperts(db: Db, who: Reviewer, q: { jurisdiction?: string; q?: string; active?: 'true' | 'false' }) {
  const scope = q.jurisdiction ? who.readJurisdictions.filter((j) => j === q.jurisdiction) : who.readJurisdictions;
  if (!scope.length) return [];
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where: SQL[] = [inArray(experts.jurisdictionId, scope)];
  if (q.active) where.push(eq(experts.active, q.active === 'true'));
  if (like) where.push(or(ilike(experts.name, like), ilike(experts.employer, like), ilike(experts.title, like), sql`${experts.fields}::text ilike ${like}`)!);
  const rows = await db
    .select({ e: experts, username: users.username })
    .from(experts)
    .leftJoin(users, eq(users.id, experts.userId))
    .where(and(...where))
    .orderBy(asc(experts.jurisdictionId), asc(experts.name), asc(experts.id));
  return rows.map((r) => presentExpert(r.e, r.username));
}

type ExpertFields = {
  name?: string;
  employer?: string;
  employerCreditCode?: string | null;
  title?: string | null;
  phone?: string | null;
  fields?: string[];
  formerEmployers?: { name: string; creditCode?: string | null; until: string }[];
  username?: string | null;
  active?: boolean;
};

/** Validates credit codes and the linked account (a user holding the expert role in the pool's jurisdiction). */
async function checkExpertInput(db: DbOrTx, jurisdiction: string, input: ExpertFields, selfId: string | null) {
  const fields: Record<string, string> = {};
  const out: Partial<typeof experts.$inferInsert> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.employer !== undefined) out.employer = input.employer;
  if (input.employerCreditCode !== undefined) out.employerCreditCode = validateCode(input.employerCreditCode, 'employerCreditCode', fields);
  if (input.title !== undefined) out.title = input.title || null;
  if (input.phone !== undefined) out.phone = input.phone || null;
  if (input.fields !== undefined) out.fields = [...new Set(input.fields)];
  if (input.active !== undefined) out.active = input.active;
  if (input.formerEmployers !== undefined) {
    out.formerEmployers = input.formerEmployers.map((f, i) => {
      const code = validateCode(f.creditCode, `formerEmployers.${i}.creditCode`, fields);
      return code ? { name: f.name, creditCode: code, until: f.until } : { name: f.name, until: f.until };
    });
  }
  if (input.username !== undefined) {
    if (!input.username) out.userId = null;
    else {
      const [u] = await db
        .select({ id: users.id })
        .from(users)
        .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'expert'), eq(userRoles.jurisdictionId, jurisdiction)))
        .where(sql`lower(${users.username}) = lower(${input.username})`)
        .limit(1);
      if (!u) fields.username = '没有该用户名的本辖区评审专家账号';
      else {
        const [linked] = await db
          .select({ id: experts.id, name: experts.name })
          .from(experts)
          .where(and(eq(experts.jurisdictionId, jurisdiction), eq(experts.userId, u.id), selfId ? ne(experts.id, selfId) : undefined));
        if (linked) fields.username = `该账号已关联专家库中的 ${linked.name}`;
        out.userId = u.id;
      }
    }
  }
  if (Object.keys(fields).length) throw new AppError('EXPERT_INVALID', 400, '专家信息有误，请按提示修改', fields);
  return out;
}

export async function createExpert(db: Db, who: Reviewer, input: ExpertFields & { jurisdiction?: string; name: string; employer: string }, now: Date) {
  const jurisdiction = input.jurisdiction ?? (who.programJurisdictions.length === 1 ? who.programJurisdictions[0] : undefined);
  if (!jurisdiction) throw new AppError('EXPERT_INVALID', 400, '请选择专家库所属辖区', { jurisdiction: '请选择辖区' });
  if (!who.programJurisdictions.includes(jurisdiction)) throw new AppError('FORBIDDEN', 403, '不能在其他辖区的专家库中登记专家');
  const values = await checkExpertInput(db, jurisdiction, input, null);
  const id = randomUUID();
  const row = { fields: [], formerEmployers: [], active: true, ...values, id, jurisdictionId: jurisdiction, name: input.name, employer: input.employer, createdAt: now, updatedAt: now };
  await db.transaction(async (tx) => {
    await tx.insert(experts).values(row);
    await recordAudit(tx, who.actor, { action: 'expert.created', entityType: 'expert', entityId: id, jurisdictionId: jurisdiction, after: row }, now);
  });
  return getExpert(db, who.readJurisdictions, id);
}

async function getExpert(db: DbOrTx, jurisdictions: string[], id: string) {
  const [r] = await db.select({ e: experts, username: users.username }).from(experts).leftJoin(users, eq(users.id, experts.userId)).where(eq(experts.id, id));
  if (!r || !jurisdictions.includes(r.e.jurisdictionId)) throw notFound('专家', 'EXPERT_NOT_FOUND');
  return presentExpert(r.e, r.username);
}

export async function updateExpert(db: Db, who: Reviewer, id: string, input: ExpertFields, now: Date) {
  const [before] = await db.select().from(experts).where(eq(experts.id, id));
  if (!before || !who.programJurisdictions.includes(before.jurisdictionId)) throw notFound('专家', 'EXPERT_NOT_FOUND');
  const values = await checkExpertInput(db, before.jurisdictionId, input, id);
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(experts)
      .set({ ...values, updatedAt: now })
      .where(and(eq(experts.id, id), eq(experts.updatedAt, before.updatedAt)))
      .returning();
    if (!after) throw new AppError('CONCURRENT_UPDATE', 409, '专家信息刚被其他人修改，请刷新后再改');
    await recordAudit(tx, who.actor, { action: 'expert.updated', entityType: 'expert', entityId: id, jurisdictionId: before.jurisdictionId, before, after }, now);
  });
  return getExpert(db, who.readJurisdictions, id);
}

// ---------------------------------------------------------------------------------------------------------
// Panel draw (随机抽取评审专家)
// ---------------------------------------------------------------------------------------------------------

/** The units that applied to a call (anything past a draft): the ones experts must avoid. */
async function applicantUnits(db: DbOrTx, callId: string) {
  return db
    .selectDistinct({ id: units.id, name: units.name, creditCode: units.creditCode })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(and(eq(applications.callId, callId), ne(applications.status, 'draft')));
}

const fieldsMatch = (have: string[], want: string[]) => {
  const w = new Set(want.map((f) => f.trim().toLowerCase()));
  return have.some((f) => w.has(f.trim().toLowerCase()));
};

export async function drawPanelForCall(db: Db, who: Reviewer, callId: string, input: { size?: number; fields?: string[] }, now: Date) {
  const call = await loadCall(db, who.programJurisdictions, callId);
  const rules = reviewRulesOf(call);
  const wanted = [...new Set((input.fields ?? []).map((f) => f.trim()).filter(Boolean))];
  const asOf = shanghaiDate(now);
  const drawId = randomUUID();
  await db.transaction(async (tx) => {
    await lockCall(tx, callId);
    const members = await tx.select().from(panelMembers).where(eq(panelMembers.callId, callId));
    const activeCount = members.filter((m) => m.status === 'active').length;
    const size = input.size ?? rules.panelSize - activeCount;
    if (size < 1) throw new AppError('PANEL_FULL', 409, `评审组已有 ${activeCount} 名专家（按政策每组 ${rules.panelSize} 名），如需增补请填写抽取人数`);
    const pool = await tx.select().from(experts).where(eq(experts.jurisdictionId, call.jurisdictionId)).orderBy(asc(experts.id));
    const unitsOfCall = await applicantUnits(tx, callId);
    const excluded: { expertId: string; reason: string }[] = [];
    const candidates: string[] = [];
    for (const e of pool) {
      const member = members.find((m) => m.expertId === e.id);
      let reason: string | null = null;
      if (!e.active) reason = '已停用';
      else if (!e.userId) reason = '无登录账号';
      else if (member?.status === 'active') reason = '已在评审组';
      else if (member) reason = '已移出评审组';
      else {
        for (const u of unitsOfCall) {
          const why = avoidanceReason(e, u, asOf, rules.formerEmployerAvoidanceYears);
          if (why) {
            reason = `${why}（${u.name}）`;
            break;
          }
        }
      }
      if (!reason && wanted.length && !fieldsMatch(e.fields, wanted)) reason = '领域不符';
      if (reason) excluded.push({ expertId: e.id, reason });
      else candidates.push(e.id);
    }
    if (!candidates.length) throw new AppError('PANEL_NO_CANDIDATES', 409, `专家库中没有可抽取的专家（${pool.length} 名专家均需回避、停用、无账号或已在评审组）`);
    const seed = randomBytes(16).toString('hex');
    const drawn = drawPanel({ candidates, seed, size });
    const record = { id: drawId, callId, algorithm: DRAW_ALGORITHM, seed, size, fields: wanted, candidates, excluded, drawn, drawnBy: who.userId, drawnAt: now };
    await tx.insert(panelDraws).values(record);
    await tx.insert(panelMembers).values(drawn.map((expertId) => ({ callId, expertId, drawId, status: 'active', addedAt: now })));
    await recordAudit(tx, who.actor, { action: 'panel.drawn', entityType: 'call', entityId: callId, jurisdictionId: call.jurisdictionId, after: record }, now);
  });
  return getPanel(db, who, callId);
}

/** Counts of a call's assignments per expert and status. */
async function loadsOf(db: DbOrTx, callId: string) {
  const rows = await db
    .select({ expertId: reviewAssignments.expertId, status: reviewAssignments.status, n: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.callId, callId))
    .groupBy(reviewAssignments.expertId, reviewAssignments.status);
  const by = new Map<string, Record<string, number>>();
  for (const r of rows) by.set(r.expertId, { ...(by.get(r.expertId) ?? {}), [r.status]: Number(r.n) });
  return (id: string) => {
    const c = by.get(id) ?? {};
    return { pending: c.pending ?? 0, accepted: c.accepted ?? 0, submitted: c.submitted ?? 0, conflict: c.conflict ?? 0, active: (c.pending ?? 0) + (c.accepted ?? 0) + (c.submitted ?? 0) };
  };
}

export async function getPanel(db: Db, who: Reviewer, callId: string) {
  const call = await loadCall(db, who.readJurisdictions, callId);
  const rules = reviewRulesOf(call);
  const [pool, members, draws, load] = await Promise.all([
    db.select({ e: experts, username: users.username }).from(experts).leftJoin(users, eq(users.id, experts.userId)).where(eq(experts.jurisdictionId, call.jurisdictionId)),
    db.select().from(panelMembers).where(eq(panelMembers.callId, callId)).orderBy(asc(panelMembers.addedAt)),
    db
      .select({ d: panelDraws, by: users.displayName })
      .from(panelDraws)
      .leftJoin(users, eq(users.id, panelDraws.drawnBy))
      .where(eq(panelDraws.callId, callId))
      .orderBy(asc(panelDraws.drawnAt), asc(panelDraws.id)),
    loadsOf(db, callId),
  ]);
  const byId = new Map(pool.map((p) => [p.e.id, p]));
  const ref = (id: string) => ({ id, name: byId.get(id)?.e.name ?? id, employer: byId.get(id)?.e.employer ?? '' });
  return {
    call: { id: call.id, title: call.title, jurisdiction: call.jurisdictionId, program: call.program, editionId: call.editionId },
    rules: {
      expertsPerApplication: rules.expertsPerApplication,
      panelSize: rules.panelSize,
      formerEmployerAvoidanceYears: rules.formerEmployerAvoidanceYears,
      citation: rules.citation,
    },
    members: members.map((m) => {
      const e = byId.get(m.expertId)!;
      return {
        ...presentExpert(e.e, e.username),
        expertId: m.expertId,
        status: m.status,
        drawId: m.drawId,
        addedAt: toShanghaiIso(m.addedAt),
        load: load(m.expertId),
      };
    }),
    draws: draws.map(({ d, by }) => ({
      id: d.id,
      algorithm: d.algorithm,
      seed: d.seed,
      size: d.size,
      fields: d.fields,
      candidates: d.candidates.map(ref),
      excluded: d.excluded.map((x) => ({ ...ref(x.expertId), reason: x.reason })),
      drawn: d.drawn.map(ref),
      drawnBy: by,
      drawnAt: toShanghaiIso(d.drawnAt),
    })),
  };
}

/** Re-runs the recorded draw for the inspector: same seed and candidates must give the same experts. */
export async function verifyDraw(db: Db, who: Reviewer, drawId: string) {
  const [d] = await db.select().from(panelDraws).where(eq(panelDraws.id, drawId));
  if (!d) throw notFound('抽取记录', 'DRAW_NOT_FOUND');
  await loadCall(db, who.readJurisdictions, d.callId).catch(() => {
    throw notFound('抽取记录', 'DRAW_NOT_FOUND');
  });
  const known = d.algorithm === DRAW_ALGORITHM;
  const reproduced = known ? drawPanel({ candidates: d.candidates, seed: d.seed, size: d.size }) : [];
  const matches = known && reproduced.length === d.drawn.length && reproduced.every((id, i) => id === d.drawn[i]);
  return {
    drawId: d.id,
    callId: d.callId,
    algorithm: d.algorithm,
    seed: d.seed,
    size: d.size,
    candidates: d.candidates,
    recorded: d.drawn,
    reproduced,
    matches,
    message: matches ? '按记录的随机种子和候选名单重新抽取，结果与记录一致' : known ? '重新抽取的结果与记录不一致，请核查' : `未知的抽取算法：${d.algorithm}`,
  };
}

export async function removeMember(db: Db, who: Reviewer, callId: string, expertId: string, now: Date) {
  const call = await loadCall(db, who.programJurisdictions, callId);
  await db.transaction(async (tx) => {
    await lockCall(tx, callId);
    const [m] = await tx.select().from(panelMembers).where(and(eq(panelMembers.callId, callId), eq(panelMembers.expertId, expertId), eq(panelMembers.status, 'active')));
    if (!m) throw notFound('评审组成员', 'PANEL_MEMBER_NOT_FOUND');
    const mine = await tx
      .select({ id: reviewAssignments.id, status: reviewAssignments.status, score: reviewScores.status })
      .from(reviewAssignments)
      .leftJoin(reviewScores, eq(reviewScores.assignmentId, reviewAssignments.id))
      .where(and(eq(reviewAssignments.callId, callId), eq(reviewAssignments.expertId, expertId)));
    if (mine.some((a) => a.status === 'submitted' || a.score === 'submitted')) {
      throw new AppError('PANEL_MEMBER_HAS_SCORES', 409, '该专家已提交评分，不能移出评审组');
    }
    const withdrawn = mine.filter((a) => a.status === 'pending' || a.status === 'accepted').map((a) => a.id);
    await tx.update(panelMembers).set({ status: 'removed' }).where(and(eq(panelMembers.callId, callId), eq(panelMembers.expertId, expertId)));
    if (withdrawn.length) await tx.update(reviewAssignments).set({ status: 'withdrawn' }).where(inArray(reviewAssignments.id, withdrawn));
    await recordAudit(tx, who.actor, { action: 'panel.member_removed', entityType: 'call', entityId: callId, jurisdictionId: call.jurisdictionId, before: { expertId, status: 'active' }, after: { expertId, status: 'removed', withdrawnAssignments: withdrawn } }, now);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Assignments (分配评审任务)
// ---------------------------------------------------------------------------------------------------------

/** What assigning needs: the call's applications in expert review, the usable panel, the existing rows, the load. */
async function assignmentContext(tx: DbOrTx, call: CallRow) {
  const [apps, members, rows] = await Promise.all([
    tx
      .select({ id: applications.id, number: applications.number, title: applications.title, status: applications.status, unitName: units.name, creditCode: units.creditCode })
      .from(applications)
      .innerJoin(units, eq(units.id, applications.unitId))
      .where(and(eq(applications.callId, call.id), eq(applications.status, 'expert-review')))
      .orderBy(asc(applications.number)),
    tx
      .select({ e: experts })
      .from(panelMembers)
      .innerJoin(experts, eq(experts.id, panelMembers.expertId))
      .where(and(eq(panelMembers.callId, call.id), eq(panelMembers.status, 'active'), eq(experts.active, true), sql`${experts.userId} is not null`))
      .orderBy(asc(experts.id)),
    tx.select().from(reviewAssignments).where(eq(reviewAssignments.callId, call.id)),
  ]);
  const load = new Map<string, number>();
  for (const r of rows) if (ACTIVE.includes(r.status)) load.set(r.expertId, (load.get(r.expertId) ?? 0) + 1);
  return { apps, members: members.map((m) => m.e), rows, load };
}
type Ctx = Awaited<ReturnType<typeof assignmentContext>>;

/** Why `expert` may not take `app`: a declared conflict, an active assignment, or an avoidance rule. */
function blockOf(ctx: Ctx, app: Ctx['apps'][number], expert: ExpertRow, asOf: string, years: number): string | null {
  const row = ctx.rows.find((r) => r.applicationId === app.id && r.expertId === expert.id);
  if (row?.status === 'conflict') return '专家已声明利益冲突';
  if (row && ACTIVE.includes(row.status)) return '已分配';
  const why = avoidanceReason(expert, { name: app.unitName, creditCode: app.creditCode }, asOf, years);
  return why ? `${why}回避` : null;
}

/** Creates (or revives a withdrawn) assignment row; returns its id. */
async function assign(tx: DbOrTx, ctx: Ctx, call: CallRow, applicationId: string, expertId: string, by: string | null, now: Date) {
  const old = ctx.rows.find((r) => r.applicationId === applicationId && r.expertId === expertId);
  const values = { status: 'pending', assignedBy: by, assignedAt: now, declaredAt: null, conflict: null, replacedBy: null, submittedAt: null };
  let id: string;
  if (old) {
    id = old.id;
    await tx.update(reviewAssignments).set(values).where(and(eq(reviewAssignments.id, old.id), eq(reviewAssignments.status, 'withdrawn')));
    Object.assign(old, values);
  } else {
    id = randomUUID();
    const row = { id, callId: call.id, applicationId, expertId, ...values };
    await tx.insert(reviewAssignments).values(row);
    ctx.rows.push(row as (typeof ctx.rows)[number]);
  }
  ctx.load.set(expertId, (ctx.load.get(expertId) ?? 0) + 1);
  return id;
}

/** The application's text an expert's fields are matched against (title and form contents). */
async function applicationTexts(tx: DbOrTx, ids: string[]) {
  const texts = new Map<string, string>();
  if (!ids.length) return texts;
  const forms = await tx.select({ id: applicationForms.applicationId, data: applicationForms.data }).from(applicationForms).where(inArray(applicationForms.applicationId, ids));
  for (const f of forms) texts.set(f.id, `${texts.get(f.id) ?? ''} ${JSON.stringify(f.data)}`.toLowerCase());
  return texts;
}

/**
 * Gives every application in expert review `review.expertsPerApplication` active assignments from the panel:
 * experts whose field appears in the application first (unless that would unbalance the load by more than one),
 * then the least loaded, never a known conflict.
 */
export async function autoAssign(db: Db, who: Reviewer, callId: string, now: Date) {
  const call = await loadCall(db, who.programJurisdictions, callId);
  const rules = reviewRulesOf(call);
  const asOf = shanghaiDate(now);
  return db.transaction(async (tx) => {
    await lockCall(tx, callId);
    const ctx = await assignmentContext(tx, call);
    if (!ctx.apps.length) throw new AppError('NO_APPLICATIONS_IN_REVIEW', 409, '本批次没有处于专家评审阶段的申报');
    if (!ctx.members.length) throw new AppError('PANEL_EMPTY', 409, '评审组还没有可用的专家，请先抽取评审专家');
    const texts = await applicationTexts(tx, ctx.apps.map((a) => a.id));
    const created: { assignmentId: string; applicationId: string; expertId: string }[] = [];
    const shortfalls: { applicationId: string; number: string; missing: number }[] = [];
    for (const app of ctx.apps) {
      const active = ctx.rows.filter((r) => r.applicationId === app.id && ACTIVE.includes(r.status)).length;
      let need = rules.expertsPerApplication - active;
      const text = `${app.title ?? ''} ${texts.get(app.id) ?? ''}`.toLowerCase();
      const matchOf = (e: ExpertRow) => (e.fields.some((f) => text.includes(f.toLowerCase())) ? 1 : 0);
      while (need > 0) {
        const eligible = ctx.members.filter((e) => !blockOf(ctx, app, e, asOf, rules.formerEmployerAvoidanceYears));
        if (!eligible.length) break;
        // Field match wins only within one assignment of the least-loaded eligible expert, so the load stays balanced.
        const loadOf = (e: ExpertRow) => ctx.load.get(e.id) ?? 0;
        const least = Math.min(...eligible.map(loadOf));
        const busy = (e: ExpertRow) => (loadOf(e) > least + 1 ? 1 : 0);
        const pick = eligible.sort((a, b) => busy(a) - busy(b) || matchOf(b) - matchOf(a) || loadOf(a) - loadOf(b) || a.id.localeCompare(b.id))[0];
        created.push({ assignmentId: await assign(tx, ctx, call, app.id, pick.id, who.userId, now), applicationId: app.id, expertId: pick.id });
        need--;
      }
      if (need > 0) shortfalls.push({ applicationId: app.id, number: app.number, missing: need });
    }
    if (created.length) {
      await recordAudit(tx, who.actor, { action: 'assignment.created', entityType: 'call', entityId: callId, jurisdictionId: call.jurisdictionId, after: { mode: 'auto', created } }, now);
    }
    return {
      created: created.length,
      shortfalls,
      message: shortfalls.length
        ? `已分配 ${created.length} 项；${shortfalls.map((s) => `${s.number} 还差 ${s.missing} 名专家`).join('，')}（评审组可用专家不足，请增补抽取）`
        : created.length
          ? `已分配 ${created.length} 项，每件申报均有 ${rules.expertsPerApplication} 名专家`
          : `每件申报均已有 ${rules.expertsPerApplication} 名专家，无需分配`,
    };
  });
}

/** The officer's own choice: every selected application to every selected expert; a known conflict refuses all. */
export async function assignManually(db: Db, who: Reviewer, callId: string, input: { applicationIds: string[]; expertIds: string[] }, now: Date) {
  const call = await loadCall(db, who.programJurisdictions, callId);
  const rules = reviewRulesOf(call);
  const asOf = shanghaiDate(now);
  return db.transaction(async (tx) => {
    await lockCall(tx, callId);
    const ctx = await assignmentContext(tx, call);
    const fields: Record<string, string> = {};
    const apps = [...new Set(input.applicationIds)].map((id, i) => {
      const app = ctx.apps.find((a) => a.id === id);
      if (!app) fields[`applicationIds.${i}`] = '该申报不在本批次的专家评审阶段';
      return app!;
    });
    const chosen = [...new Set(input.expertIds)].map((id, i) => {
      const e = ctx.members.find((m) => m.id === id);
      if (!e) fields[`expertIds.${i}`] = '该专家不在本批次评审组（或已停用、无登录账号）';
      return e!;
    });
    if (Object.keys(fields).length) throw new AppError('ASSIGNMENT_INVALID', 400, '所选申报或专家有误', fields);
    const refusals: Record<string, string> = {};
    const pairs: [typeof apps[number], ExpertRow][] = [];
    let skipped = 0;
    for (const app of apps)
      for (const e of chosen) {
        const block = blockOf(ctx, app, e, asOf, rules.formerEmployerAvoidanceYears);
        if (block === '已分配') skipped++;
        else if (block) refusals[`${app.id}/${e.id}`] = `${app.number} × ${e.name}：${block}`;
        else pairs.push([app, e]);
      }
    if (Object.keys(refusals).length) {
      throw new AppError('ASSIGNMENT_CONFLICT', 409, `存在回避情形，未做任何分配：${Object.values(refusals).slice(0, 5).join('；')}`, refusals);
    }
    const created = [];
    for (const [app, e] of pairs) created.push({ assignmentId: await assign(tx, ctx, call, app.id, e.id, who.userId, now), applicationId: app.id, expertId: e.id });
    if (created.length) {
      await recordAudit(tx, who.actor, { action: 'assignment.created', entityType: 'call', entityId: callId, jurisdictionId: call.jurisdictionId, after: { mode: 'manual', created } }, now);
    }
    return { created: created.length, skipped, message: `已分配 ${created.length} 项${skipped ? `，${skipped} 项原已分配` : ''}` };
  });
}

export async function withdrawAssignment(db: Db, who: Reviewer, id: string, now: Date) {
  const [a] = await db.select().from(reviewAssignments).where(eq(reviewAssignments.id, id));
  if (!a) throw notFound('评审任务', 'ASSIGNMENT_NOT_FOUND');
  const call = await loadCall(db, who.programJurisdictions, a.callId).catch(() => {
    throw notFound('评审任务', 'ASSIGNMENT_NOT_FOUND');
  });
  if (a.status === 'submitted') throw new AppError('ASSIGNMENT_SUBMITTED', 409, '专家已提交评分，不能撤回该评审任务');
  if (!ACTIVE.includes(a.status)) throw new AppError('ASSIGNMENT_NOT_ACTIVE', 409, `该评审任务${ASSIGNMENT_STATUS_NAMES[a.status] ?? a.status}，不能撤回`);
  await db.transaction(async (tx) => {
    const [score] = await tx.select({ status: reviewScores.status }).from(reviewScores).where(eq(reviewScores.assignmentId, id));
    if (score?.status === 'submitted') throw new AppError('ASSIGNMENT_SUBMITTED', 409, '专家已提交评分，不能撤回该评审任务');
    const done = await tx
      .update(reviewAssignments)
      .set({ status: 'withdrawn' })
      .where(and(eq(reviewAssignments.id, id), eq(reviewAssignments.status, a.status)))
      .returning({ id: reviewAssignments.id });
    if (!done.length) throw new AppError('CONCURRENT_UPDATE', 409, '该评审任务刚被改变（专家可能已声明或提交），请刷新后查看');
    await recordAudit(tx, who.actor, { action: 'assignment.withdrawn', entityType: 'assignment', entityId: id, jurisdictionId: call.jurisdictionId, before: { status: a.status }, after: { status: 'withdrawn' } }, now);
  });
}

/** The officer's matrix: applications × panel experts with each assignment's status, known avoidance, the load. */
export async function listAssignments(db: Db, who: Reviewer, callId: string, now: Date) {
  const call = await loadCall(db, who.readJurisdictions, callId);
  const rules = reviewRulesOf(call);
  const asOf = shanghaiDate(now);
  const [apps, rows, members] = await Promise.all([
    db
      .select({ id: applications.id, number: applications.number, title: applications.title, leaderName: applications.leaderName, status: applications.status, unitName: units.name, creditCode: units.creditCode })
      .from(applications)
      .innerJoin(units, eq(units.id, applications.unitId))
      .where(and(eq(applications.callId, callId), inArray(applications.status, ['expert-review', 'scored', 'proposed', 'not-proposed'])))
      .orderBy(asc(applications.number)),
    db.select().from(reviewAssignments).where(eq(reviewAssignments.callId, callId)),
    db.select({ e: experts, status: panelMembers.status }).from(panelMembers).innerJoin(experts, eq(experts.id, panelMembers.expertId)).where(eq(panelMembers.callId, callId)).orderBy(asc(panelMembers.addedAt)),
  ]);
  const shown = members.filter((m) => m.status === 'active' || rows.some((r) => r.expertId === m.e.id));
  const load = new Map<string, { active: number; pending: number; accepted: number; submitted: number; conflict: number }>();
  for (const m of shown) load.set(m.e.id, { active: 0, pending: 0, accepted: 0, submitted: 0, conflict: 0 });
  for (const r of rows) {
    const l = load.get(r.expertId);
    if (!l) continue;
    if (r.status in l) l[r.status as 'pending']++;
    if (ACTIVE.includes(r.status)) l.active++;
  }
  return {
    expertsPerApplication: rules.expertsPerApplication,
    experts: shown.map((m) => ({ id: m.e.id, name: m.e.name, employer: m.e.employer, fields: m.e.fields, onPanel: m.status === 'active', hasAccount: !!m.e.userId, active: m.e.active, load: load.get(m.e.id)! })),
    applications: apps.map((app) => ({
      id: app.id,
      number: app.number,
      title: app.title,
      leaderName: app.leaderName,
      unitName: app.unitName,
      status: app.status,
      activeCount: rows.filter((r) => r.applicationId === app.id && ACTIVE.includes(r.status)).length,
      cells: shown.map((m) => {
        const r = rows.find((x) => x.applicationId === app.id && x.expertId === m.e.id);
        return {
          expertId: m.e.id,
          assignmentId: r?.id ?? null,
          status: r?.status ?? null,
          statusName: r ? (ASSIGNMENT_STATUS_NAMES[r.status] ?? r.status) : null,
          conflict: r?.conflict ?? null,
          avoidance: avoidanceReason(m.e, { name: app.unitName, creditCode: app.creditCode }, asOf, rules.formerEmployerAvoidanceYears),
        };
      }),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The expert's side: own assignments and the conflict-of-interest declaration (利益冲突声明)
// ---------------------------------------------------------------------------------------------------------

const STATUS_ORDER: Record<string, number> = { pending: 0, accepted: 1, submitted: 2, conflict: 3 };

export async function listMyAssignments(db: Db, userId: string) {
  const rows = await db
    .select({
      a: reviewAssignments,
      callTitle: calls.title,
      editionId: calls.editionId,
      program: calls.program,
      jurisdiction: calls.jurisdictionId,
      number: applications.number,
      title: applications.title,
      leaderName: applications.leaderName,
      unitName: units.name,
      unitCreditCode: units.creditCode,
    })
    .from(reviewAssignments)
    .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
    .innerJoin(calls, eq(calls.id, reviewAssignments.callId))
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(and(eq(experts.userId, userId), ne(reviewAssignments.status, 'withdrawn')));
  rows.sort((x, y) => (STATUS_ORDER[x.a.status] ?? 9) - (STATUS_ORDER[y.a.status] ?? 9) || x.a.assignedAt.getTime() - y.a.assignedAt.getTime() || x.number.localeCompare(y.number));
  const count = (s: string) => rows.filter((r) => r.a.status === s).length;
  return {
    counts: {
      toDeclare: count('pending'),
      toScore: count('accepted'),
      submitted: count('submitted'),
      conflict: count('conflict'),
      pending: count('pending') + count('accepted'),
      done: count('submitted') + count('conflict'),
    },
    items: rows.map((r) => ({
      id: r.a.id,
      callId: r.a.callId,
      callTitle: r.callTitle,
      jurisdiction: r.jurisdiction,
      applicationId: r.a.applicationId,
      number: r.number,
      title: r.title,
      leaderName: r.leaderName,
      unitName: r.unitName,
      unitCreditCode: r.unitCreditCode,
      status: r.a.status,
      statusName: ASSIGNMENT_STATUS_NAMES[r.a.status] ?? r.a.status,
      assignedAt: toShanghaiIso(r.a.assignedAt),
      declaredAt: r.a.declaredAt ? toShanghaiIso(r.a.declaredAt) : null,
      submittedAt: r.a.submittedAt ? toShanghaiIso(r.a.submittedAt) : null,
      conflict: r.a.conflict,
      /** The avoidance rule and its basis, shown in the declaration dialog. */
      citation: getEdition(r.editionId)?.programs.find((p) => p.id === r.program)?.review.citation ?? null,
    })),
  };
}

/** In-app messages to the program officers of a jurisdiction (outbox, same transaction). */
async function notifyProgramOfficers(tx: DbOrTx, jurisdiction: string, m: { template: string; title: string; body: string; payload: Record<string, unknown> }, now: Date) {
  const officers = await tx
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'program'), eq(userRoles.jurisdictionId, jurisdiction)))
    .where(eq(users.active, true));
  if (!officers.length) return;
  await tx.insert(outbox).values(
    officers.map((o) => ({ id: randomUUID(), channel: 'in-app', userId: o.id, recipient: null, template: m.template, title: m.title, body: m.body, payload: m.payload, status: 'delivered', nextAttemptAt: now, createdAt: now, deliveredAt: now })),
  );
}

/**
 * The expert declares before seeing the application. No conflict → accepted (the application opens for scoring).
 * A conflict → the assignment is set aside and the application goes to the least-loaded panel member without a
 * known conflict; the program officers are told (and told to assign by hand when nobody is left).
 */
export async function declare(db: Db, actor: Actor, userId: string, id: string, input: DeclarationRequest, now: Date) {
  const [found] = await db
    .select({ a: reviewAssignments, expert: experts })
    .from(reviewAssignments)
    .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
    .where(eq(reviewAssignments.id, id));
  if (!found || found.expert.userId !== userId) throw notFound('评审任务', 'ASSIGNMENT_NOT_FOUND');
  const { a, expert } = found;
  if (a.status === 'withdrawn') throw new AppError('ASSIGNMENT_WITHDRAWN', 409, '该评审任务已被撤回');
  if (a.status !== 'pending') throw new AppError('ALREADY_DECLARED', 409, `已于此前声明（${ASSIGNMENT_STATUS_NAMES[a.status] ?? a.status}），不能重复声明`);
  const [call] = await db.select().from(calls).where(eq(calls.id, a.callId));
  const rules = reviewRulesOf(call);
  const asOf = shanghaiDate(now);
  return db.transaction(async (tx) => {
    await lockCall(tx, call.id);
    const conflict = input.hasConflict ? { kind: input.kind, ...(input.note ? { note: input.note } : {}) } : null;
    const updated = await tx
      .update(reviewAssignments)
      .set({ status: conflict ? 'conflict' : 'accepted', declaredAt: now, conflict })
      .where(and(eq(reviewAssignments.id, id), eq(reviewAssignments.status, 'pending')))
      .returning({ id: reviewAssignments.id });
    if (!updated.length) throw new AppError('ALREADY_DECLARED', 409, '该评审任务刚被改变（已声明或已撤回），请刷新后查看');
    if (!conflict) {
      await recordAudit(tx, actor, { action: 'assignment.declared', entityType: 'assignment', entityId: id, jurisdictionId: call.jurisdictionId, before: { status: 'pending' }, after: { status: 'accepted' } }, now);
      return { id, status: 'accepted', reassigned: null, message: '已声明无利益冲突，可以查看申报材料并评分' };
    }
    await recordAudit(tx, actor, { action: 'assignment.conflict_declared', entityType: 'assignment', entityId: id, jurisdictionId: call.jurisdictionId, before: { status: 'pending' }, after: { status: 'conflict', conflict } }, now);
    const ctx = await assignmentContext(tx, call);
    for (const r of ctx.rows) if (r.id === id) r.status = 'conflict';
    const app = ctx.apps.find((x) => x.id === a.applicationId);
    const [appRow] = app ? [app] : await tx.select({ number: applications.number }).from(applications).where(eq(applications.id, a.applicationId));
    const pick = app
      ? ctx.members
          .filter((e) => e.id !== expert.id && !blockOf(ctx, app, e, asOf, rules.formerEmployerAvoidanceYears))
          .sort((x, y) => (ctx.load.get(x.id) ?? 0) - (ctx.load.get(y.id) ?? 0) || x.id.localeCompare(y.id))[0]
      : undefined;
    const kind = CONFLICT_KINDS[conflict.kind as keyof typeof CONFLICT_KINDS];
    if (pick && app) {
      const newId = await assign(tx, ctx, call, app.id, pick.id, null, now);
      await tx.update(reviewAssignments).set({ replacedBy: newId }).where(eq(reviewAssignments.id, id));
      await recordAudit(tx, actor, { action: 'assignment.reassigned', entityType: 'assignment', entityId: newId, jurisdictionId: call.jurisdictionId, before: { assignmentId: id, expertId: expert.id }, after: { assignmentId: newId, expertId: pick.id, applicationId: app.id } }, now);
      await notifyProgramOfficers(
        tx,
        call.jurisdictionId,
        {
          template: 'review.conflict_reassigned',
          title: `专家回避，已自动改派：${app.number}`,
          body: `专家 ${expert.name} 对申报 ${app.number}（${call.title}）声明利益冲突（${kind}），该申报已自动改派给评审组专家 ${pick.name}。`,
          payload: { callId: call.id, applicationId: app.id, assignmentId: id, replacedBy: newId },
        },
        now,
      );
      return { id, status: 'conflict', reassigned: true, message: '已声明利益冲突并回避，该申报已改派给其他专家' };
    }
    await notifyProgramOfficers(
      tx,
      call.jurisdictionId,
      {
        template: 'review.conflict_unassigned',
        title: `专家回避，需人工分配：${appRow?.number ?? ''}`,
        body: `专家 ${expert.name} 对申报 ${appRow?.number ?? ''}（${call.title}）声明利益冲突（${kind}），评审组中已没有可改派的专家，请增补抽取专家后分配。`,
        payload: { callId: call.id, applicationId: a.applicationId, assignmentId: id },
      },
      now,
    );
    return { id, status: 'conflict', reassigned: false, message: '已声明利益冲突并回避；评审组暂无可改派的专家，已通知业务主管另行分配' };
  });
}
