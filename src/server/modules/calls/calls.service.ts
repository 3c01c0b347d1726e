import { randomUUID } from 'node:crypto';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { getEdition } from '../../../policy/editions';
import { param } from '../../../policy/rules/conditions';
import type { CreateCallRequest } from '../../../shared/calls';
import { fromShanghaiLocal, shanghaiDate, toShanghaiIso } from '../../../shared/time';
import type { Db } from '../../db/client';
import { callTemplates, calls } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { recordAudit, type Actor } from '../audit/audit.service';

type CallRow = typeof calls.$inferSelect;

export function callStatus(call: Pick<CallRow, 'opensAt' | 'closesAt'>, now: Date): 'upcoming' | 'open' | 'closed' {
  if (now < call.opensAt) return 'upcoming';
  // The close is exact: at 18:00:00 the window is shut (2026 大兴 notice 四: 2026年6月26日18:00前).
  return now < call.closesAt ? 'open' : 'closed';
}

export function presentCall(row: CallRow, now: Date) {
  return {
    id: row.id,
    policyId: row.editionId,
    program: row.program,
    title: row.title,
    jurisdiction: row.jurisdictionId,
    year: row.year,
    opensAt: toShanghaiIso(row.opensAt),
    closesAt: toShanghaiIso(row.closesAt),
    status: callStatus(row, now),
    quota: row.quota,
  };
}

export async function listCalls(db: Db, now: Date, filter: { jurisdictions?: string[] } = {}) {
  const rows = await db
    .select()
    .from(calls)
    .where(filter.jurisdictions ? inArray(calls.jurisdictionId, filter.jurisdictions) : undefined)
    .orderBy(desc(calls.closesAt));
  return rows.map((r) => presentCall(r, now));
}

export async function getCall(db: Db, id: string) {
  const [row] = await db.select().from(calls).where(eq(calls.id, id)).limit(1);
  if (!row) throw notFound('申报批次', 'CALL_NOT_FOUND');
  return row;
}

export async function getCallDetail(db: Db, id: string, now: Date) {
  const row = await getCall(db, id);
  const templates = await db
    .select({ id: callTemplates.id, title: callTemplates.title })
    .from(callTemplates)
    .where(eq(callTemplates.callId, id))
    .orderBy(asc(callTemplates.title));
  return {
    ...presentCall(row, now),
    projectsCloseBy: row.projectsCloseBy,
    contacts: row.contacts,
    noticeText: row.noticeText,
    documentNumber: getEdition(row.editionId)?.documentNumber ?? row.editionId,
    templates,
  };
}

/**
 * Opens a call. Refused when the edition is not in force on the call's dates, or the quota exceeds the
 * edition's (e.g. 京兴人社发〔2025〕21号 第四条: ≤3 studios per round, ≤10 projects a year).
 */
export async function createCall(
  db: Db,
  input: z.infer<typeof CreateCallRequest>,
  actor: Actor,
  officerJurisdictions: string[],
  now: Date,
) {
  const edition = getEdition(input.policyId);
  if (!edition) throw new AppError('POLICY_NOT_FOUND', 400, `政策版本 ${input.policyId} 不存在`, { policyId: '政策版本不存在' });
  if (!officerJurisdictions.includes(edition.jurisdiction)) {
    throw new AppError('FORBIDDEN', 403, `只能为本辖区开设申报批次（${edition.jurisdictionName.zh}）`);
  }
  const program = edition.programs.find((p) => p.id === input.program);
  if (!program) throw new AppError('PROGRAM_NOT_IN_POLICY', 400, `${edition.documentNumber} 未设立该项目`, { program: '该政策没有此项目' });

  const opensAt = fromShanghaiLocal(input.opensAt);
  const closesAt = fromShanghaiLocal(input.closesAt);
  const fields: Record<string, string> = {};
  if (Number.isNaN(opensAt.getTime())) fields.opensAt = '不是有效的时间';
  if (Number.isNaN(closesAt.getTime())) fields.closesAt = '不是有效的时间';
  if (!fields.opensAt && !fields.closesAt && closesAt <= opensAt) fields.closesAt = '截止时间必须晚于开始时间';
  if (Object.keys(fields).length) throw new AppError('CALL_INVALID', 400, '申报时间不符合要求', fields);

  const openDay = shanghaiDate(opensAt);
  const closeDay = shanghaiDate(closesAt);
  if (openDay < edition.validFrom || (edition.validTo && closeDay > edition.validTo)) {
    throw new AppError(
      'EDITION_NOT_IN_FORCE',
      400,
      `${edition.documentNumber} 的有效期为 ${edition.validFrom} 至 ${edition.validTo ?? '长期'}，申报时间 ${openDay} 至 ${closeDay} 不在有效期内`,
      { opensAt: '不在政策有效期内' },
    );
  }
  const cap = param(program.quota, openDay)?.value;
  if (input.quota !== undefined && cap !== undefined && input.quota > cap) {
    throw new AppError('QUOTA_ABOVE_POLICY', 400, `名额 ${input.quota} 超过政策上限 ${cap}（${program.quota[0]?.citation.article ?? ''}）`, {
      quota: `不得超过 ${cap}`,
    });
  }
  const row: typeof calls.$inferInsert = {
    id: randomUUID(),
    jurisdictionId: edition.jurisdiction,
    editionId: edition.id,
    program: program.id,
    title: input.title,
    year: input.year,
    opensAt,
    closesAt,
    quota: input.quota ?? cap ?? null,
    projectsCloseBy: input.projectsCloseBy ?? null,
    contacts: input.contacts,
    noticeText: input.noticeText,
    createdBy: actor.userId,
    createdAt: now,
  };
  await db.transaction(async (tx) => {
    await tx.insert(calls).values(row);
    await recordAudit(tx, actor, { action: 'call.created', entityType: 'call', entityId: row.id, jurisdictionId: row.jurisdictionId, after: row }, now);
  });
  return getCallDetail(db, row.id!, now);
}
