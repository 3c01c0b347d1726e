import { and, asc, count, eq, ilike, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { calls, jurisdictions, noticeItems, notices, objections, projects, studioTitles, studios } from '../../db/schema';

/** Queries of notices (公示) and studios; explicit columns, filters on indexed columns. */

const PUBLIC_NOTICE_STATUSES = ['published', 'concluded'];

export type NoticeRow = typeof notices.$inferSelect;
export type NoticeItemRow = typeof noticeItems.$inferSelect;
export type StudioRow = typeof studios.$inferSelect;

/** Published (or concluded) notices whose period has begun by `today`. */
export async function findPublicNotices(db: DbOrTx, today: string, filter: { jurisdiction?: string }) {
  const where: SQL[] = [inArray(notices.status, PUBLIC_NOTICE_STATUSES), lte(notices.startsOn, today)];
  if (filter.jurisdiction) where.push(eq(notices.jurisdictionId, filter.jurisdiction));
  return db
    .select({ notice: notices, jurisdictionName: jurisdictions.nameZh })
    .from(notices)
    .innerJoin(jurisdictions, eq(jurisdictions.id, notices.jurisdictionId))
    .where(and(...where))
    .orderBy(asc(notices.endsOn));
}

export async function findPublicNotice(db: DbOrTx, id: string, today: string) {
  const [row] = await db
    .select({ notice: notices, jurisdictionName: jurisdictions.nameZh, callTitle: calls.title })
    .from(notices)
    .innerJoin(jurisdictions, eq(jurisdictions.id, notices.jurisdictionId))
    .innerJoin(calls, eq(calls.id, notices.callId))
    .where(and(eq(notices.id, id), inArray(notices.status, PUBLIC_NOTICE_STATUSES), lte(notices.startsOn, today)))
    .limit(1);
  return row;
}

/** The items still on the list (withdrawn ones are not published), in list order. */
export async function findVisibleItems(db: DbOrTx, noticeIds: string[]) {
  if (noticeIds.length === 0) return [];
  return db
    .select()
    .from(noticeItems)
    .where(and(inArray(noticeItems.noticeId, noticeIds), eq(noticeItems.withdrawn, false)))
    .orderBy(asc(noticeItems.noticeId), asc(noticeItems.position));
}

export interface StudioScope {
  /** Jurisdictions where the caller sees every studio whatever its status; null = the public view. */
  officerJurisdictions: string[] | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findStudios(
  db: DbOrTx,
  scope: StudioScope,
  filter: { jurisdiction?: string; occupation?: string; level?: string; year?: number; status?: string; q?: string },
) {
  const where: SQL[] = [];
  if (scope.officerJurisdictions) where.push(inArray(studios.jurisdictionId, scope.officerJurisdictions));
  else where.push(eq(studios.status, 'active'));
  if (filter.jurisdiction) where.push(eq(studios.jurisdictionId, filter.jurisdiction));
  if (filter.occupation) where.push(eq(studios.occupation, filter.occupation));
  if (filter.level) where.push(eq(studios.level, filter.level));
  if (filter.year) where.push(eq(studios.recognizedYear, filter.year));
  if (filter.status) where.push(eq(studios.status, filter.status));
  if (filter.q) {
    const p = `%${escapeLike(filter.q)}%`;
    where.push(or(ilike(studios.name, p), ilike(studios.leaderName, p), ilike(studios.unitName, p))!);
  }
  return db
    .select({ studio: studios, jurisdictionName: jurisdictions.nameZh })
    .from(studios)
    .innerJoin(jurisdictions, eq(jurisdictions.id, studios.jurisdictionId))
    .where(and(...where));
}

export async function findStudio(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ studio: studios, jurisdictionName: jurisdictions.nameZh })
    .from(studios)
    .innerJoin(jurisdictions, eq(jurisdictions.id, studios.jurisdictionId))
    .where(eq(studios.id, id))
    .limit(1);
  return row;
}

export async function findStudioTitles(db: DbOrTx, studioId: string) {
  return db
    .select({ level: studioTitles.level, awardedOn: studioTitles.awardedOn, document: studioTitles.document, award: studioTitles.award })
    .from(studioTitles)
    .where(eq(studioTitles.studioId, studioId))
    .orderBy(asc(studioTitles.awardedOn));
}

/** Objections of a notice not yet decided (open or under investigation). */
export async function countOpenObjections(db: DbOrTx, noticeId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(objections)
    .where(and(eq(objections.noticeId, noticeId), inArray(objections.status, ['open', 'investigating'])));
  return Number(row?.n ?? 0);
}

/** The construction projects of a studio (issue 6 decision; issue 7 adds their results), oldest first. */
export async function findStudioProjects(db: DbOrTx, studioId: string) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      status: projects.status,
      periodStart: projects.periodStart,
      periodEnd: projects.periodEnd,
      approvedAmount: projects.approvedAmount,
      decidedOn: projects.decidedOn,
    })
    .from(projects)
    .where(eq(projects.studioId, studioId))
    .orderBy(asc(projects.decidedOn));
}
