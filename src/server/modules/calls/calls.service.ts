import { randomUUID } from 'node:crypto';
import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { getEdition, listEditions } from '../../../policy/editions';
import { param } from '../../../policy/rules/conditions';
import type { CreateCallRequest } from '../../../shared/calls';
import { fromShanghaiLocal, shanghaiDate, toShanghaiIso } from '../../../shared/time';
import type { Db } from '../../db/client';
import { applications, callTemplates, calls } from '../../db/schema';
import { APPLICATION_STATUSES } from '../../workflow/intake';
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
    const validity = `${edition.validFrom} 至 ${edition.validTo ?? '长期'}`;
    throw new AppError(
      'EDITION_NOT_IN_FORCE',
      400,
      `${edition.documentNumber} 的有效期为 ${validity}，申报时间 ${openDay} 至 ${closeDay} 不在有效期内`,
      {
        ...(openDay < edition.validFrom || (edition.validTo && openDay > edition.validTo) ? { opensAt: `不在政策有效期内（${validity}）` } : {}),
        ...(edition.validTo && closeDay > edition.validTo ? { closesAt: `晚于政策有效期截止日 ${edition.validTo}` } : {}),
      },
    );
  }
  if (input.projectsCloseBy && input.projectsCloseBy <= closeDay) {
    throw new AppError('CALL_INVALID', 400, '项目结项截止日必须晚于申报截止日', { projectsCloseBy: '必须晚于申报截止日' });
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

// ---------------------------------------------------------------------------------------------------------
// Officers: their jurisdiction's calls with counts, per-call stats, what a call may be opened under
// ---------------------------------------------------------------------------------------------------------

type Counts = { total: number; draft: number; submitted: number; returned: number; resubmitted: number; other: number };
const emptyCounts = (): Counts => ({ total: 0, draft: 0, submitted: 0, returned: 0, resubmitted: 0, other: 0 });

async function countsByCall(db: Db, callIds: string[]) {
  const out = new Map<string, Record<string, number>>();
  if (!callIds.length) return out;
  const rows = await db
    .select({ callId: applications.callId, status: applications.status, n: count() })
    .from(applications)
    .where(inArray(applications.callId, callIds))
    .groupBy(applications.callId, applications.status);
  for (const r of rows) {
    const m = out.get(r.callId) ?? {};
    m[r.status] = Number(r.n);
    out.set(r.callId, m);
  }
  return out;
}

function toCounts(byStatus: Record<string, number> = {}): Counts {
  const c = emptyCounts();
  for (const [status, n] of Object.entries(byStatus)) {
    c.total += n;
    if (status === 'draft' || status === 'submitted' || status === 'returned' || status === 'resubmitted') c[status] += n;
    else c.other += n;
  }
  return c;
}

/** GET /api/calls/managed: every call of the officer's jurisdictions (upcoming, open and closed) with counts. */
export async function listManagedCalls(db: Db, jurisdictions: string[], now: Date) {
  if (!jurisdictions.length) return [];
  const rows = await db.select().from(calls).where(inArray(calls.jurisdictionId, jurisdictions)).orderBy(desc(calls.opensAt), desc(calls.createdAt));
  const counts = await countsByCall(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const edition = getEdition(r.editionId);
    return {
      ...presentCall(r, now),
      documentNumber: edition?.documentNumber ?? r.editionId,
      programName: edition?.programs.find((p) => p.id === r.program)?.title.zh ?? r.program,
      createdAt: toShanghaiIso(r.createdAt),
      counts: toCounts(counts.get(r.id)),
    };
  });
}

/** GET /api/calls/:id/stats: applications of one call by status, for the officers and inspectors of its jurisdiction. */
export async function callStats(db: Db, id: string, jurisdictions: string[]) {
  const call = await getCall(db, id);
  if (!jurisdictions.includes(call.jurisdictionId)) throw notFound('申报批次', 'CALL_NOT_FOUND');
  const byStatus = (await countsByCall(db, [id])).get(id) ?? {};
  const statusNames: Record<string, string> = {};
  for (const [k, v] of Object.entries(APPLICATION_STATUSES)) statusNames[k] = v.zh;
  return { callId: id, total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus, statusNames };
}

/**
 * GET /api/calls/options: the editions an officer may open a call under — their jurisdictions', not expired
 * on `now` — with each program's quota cap and the rounds the edition's documents announce (to prefill).
 */
export function callOptions(jurisdictions: string[], now: Date) {
  const today = shanghaiDate(now);
  return {
    editions: listEditions()
      .filter((e) => jurisdictions.includes(e.jurisdiction) && e.status !== 'repealed' && (!e.validTo || e.validTo >= today))
      .map((e) => ({
        id: e.id,
        jurisdiction: e.jurisdiction,
        jurisdictionName: e.jurisdictionName.zh,
        title: e.title.zh,
        documentNumber: e.documentNumber,
        status: e.status,
        validFrom: e.validFrom,
        validTo: e.validTo ?? null,
        programs: e.programs.map((p) => {
          const cap = param(p.quota, today < e.validFrom ? e.validFrom : today);
          return {
            id: p.id,
            title: p.title.zh,
            quota: cap?.value ?? null,
            quotaArticle: cap ? `${cap.citation.document} ${cap.citation.article}` : null,
            hasProjectsCloseBy: p.id === 'construction-project',
          };
        }),
        templates: e.calls.map((c) => ({
          id: c.id,
          program: c.program,
          title: c.title.zh,
          year: c.year,
          opensAt: c.opensAt,
          closesAt: c.closesAt,
          projectsCloseBy: c.projectsCloseBy ?? null,
          contacts: c.contacts,
          citation: `${c.citation.document} ${c.citation.article}`,
        })),
      })),
  };
}
