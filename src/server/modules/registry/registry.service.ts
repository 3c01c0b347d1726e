import type { z } from 'zod';
import { getEdition } from '../../../policy/editions';
import type { CurrentUser } from '../../../shared/accounts';
import type { NoticeDetail, NoticeListQuery, NoticeSummary, StudioDetail, StudioListQuery, StudioSummary } from '../../../shared/registry';
import { shanghaiDate, toShanghaiIso } from '../../../shared/time';
import { jurisdictionsWhere } from '../../context';
import type { Db } from '../../db/client';
import { notFound } from '../../errors';
import * as repo from './registry.repository';

/**
 * The read side of notices (公示) and the studio registry. A notice runs from the start of `startsOn` to the end
 * of `endsOn`, Beijing time (e.g. 京兴人社发〔2025〕21号 第十一条: 公示期为 5 个工作日).
 */

/** Roles that see every studio of their jurisdiction whatever its status (DESIGN.md contract). */
const OFFICER_ROLES = new Set(['program', 'intake', 'inspector']);

const collator = new Intl.Collator('zh-CN');

/**
 * When a notice ends: at 17:00 Beijing time of its last day (`endsOn`). The texts fix the length in working days
 * (京兴人社发〔2025〕21号 第十一条: 公示期为 5 个工作日; 顺义 第六条: 不少于5个工作日; 经开区 办事指南 六（七）) but not the hour;
 * inferred: a working day ends with the office hours of the desk that receives objections (经开区 contacts: 下午
 * 1:30—5:00), so the period closes at 17:00 of the 5th working day and an objection after that is refused.
 */
export const NOTICE_CLOSING_TIME = '17:00';

export function noticeEndsAt(endsOn: string): string {
  return `${endsOn}T${NOTICE_CLOSING_TIME}:00+08:00`;
}

export function noticeStatus(notice: { endsOn: string }, now: Date): 'running' | 'ended' {
  return now.getTime() < Date.parse(noticeEndsAt(notice.endsOn)) ? 'running' : 'ended';
}

function presentItem(item: repo.NoticeItemRow) {
  return {
    id: item.id,
    name: item.name,
    unit: item.unitName,
    ...(item.amount !== null ? { amount: item.amount } : {}),
    leader: item.leaderName,
    occupation: item.occupation,
    projectName: item.projectName,
  };
}

function presentNotice(row: repo.NoticeRow, jurisdictionName: string, items: repo.NoticeItemRow[], now: Date): NoticeSummary {
  return {
    id: row.id,
    callId: row.callId,
    title: row.title,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: noticeStatus(row, now),
    items: items.map(presentItem),
    jurisdiction: row.jurisdictionId,
    jurisdictionName,
    program: row.program,
    workingDays: row.workingDays,
    publishedAt: row.publishedAt ? toShanghaiIso(row.publishedAt) : null,
    concluded: row.status === 'concluded',
  };
}

/** Public notices: running ones first (ending soonest first), then ended ones (most recent first). */
export async function listNotices(db: Db, query: z.infer<typeof NoticeListQuery>, now: Date): Promise<NoticeSummary[]> {
  const rows = await repo.findPublicNotices(db, shanghaiDate(now), { jurisdiction: query.jurisdiction });
  const items = await repo.findVisibleItems(
    db,
    rows.map((r) => r.notice.id),
  );
  const byNotice = new Map<string, repo.NoticeItemRow[]>();
  for (const item of items) byNotice.set(item.noticeId, [...(byNotice.get(item.noticeId) ?? []), item]);
  const list = rows.map((r) => presentNotice(r.notice, r.jurisdictionName, byNotice.get(r.notice.id) ?? [], now));
  const running = list.filter((n) => n.status === 'running');
  const ended = list.filter((n) => n.status === 'ended').reverse();
  const all = [...running, ...ended];
  return query.status ? all.filter((n) => n.status === query.status) : all;
}

export async function getNotice(db: Db, id: string, now: Date): Promise<NoticeDetail> {
  const row = await repo.findPublicNotice(db, id, shanghaiDate(now));
  if (!row) throw notFound('公示', 'NOTICE_NOT_FOUND');
  const items = await repo.findVisibleItems(db, [id]);
  const n = row.notice;
  const edition = getEdition(n.editionId);
  return {
    ...presentNotice(n, row.jurisdictionName, items, now),
    body: n.body,
    contacts: n.contacts,
    endsAt: noticeEndsAt(n.endsOn),
    documentNumber: edition?.documentNumber ?? n.editionId,
    publisher: edition?.authorities.program.zh ?? row.jurisdictionName,
    callTitle: row.callTitle,
    decisionDocument: n.decisionDocument,
    calendarBasis: n.calendarBasis,
    allowAnonymousObjections: n.allowAnonymousObjections,
    // Objections are received while the notice runs (the decision has not been taken yet).
    acceptingObjections: n.status === 'published' && noticeStatus(n, now) === 'running',
    openObjections: await repo.countOpenObjections(db, id),
  };
}

/** The jurisdictions where `user` sees the whole registry (revoked studios included); null for the public view. */
export function officerJurisdictions(user: Pick<CurrentUser, 'roles'> | null): string[] | null {
  if (!user) return null;
  const held = jurisdictionsWhere(user, OFFICER_ROLES);
  return held.length ? held : null;
}

function presentStudio(s: repo.StudioRow, jurisdictionName: string): StudioSummary {
  return {
    id: s.id,
    name: s.name,
    jurisdiction: s.jurisdictionId,
    occupation: s.occupation,
    leader: s.leaderName,
    level: s.level as StudioSummary['level'],
    recognizedOn: s.recognizedOn,
    status: s.status as StudioSummary['status'],
    jurisdictionName,
    unit: s.unitName,
  };
}

/**
 * The registry. Anonymous callers (and units, experts) see recognised studios only; an officer or inspector sees
 * every studio of their jurisdiction(s) whatever its status (DESIGN.md contract).
 */
export async function listStudios(db: Db, user: CurrentUser | null, query: StudioListQuery): Promise<StudioSummary[]> {
  const rows = await repo.findStudios(db, { officerJurisdictions: officerJurisdictions(user) }, query);
  return rows
    .map((r) => presentStudio(r.studio, r.jurisdictionName))
    .sort((a, b) => collator.compare(a.name, b.name) || a.recognizedOn.localeCompare(b.recognizedOn));
}

/** One studio: public while active; otherwise only to officers and inspectors of its jurisdiction. */
export async function getStudio(db: Db, user: CurrentUser | null, id: string): Promise<StudioDetail> {
  const row = await repo.findStudio(db, id);
  const scope = officerJurisdictions(user);
  const visible = row && (row.studio.status === 'active' || (scope?.includes(row.studio.jurisdictionId) ?? false));
  if (!row || !visible) throw notFound('工作室', 'STUDIO_NOT_FOUND');
  const s = row.studio;
  const titles = await repo.findStudioTitles(db, s.id);
  const studioProjects = await repo.findStudioProjects(db, s.id);
  return {
    ...presentStudio(s, row.jurisdictionName),
    teamSize: s.teamSize,
    plaqueNumber: s.plaqueNumber,
    summary: s.summary,
    documentNumber: getEdition(s.editionId)?.documentNumber ?? s.editionId,
    titles: titles.map((t) => ({ ...t, level: t.level as StudioSummary['level'] })),
    revokedOn: s.revokedOn,
    revocationReason: s.revocationReason,
    revocationArticle: s.revocationArticle,
    sourceNoticeId: s.sourceNoticeId,
    projects: studioProjects,
  };
}
