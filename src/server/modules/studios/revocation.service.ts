import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { getEdition } from '../../../policy/editions';
import type { Edition, RevocationTrigger } from '../../../policy/types';
import type {
  DismissRequest,
  RevocationCase,
  RevocationCaseDetail,
  RevocationCaseStatus,
  RevocationFindingRequest,
  RevokeRequest,
  StudioRevocationTriggers,
} from '../../../shared/revocation';
import { shanghaiDate } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import { revocationCases, studioHistory, studios, studioTitles, users } from '../../db/schema';
import { AppError, badRequest, conflict, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { shortPlaceName } from '../funding/decisions.service';
import { jurisdictionsWith, type FundingCaller } from '../funding/funding.caller';
import { notifyUnit } from '../notifications/notifications.service';
import { appendStudioHistory } from './history';

/**
 * Revocation (取消称号，收回铭牌, 京兴人社发〔2025〕21号 第十八条). A case is raised by the daily check
 * (jobs/revocation-check.ts) or recorded by the program officer as a finding; the program officer of the studio's
 * jurisdiction revokes (the studio leaves the public registry, its history and cases stay) or dismisses it.
 * Cases are the bureau's internal record (the text gives the unit no hearing step); the unit is told of a revocation
 * through the outbox. Editions that list no trigger (经开区 办事指南, 顺义 征求意见稿) have no cases.
 */

/** Who reads cases: the program officers and the inspectors of the jurisdiction. */
const READERS = ['program', 'inspector'] as const;

export const triggerCitation = (t: RevocationTrigger) => `${t.citation.document} ${t.citation.article}`;
const triggerOf = (editionId: string, triggerId: string) => getEdition(editionId)?.revocationTriggers.find((t) => t.id === triggerId);

type CaseRow = typeof revocationCases.$inferSelect;
type StudioRow = typeof studios.$inferSelect;

async function userNames(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function present(c: CaseRow, s: Pick<StudioRow, 'name' | 'status' | 'unitName' | 'leaderName'>, names: Map<string, string>): RevocationCase {
  const trigger = triggerOf(c.editionId, c.triggerId);
  const details = { ...(c.facts?.details ?? {}) };
  return {
    id: c.id,
    studioId: c.studioId,
    studioName: s.name,
    studioStatus: s.status,
    unitName: s.unitName,
    leaderName: s.leaderName,
    jurisdiction: c.jurisdictionId,
    editionId: c.editionId,
    triggerId: c.triggerId,
    trigger: trigger?.text.zh ?? c.triggerId,
    citation: c.citation,
    inferred: trigger?.citation.inferred ?? null,
    definition: trigger?.definition?.zh ?? null,
    summary: c.facts?.summary ?? '',
    details,
    raisedBy: c.raisedBy === 'officer' ? 'officer' : 'system',
    raisedByName: c.raisedByUser ? (names.get(c.raisedByUser) ?? null) : null,
    raisedOn: c.raisedOn,
    status: c.status as RevocationCaseStatus,
    decisionReason: c.decisionReason,
    decisionDocument: c.decisionDocument,
    decidedAt: c.decidedAt ? c.decidedAt.toISOString() : null,
    decidedByName: c.decidedBy ? (names.get(c.decidedBy) ?? null) : null,
    version: c.version,
  };
}

/** GET /api/revocation-cases: the caller's jurisdictions' cases, open first, newest first. */
export async function listCases(db: Db, caller: FundingCaller, query: { status?: RevocationCaseStatus; trigger?: string; studioId?: string }): Promise<RevocationCase[]> {
  const scope = jurisdictionsWith(caller, READERS);
  if (!scope.length) return [];
  const where: SQL[] = [inArray(revocationCases.jurisdictionId, scope)];
  if (query.status) where.push(eq(revocationCases.status, query.status));
  if (query.trigger) where.push(eq(revocationCases.triggerId, query.trigger));
  if (query.studioId) where.push(eq(revocationCases.studioId, query.studioId));
  const rows = await db
    .select({ c: revocationCases, s: { name: studios.name, status: studios.status, unitName: studios.unitName, leaderName: studios.leaderName } })
    .from(revocationCases)
    .innerJoin(studios, eq(studios.id, revocationCases.studioId))
    .where(and(...where))
    .orderBy(sql`case when ${revocationCases.status} = 'open' then 0 else 1 end`, desc(revocationCases.raisedOn), desc(revocationCases.createdAt))
    .limit(500);
  const names = await userNames(db, rows.flatMap((r) => [r.c.raisedByUser, r.c.decidedBy]));
  return rows.map((r) => present(r.c, r.s, names));
}

async function loadCase(db: DbOrTx, caller: FundingCaller, id: string, roles: readonly ('program' | 'inspector')[]) {
  const [row] = await db.select({ c: revocationCases, s: studios }).from(revocationCases).innerJoin(studios, eq(studios.id, revocationCases.studioId)).where(eq(revocationCases.id, id)).limit(1);
  if (!row || !jurisdictionsWith(caller, roles).includes(row.c.jurisdictionId)) throw notFound('取消称号案件', 'REVOCATION_CASE_NOT_FOUND');
  return row;
}

/** GET /api/revocation-cases/:id: the case, its facts, the article's text, the studio's other cases and history. */
export async function getCase(db: Db, caller: FundingCaller, id: string): Promise<RevocationCaseDetail> {
  const { c, s } = await loadCase(db, caller, id, READERS);
  const trigger = triggerOf(c.editionId, c.triggerId);
  const others = await db.select().from(revocationCases).where(and(eq(revocationCases.studioId, c.studioId), ne(revocationCases.id, c.id))).orderBy(desc(revocationCases.createdAt));
  const history = await db.select().from(studioHistory).where(eq(studioHistory.studioId, c.studioId)).orderBy(asc(studioHistory.happenedOn), asc(studioHistory.createdAt));
  const names = await userNames(db, [c.raisedByUser, c.decidedBy]);
  return {
    ...present(c, s, names),
    articleText: trigger ? `${trigger.citation.article}：工作室出现下列情况之一的，取消工作室称号，收回铭牌——${trigger.text.zh}` : c.citation,
    studio: { plaqueNumber: s.plaqueNumber, level: s.level, recognizedOn: s.recognizedOn, revokedOn: s.revokedOn, revocationReason: s.revocationReason, revocationArticle: s.revocationArticle },
    otherCases: others.map((o) => ({ id: o.id, trigger: triggerOf(o.editionId, o.triggerId)?.text.zh ?? o.triggerId, citation: o.citation, status: o.status as RevocationCaseStatus, raisedOn: o.raisedOn })),
    history: history.map((h) => ({ id: h.id, kind: h.kind, happenedOn: h.happenedOn, before: h.before, after: h.after, citation: h.citation, note: h.note, revocationCaseId: h.revocationCaseId })),
  };
}

async function loadStudio(db: DbOrTx, caller: FundingCaller, id: string, roles: readonly ('program' | 'inspector')[]) {
  const [s] = await db.select().from(studios).where(eq(studios.id, id)).limit(1);
  if (!s || !jurisdictionsWith(caller, roles).includes(s.jurisdictionId)) throw notFound('工作室', 'STUDIO_NOT_FOUND');
  return s;
}

function editionOf(s: StudioRow): Edition {
  const edition = getEdition(s.editionId);
  if (!edition) throw new AppError('POLICY_NOT_FOUND', 409, '该工作室所依据的政策版本不存在');
  return edition;
}

/** GET /api/studios/:id/revocation-triggers: the triggers of the studio's edition (the finding form's choices). */
export async function studioTriggers(db: Db, caller: FundingCaller, studioId: string): Promise<StudioRevocationTriggers> {
  const s = await loadStudio(db, caller, studioId, READERS);
  const edition = editionOf(s);
  const open = await db.select({ id: revocationCases.id, triggerId: revocationCases.triggerId }).from(revocationCases).where(and(eq(revocationCases.studioId, studioId), eq(revocationCases.status, 'open')));
  return {
    studioId: s.id,
    studioName: s.name,
    studioStatus: s.status,
    editionId: s.editionId,
    document: edition.documentNumber,
    triggers: edition.revocationTriggers.map((t) => ({
      id: t.id,
      citation: triggerCitation(t),
      text: t.text.zh,
      detection: t.detection,
      definition: t.definition?.zh ?? null,
      inferred: t.citation.inferred ?? null,
      openCaseId: open.find((o) => o.triggerId === t.id)?.id ?? null,
    })),
  };
}

/**
 * POST /api/studios/:id/revocation-findings: the program officer records a case of a trigger of the studio's edition
 * with the facts and evidence found (e.g. 第十八条（四）挪用、滥用项目经费). Refused: a trigger the edition does not list
 * (400; 经开区 and 顺义 list none), a revoked studio (409), an open case of the same trigger (409).
 */
export async function recordFinding(db: Db, caller: FundingCaller, studioId: string, input: RevocationFindingRequest, now: Date): Promise<RevocationCase> {
  const s = await loadStudio(db, caller, studioId, ['program']);
  const edition = editionOf(s);
  const trigger = edition.revocationTriggers.find((t) => t.id === input.triggerId);
  if (!trigger) {
    throw badRequest(
      'TRIGGER_NOT_IN_EDITION',
      edition.revocationTriggers.length
        ? `“${input.triggerId}”不是 ${edition.documentNumber} 第十八条所列的取消称号情形，请从所列情形中选择`
        : `${edition.documentNumber} 没有规定取消工作室称号的情形，不能对该工作室记录取消称号情形`,
      { triggerId: '请选择该工作室适用政策所列的取消称号情形' },
    );
  }
  if (s.status === 'revoked') throw conflict('STUDIO_REVOKED', `该工作室已于 ${s.revokedOn ?? ''} 取消称号（${s.revocationArticle ?? ''}），不能再记录取消称号情形`);
  const today = shanghaiDate(now);
  const id = randomUUID();
  const citation = triggerCitation(trigger);
  return db.transaction(async (tx) => {
    const [open] = await tx.select({ id: revocationCases.id }).from(revocationCases).where(and(eq(revocationCases.studioId, studioId), eq(revocationCases.triggerId, trigger.id), eq(revocationCases.status, 'open'))).limit(1);
    if (open) throw conflict('CASE_ALREADY_OPEN', `该工作室已有“${trigger.text.zh}”（${citation}）的待处理案件，请在该案件中处理`);
    const inserted = await tx
      .insert(revocationCases)
      .values({
        id,
        studioId,
        jurisdictionId: s.jurisdictionId,
        editionId: s.editionId,
        triggerId: trigger.id,
        citation,
        facts: { summary: input.facts, details: { evidence: input.evidence, key: `finding:${id}`, recordedOn: today } },
        raisedBy: 'officer',
        raisedOn: today,
        raisedByUser: caller.actor.userId,
        status: 'open',
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw conflict('CASE_ALREADY_OPEN', `该工作室已有“${trigger.text.zh}”（${citation}）的待处理案件`);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'revocation.finding_recorded', entityType: 'revocation_case', entityId: id, jurisdictionId: s.jurisdictionId, after: { studioId, studio: s.name, triggerId: trigger.id, citation, facts: input.facts, evidence: input.evidence } },
      now,
    );
    return present(inserted[0], s, await userNames(tx, [caller.actor.userId]));
  });
}

function refuseDecided(c: CaseRow) {
  if (c.status !== 'open') {
    const what = { revoked: '已决定取消称号', dismissed: '已决定不予取消', closed: '已随工作室取消称号一并结案' }[c.status] ?? '已处理';
    throw conflict('CASE_NOT_OPEN', `该案件${what}，不能重复处理`);
  }
}

/** The case's guarded update: its version must still be the one the officer saw (two officers at once: one wins). */
async function closeCase(tx: DbOrTx, c: CaseRow, version: number, set: Partial<CaseRow>) {
  const updated = await tx
    .update(revocationCases)
    .set({ ...set, version: sql`${revocationCases.version} + 1` })
    .where(and(eq(revocationCases.id, c.id), eq(revocationCases.status, 'open'), eq(revocationCases.version, version)))
    .returning();
  if (!updated.length) throw conflict('CONCURRENT_UPDATE', '该案件刚被其他人处理或修改，请刷新后查看');
  return updated[0];
}

/**
 * POST /api/revocation-cases/:id/revoke — 取消工作室称号，收回铭牌 (第十八条). The studio becomes `revoked` (it leaves the
 * public registry), its plaque number is withdrawn (kept in the history entry with its titles), the studio's other
 * open cases are closed with it, the unit is notified. The case and the studio's history stay.
 */
export async function revoke(db: Db, caller: FundingCaller, caseId: string, input: RevokeRequest, now: Date): Promise<RevocationCaseDetail> {
  const { c, s } = await loadCase(db, caller, caseId, ['program']);
  refuseDecided(c);
  if (c.version !== input.version) throw conflict('CONCURRENT_UPDATE', '该案件刚被其他人处理或修改，请刷新后查看');
  const today = shanghaiDate(now);
  const edition = getEdition(c.editionId);
  await db.transaction(async (tx) => {
    const decided = await closeCase(tx, c, input.version, { status: 'revoked', decisionReason: input.reason, decisionDocument: input.document, decidedBy: caller.actor.userId, decidedAt: now });
    const [studio] = await tx.select().from(studios).where(eq(studios.id, c.studioId)).for('update');
    if (studio.status === 'revoked') throw conflict('STUDIO_REVOKED', `该工作室已于 ${studio.revokedOn ?? ''} 取消称号`);
    const titles = await tx.select().from(studioTitles).where(eq(studioTitles.studioId, c.studioId)).orderBy(asc(studioTitles.awardedOn));
    await tx
      .update(studios)
      .set({ status: 'revoked', revokedOn: today, revocationReason: input.reason, revocationArticle: c.citation, plaqueNumber: null, updatedAt: now })
      .where(eq(studios.id, c.studioId));
    const others = await tx
      .update(revocationCases)
      .set({ status: 'closed', decisionReason: `工作室已因“${triggerOf(c.editionId, c.triggerId)?.text.zh ?? c.triggerId}”（${c.citation}）取消称号（${input.document}），本案一并结案`, decidedBy: caller.actor.userId, decidedAt: now, version: sql`${revocationCases.version} + 1` })
      .where(and(eq(revocationCases.studioId, c.studioId), eq(revocationCases.status, 'open'), ne(revocationCases.id, c.id)))
      .returning({ id: revocationCases.id });
    const title = edition ? `${shortPlaceName(edition)}技能大师工作室` : '技能大师工作室';
    await appendStudioHistory(
      tx,
      {
        studioId: c.studioId,
        kind: 'revoked',
        happenedOn: today,
        before: {
          status: studio.status,
          plaqueNumber: studio.plaqueNumber,
          level: studio.level,
          titles: titles.map((t) => ({ level: t.level, awardedOn: t.awardedOn, document: t.document })),
        },
        after: { status: 'revoked', plaqueNumber: null, titleWithdrawn: title, document: input.document, revokedOn: today },
        citation: c.citation,
        note: `取消“${title}”称号，收回铭牌${studio.plaqueNumber ? ` ${studio.plaqueNumber}` : ''}（${input.document}）：${input.reason}`,
        revocationCaseId: c.id,
        actorId: caller.actor.userId,
      },
      now,
    );
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'revocation.revoked',
        entityType: 'revocation_case',
        entityId: c.id,
        jurisdictionId: c.jurisdictionId,
        before: { caseStatus: c.status, version: c.version, studioStatus: studio.status, plaqueNumber: studio.plaqueNumber },
        after: { caseStatus: decided.status, version: decided.version, studioId: c.studioId, studioStatus: 'revoked', revokedOn: today, citation: c.citation, document: input.document, reason: input.reason, closedCases: others.map((o) => o.id) },
      },
      now,
    );
    if (studio.unitId) {
      await notifyUnit(
        tx,
        studio.unitId,
        {
          template: 'revocation.revoked',
          title: `取消工作室称号：${studio.name}`,
          body: `根据${c.citation}（${triggerOf(c.editionId, c.triggerId)?.text.zh ?? ''}），${input.document} 决定取消“${studio.name}”的${title}称号，收回铭牌${studio.plaqueNumber ? `（编号 ${studio.plaqueNumber}）` : ''}。理由：${input.reason}`,
          payload: { studioId: c.studioId, caseId: c.id, citation: c.citation, document: input.document },
        },
        now,
      );
    }
  });
  return getCase(db, caller, caseId);
}

/** POST /api/revocation-cases/:id/dismiss — 不予取消, with the reason. The daily check does not raise it again for the same facts. */
export async function dismiss(db: Db, caller: FundingCaller, caseId: string, input: DismissRequest, now: Date): Promise<RevocationCaseDetail> {
  const { c } = await loadCase(db, caller, caseId, ['program']);
  refuseDecided(c);
  if (c.version !== input.version) throw conflict('CONCURRENT_UPDATE', '该案件刚被其他人处理或修改，请刷新后查看');
  await db.transaction(async (tx) => {
    const decided = await closeCase(tx, c, input.version, { status: 'dismissed', decisionReason: input.reason, decidedBy: caller.actor.userId, decidedAt: now });
    await recordAudit(
      tx,
      caller.actor,
      { action: 'revocation.dismissed', entityType: 'revocation_case', entityId: c.id, jurisdictionId: c.jurisdictionId, before: { status: c.status, version: c.version }, after: { status: decided.status, version: decided.version, reason: input.reason, citation: c.citation } },
      now,
    );
  });
  return getCase(db, caller, caseId);
}
