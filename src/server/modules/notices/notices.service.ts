import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { addWorkingDays, isWorkingDay, type CalendarOverrides } from '../../../policy/calendar';
import { getEdition } from '../../../policy/editions';
import { formatStudioName, param } from '../../../policy/rules/conditions';
import type { Role } from '../../../shared/accounts';
import type { AdminNoticeDetail, AdminNoticeList, AdminNoticeSummary, NoticePeriod, NoticePreview, PublishNoticeRequest } from '../../../shared/notices-admin';
import { formatShanghai, shanghaiDate, toShanghaiIso } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import {
  applicationEvents,
  applicationForms,
  applications,
  calls,
  noticeItems,
  notices,
  objections,
  proposalItems,
  proposals,
  units,
} from '../../db/schema';
import { neutralise, newWorkbook } from '../../documents/xlsx';
import { AppError, notFound } from '../../errors';
import { reviewTransition, type ReviewAction } from '../../workflow/review';
import { recordAudit, type Actor } from '../audit/audit.service';
import { notifyUnit } from '../notifications/notifications.service';
import { loadCalendarOverrides } from '../policies/calendar.service';
import { NOTICE_CLOSING_TIME, noticeEndsAt, noticeStatus } from '../registry/registry.service';
import { presentObjection } from './objections.service';

/**
 * Publishing the public notice (公示) of a call's proposed list (issue 6). The officer of the call's jurisdiction
 * publishes once the review is complete (the proposal is submitted); the applications move publish /
 * publish-not-selected (src/server/workflow/review.ts) in the same transaction and the units learn the outcome
 * only then (no early leak: before publication a unit sees 评审中).
 */

/** The officer as this module sees it. */
export interface Officer {
  actor: Actor;
  role: Role | null;
  /** Jurisdictions where the caller is program officer (may publish, handle objections). */
  programJurisdictions: string[];
  /** Jurisdictions where the caller may read notices and objections (program officer or inspector). */
  readJurisdictions: string[];
}

type NoticeRow = typeof notices.$inferSelect;
type CallRow = typeof calls.$inferSelect;

// ---------------------------------------------------------------------------------------------------------
// The period
// ---------------------------------------------------------------------------------------------------------

/**
 * The notice period, counted in statutory working days by the policy calendar (never weekends alone: 调休
 * working weekends and 国庆 / 春节 days off come from the State Council schedule and the operator's overrides).
 *
 * Rule (inferred; the texts fix only the length — 京兴人社发〔2025〕21号 第十一条 “公示期为 5 个工作日”, 顺义 第六条
 * “不少于5个工作日的公示”, 经开区 办事指南 六（七）): the first day is the day of publication when that is a working day,
 * otherwise the next working day; it counts as day 1, so the last day is the N-th working day counting the first;
 * the notice closes at 17:00 Beijing time of the last day (see registry.service NOTICE_CLOSING_TIME).
 */
export function computeNoticePeriod(publishedOn: string, workingDays: number, overrides?: CalendarOverrides, citation = ''): NoticePeriod {
  const first = isWorkingDay(publishedOn, overrides);
  const shifted = first.working ? null : addWorkingDays(publishedOn, 1, overrides);
  const startsOn = shifted ? shifted.date : publishedOn;
  const end = addWorkingDays(startsOn, Math.max(0, workingDays - 1), overrides);
  const basis = [...new Set([...(shifted?.basis ?? []), ...end.basis])];
  return {
    startsOn,
    endsOn: end.date,
    endsAt: noticeEndsAt(end.date),
    workingDays,
    provisional: first.provisional || !!shifted?.provisional || end.provisional,
    basis,
    citation,
  };
}

function noticeDaysOf(call: Pick<CallRow, 'editionId' | 'program'>, asOf: string): { days: number; citation: string } {
  const program = getEdition(call.editionId)?.programs.find((p) => p.id === call.program);
  const value = program ? (param(program.noticeWorkingDays, asOf) ?? param(program.noticeWorkingDays)) : undefined;
  if (!value) throw new AppError('NOTICE_NOT_IN_EDITION', 409, '本批次所依据的政策没有公示环节');
  const c = value.citation;
  return { days: value.value, citation: `${c.document} ${c.article}${c.inferred ? '（推定）' : ''}` };
}

async function periodFor(db: Db, call: CallRow, startDay: string): Promise<NoticePeriod> {
  const { days, citation } = noticeDaysOf(call, startDay);
  return computeNoticePeriod(startDay, days, await loadCalendarOverrides(db), citation);
}

// ---------------------------------------------------------------------------------------------------------
// Loading and access
// ---------------------------------------------------------------------------------------------------------

async function loadCall(db: DbOrTx, officer: Officer, callId: string, write: boolean): Promise<CallRow> {
  const [call] = await db.select().from(calls).where(eq(calls.id, callId)).limit(1);
  const scope = write ? officer.programJurisdictions : officer.readJurisdictions;
  // Another jurisdiction's call is answered as if it did not exist.
  if (!call || !scope.includes(call.jurisdictionId)) throw notFound('申报批次', 'CALL_NOT_FOUND');
  return call;
}

export async function loadNoticeFor(db: DbOrTx, officer: Officer, id: string, write: boolean): Promise<NoticeRow> {
  const [notice] = await db.select().from(notices).where(eq(notices.id, id)).limit(1);
  const scope = write ? officer.programJurisdictions : officer.readJurisdictions;
  if (!notice || !scope.includes(notice.jurisdictionId)) throw notFound('公示', 'NOTICE_NOT_FOUND');
  return notice;
}

/** Form keys that carry the master's occupation (职业名称) for the studio name. */
const OCCUPATION_KEYS = ['occupation', 'occupationName', 'masterOccupation', 'profession'];
const STUDIO_KEYS = ['studioName'];
const PROJECT_KEYS = ['projectName'];

function pick(forms: Record<string, unknown>[], keys: string[]): string | null {
  for (const data of forms)
    for (const k of keys) {
      const v = data?.[k];
      if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
    }
  return null;
}

interface ListEntry {
  applicationId: string;
  number: string;
  status: string;
  version: number;
  unitId: string;
  unitName: string;
  leader: string;
  occupation: string | null;
  name: string;
  projectName: string | null;
  amount: number | null;
  rank: number;
  proposed: boolean;
  editionId: string;
  program: string;
  round: number;
}

/** The proposal of a call and its items as they will be published, in rank order. */
async function proposalEntries(db: DbOrTx, call: CallRow) {
  const [proposal] = await db.select().from(proposals).where(eq(proposals.callId, call.id)).limit(1);
  if (!proposal) return { proposal: null, entries: [] as ListEntry[] };
  const rows = await db
    .select({ item: proposalItems, app: applications, unitName: units.name })
    .from(proposalItems)
    .innerJoin(applications, eq(applications.id, proposalItems.applicationId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(eq(proposalItems.proposalId, proposal.id))
    .orderBy(asc(proposalItems.rank));
  const ids = rows.map((r) => r.app.id);
  const forms = ids.length ? await db.select({ applicationId: applicationForms.applicationId, data: applicationForms.data }).from(applicationForms).where(inArray(applicationForms.applicationId, ids)) : [];
  const template = getEdition(call.editionId)?.programs.find((p) => p.id === call.program)?.studioNameFormat?.template;
  const entries = rows.map(({ item, app, unitName }): ListEntry => {
    const data = forms.filter((f) => f.applicationId === app.id).map((f) => (f.data ?? {}) as Record<string, unknown>);
    const leader = app.leaderName ?? pick(data, ['masterName', 'leaderName']) ?? '';
    const occupation = pick(data, OCCUPATION_KEYS);
    const project = pick(data, PROJECT_KEYS);
    // Studio recognition: the name in the edition's format (大兴 第九条（一）2: 大兴区+技能大师姓名+职业名称+技能大师工作室);
    // a construction project: the project's name.
    let name: string;
    if (call.program === 'studio-recognition') {
      name = (template && leader && occupation ? formatStudioName(template, { leaderName: leader, occupation }) : null) ?? pick(data, STUDIO_KEYS) ?? app.title ?? app.number;
    } else {
      name = project ?? app.title ?? app.number;
    }
    return {
      applicationId: app.id,
      number: app.number,
      status: app.status,
      version: app.version,
      unitId: app.unitId,
      unitName,
      leader,
      occupation,
      name,
      projectName: call.program === 'studio-recognition' ? project : null,
      amount: item.amount,
      rank: item.rank,
      proposed: item.proposed,
      editionId: call.editionId,
      program: app.program,
      round: app.round,
    };
  });
  return { proposal, entries };
}

async function existingNotice(db: DbOrTx, callId: string) {
  const [row] = await db
    .select()
    .from(notices)
    .where(and(eq(notices.callId, callId), inArray(notices.status, ['published', 'concluded'])))
    .limit(1);
  return row ?? null;
}

function defaultTitle(call: CallRow) {
  const what = call.program === 'studio-recognition' ? '拟认定名单' : '拟立项名单';
  return `${call.title}${what}公示`;
}

function defaultBody(call: CallRow, period: NoticePeriod) {
  const edition = getEdition(call.editionId);
  const doc = edition?.documentNumber ?? call.editionId;
  return [
    `根据${doc}，经单位申报、审核和专家评审，拟定以下名单，现予以公示。`,
    `公示期为 ${period.workingDays} 个工作日（${period.startsOn} 至 ${period.endsOn} ${NOTICE_CLOSING_TIME}，依据 ${period.citation}）。公示期间，任何单位和个人对公示名单有异议的，可在本页在线提出或通过下列联系方式实名反映，并提供必要的证明材料。`,
  ].join('\n\n');
}

// ---------------------------------------------------------------------------------------------------------
// Preview and publish
// ---------------------------------------------------------------------------------------------------------

function notReadyReason(proposal: { status: string } | null, existing: NoticeRow | null): string | null {
  if (existing) return `本批次已于 ${existing.publishedAt ? formatShanghai(existing.publishedAt) : existing.startsOn} 发布公示，不能重复发布`;
  if (!proposal) return '评审尚未完成：本批次还没有拟定名单，不能发布公示';
  if (proposal.status !== 'submitted') return '评审尚未完成：拟定名单尚未提交，不能发布公示';
  return null;
}

/** GET /api/calls/:callId/notice/preview — what publishing now would publish, and the period from the calendar. */
export async function previewNotice(db: Db, officer: Officer, callId: string, now: Date, startsOn?: string): Promise<NoticePreview> {
  const call = await loadCall(db, officer, callId, true);
  const { proposal, entries } = await proposalEntries(db, call);
  const existing = await existingNotice(db, call.id);
  const period = await periodFor(db, call, startsOn ?? shanghaiDate(now));
  const reason = notReadyReason(proposal, existing);
  return {
    callId: call.id,
    callTitle: call.title,
    program: call.program,
    ready: reason === null,
    reason,
    period,
    defaultTitle: defaultTitle(call),
    defaultBody: defaultBody(call, period),
    contacts: call.contacts,
    items: entries.map((e) => ({ applicationId: e.applicationId, number: e.number, name: e.name, projectName: e.projectName, unit: e.unitName, leader: e.leader, amount: e.amount, rank: e.rank, proposed: e.proposed })),
  };
}

async function writeEvent(tx: DbOrTx, actor: Actor, now: Date, e: { applicationId: string; action: string; from: string; to: string; round: number; note?: string; details?: unknown }) {
  await tx.insert(applicationEvents).values({
    id: randomUUID(),
    applicationId: e.applicationId,
    at: now,
    actorUserId: actor.userId,
    actorName: actor.username,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    round: e.round,
    note: e.note ?? null,
    details: e.details ?? null,
  });
}

/**
 * Moves one application by a review action with the optimistic check (status and version unchanged since read);
 * the loser of a race gets 409.
 */
export async function moveApplication(
  tx: DbOrTx,
  actor: Actor,
  role: Role | null,
  app: { id: string; status: string; version: number; editionId: string; program: string; round: number; number: string },
  action: ReviewAction,
  now: Date,
  event: { action: string; note?: string; details?: unknown },
) {
  let t: ReturnType<typeof reviewTransition>;
  try {
    t = reviewTransition(app, action, role);
  } catch (err) {
    // Name the application: the refusal is about one row of a list.
    if (err instanceof AppError) throw new AppError(err.code, err.status, `申报 ${app.number}：${err.message}`, err.fields, err.headers);
    throw err;
  }
  const updated = await tx
    .update(applications)
    .set({ status: t.to, updatedAt: now, version: sql`${applications.version} + 1` })
    .where(and(eq(applications.id, app.id), eq(applications.status, app.status), eq(applications.version, app.version)))
    .returning({ id: applications.id });
  if (!updated.length) throw new AppError('CONCURRENT_UPDATE', 409, `申报 ${app.number} 刚被其他人处理，请刷新后重试`);
  await writeEvent(tx, actor, now, { applicationId: app.id, from: app.status, to: t.to, round: app.round, ...event });
  return t;
}

/** POST /api/calls/:callId/notice — publish the notice of a call whose proposal is submitted. */
export async function publishNotice(db: Db, officer: Officer, callId: string, input: PublishNoticeRequest, now: Date) {
  const call = await loadCall(db, officer, callId, true);
  const today = shanghaiDate(now);
  if (input.startsOn && input.startsOn < today) {
    throw new AppError('NOTICE_START_PAST', 400, '公示开始日不能早于今天', { startsOn: `不能早于 ${today}` });
  }
  const period = await periodFor(db, call, input.startsOn ?? today);
  const id = randomUUID();
  const actor = officer.actor;
  await db.transaction(async (tx) => {
    const { proposal, entries } = await proposalEntries(tx, call);
    const existing = await existingNotice(tx, call.id);
    const reason = notReadyReason(proposal, existing);
    // The code follows the reason: a call already published is NOTICE_EXISTS even where it has no proposal row.
    if (reason) throw new AppError(existing ? 'NOTICE_EXISTS' : 'REVIEW_NOT_COMPLETE', 409, reason);
    const listed = entries.filter((e) => e.proposed);
    if (!listed.length) throw new AppError('NOTICE_EMPTY', 409, '拟定名单中没有拟入选的申报，无法公示');
    const row = {
      id,
      callId: call.id,
      jurisdictionId: call.jurisdictionId,
      editionId: call.editionId,
      program: call.program,
      title: input.title ?? defaultTitle(call),
      body: input.body,
      contacts: input.contacts,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
      workingDays: period.workingDays,
      calendarBasis: period.basis,
      status: 'published',
      allowAnonymousObjections: input.allowAnonymousObjections ?? false,
      publishedAt: now,
      publishedBy: actor.userId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    // The unique call index is not on notices; a concurrent second publish is stopped by the proposal lock below.
    const locked = await tx
      .update(proposals)
      .set({ updatedAt: now, version: sql`${proposals.version} + 1` })
      .where(and(eq(proposals.id, proposal!.id), eq(proposals.version, proposal!.version)))
      .returning({ id: proposals.id });
    if (!locked.length) throw new AppError('CONCURRENT_UPDATE', 409, '拟定名单刚被其他人处理（可能已发布公示），请刷新后查看');
    await tx.insert(notices).values(row);
    await tx.insert(noticeItems).values(
      listed.map((e, i) => ({
        id: randomUUID(),
        noticeId: id,
        position: i + 1,
        applicationId: e.applicationId,
        name: e.name,
        projectName: e.projectName,
        unitId: e.unitId,
        unitName: e.unitName,
        leaderName: e.leader,
        occupation: e.occupation,
        amount: e.amount,
      })),
    );
    const endText = `${period.endsOn} ${NOTICE_CLOSING_TIME}`;
    for (const e of entries) {
      const action: ReviewAction = e.proposed ? 'publish' : 'publish-not-selected';
      const t = await moveApplication(tx, actor, officer.role, { ...e, id: e.applicationId }, action, now, {
        action: e.proposed ? 'notice-published' : 'not-selected',
        details: { noticeId: id, startsOn: period.startsOn, endsOn: period.endsOn },
      });
      await notifyUnit(
        tx,
        e.unitId,
        e.proposed
          ? {
              template: 'notice.published',
              title: `已列入公示名单：${e.number}`,
              body: `您单位的申报 ${e.number}（${e.name}）已列入“${row.title}”，公示期 ${period.startsOn} 至 ${endText}。公示期满无异议的，予以认定。`,
              payload: { applicationId: e.applicationId, noticeId: id },
            }
          : {
              template: 'notice.not-selected',
              title: `评审结果：${e.number} 未入选`,
              body: `您单位的申报 ${e.number} 经评审未列入本批次拟定名单。公示名单已于 ${period.startsOn} 发布。`,
              payload: { applicationId: e.applicationId, noticeId: id },
            },
        now,
      );
      await recordAudit(
        tx,
        actor,
        { action: 'notice.application_published', entityType: 'application', entityId: e.applicationId, jurisdictionId: call.jurisdictionId, before: { status: e.status }, after: { status: t.to, noticeId: id } },
        now,
      );
    }
    await recordAudit(
      tx,
      actor,
      { action: 'notice.published', entityType: 'notice', entityId: id, jurisdictionId: call.jurisdictionId, after: { ...row, items: listed.map((e) => e.applicationId), period } },
      now,
    );
  });
  return getAdminNotice(db, officer, id, now);
}

// ---------------------------------------------------------------------------------------------------------
// Officer views
// ---------------------------------------------------------------------------------------------------------

async function objectionCounts(db: DbOrTx, noticeIds: string[]) {
  if (!noticeIds.length) return new Map<string, { open: number; all: number }>();
  const rows = await db
    .select({ noticeId: objections.noticeId, status: objections.status, n: count() })
    .from(objections)
    .where(inArray(objections.noticeId, noticeIds))
    .groupBy(objections.noticeId, objections.status);
  const map = new Map<string, { open: number; all: number }>();
  for (const r of rows) {
    const c = map.get(r.noticeId) ?? { open: 0, all: 0 };
    c.all += Number(r.n);
    if (r.status === 'open' || r.status === 'investigating') c.open += Number(r.n);
    map.set(r.noticeId, c);
  }
  return map;
}

function summarise(n: NoticeRow, callTitle: string, items: { withdrawn: boolean }[], counts: { open: number; all: number } | undefined, now: Date): AdminNoticeSummary {
  return {
    id: n.id,
    jurisdiction: n.jurisdictionId,
    callId: n.callId,
    callTitle,
    title: n.title,
    program: n.program,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    endsAt: noticeEndsAt(n.endsOn),
    running: n.status === 'published' && noticeStatus(n, now) === 'running',
    state: n.status,
    itemCount: items.length,
    withdrawnCount: items.filter((i) => i.withdrawn).length,
    openObjections: counts?.open ?? 0,
    objectionCount: counts?.all ?? 0,
    publishedAt: n.publishedAt ? toShanghaiIso(n.publishedAt) : null,
  };
}

/** GET /api/officer/notices — the notices of the caller's jurisdictions, and the calls ready to publish. */
export async function listAdminNotices(db: Db, officer: Officer, now: Date): Promise<AdminNoticeList> {
  if (!officer.readJurisdictions.length) return { notices: [], pending: [] };
  const rows = await db
    .select({ notice: notices, callTitle: calls.title })
    .from(notices)
    .innerJoin(calls, eq(calls.id, notices.callId))
    .where(inArray(notices.jurisdictionId, officer.readJurisdictions))
    .orderBy(desc(notices.startsOn));
  const ids = rows.map((r) => r.notice.id);
  const items = ids.length ? await db.select({ noticeId: noticeItems.noticeId, withdrawn: noticeItems.withdrawn }).from(noticeItems).where(inArray(noticeItems.noticeId, ids)) : [];
  const counts = await objectionCounts(db, ids);
  const list = rows.map((r) => summarise(r.notice, r.callTitle, items.filter((i) => i.noticeId === r.notice.id), counts.get(r.notice.id), now));

  const pending: AdminNoticeList['pending'] = [];
  if (officer.programJurisdictions.length) {
    const ready = await db
      .select({ call: calls, proposal: proposals })
      .from(proposals)
      .innerJoin(calls, eq(calls.id, proposals.callId))
      .where(and(eq(proposals.status, 'submitted'), inArray(calls.jurisdictionId, officer.programJurisdictions)))
      .orderBy(desc(proposals.submittedAt));
    const published = new Set(rows.filter((r) => ['published', 'concluded'].includes(r.notice.status)).map((r) => r.notice.callId));
    for (const { call, proposal } of ready) {
      if (published.has(call.id)) continue;
      const [{ n }] = await db.select({ n: count() }).from(proposalItems).where(and(eq(proposalItems.proposalId, proposal.id), eq(proposalItems.proposed, true)));
      pending.push({
        callId: call.id,
        callTitle: call.title,
        program: call.program,
        proposalSubmittedAt: proposal.submittedAt ? toShanghaiIso(proposal.submittedAt) : null,
        proposedCount: Number(n),
        period: await periodFor(db, call, shanghaiDate(now)),
      });
    }
  }
  return { notices: list, pending };
}

/** GET /api/officer/notices/:id — items (withdrawn ones too), objections. */
export async function getAdminNotice(db: Db, officer: Officer, id: string, now: Date): Promise<AdminNoticeDetail> {
  const n = await loadNoticeFor(db, officer, id, false);
  const [call] = await db.select({ title: calls.title }).from(calls).where(eq(calls.id, n.callId));
  const items = await db
    .select({ item: noticeItems, number: applications.number, status: applications.status })
    .from(noticeItems)
    .leftJoin(applications, eq(applications.id, noticeItems.applicationId))
    .where(eq(noticeItems.noticeId, id))
    .orderBy(asc(noticeItems.position));
  const objs = await presentObjectionsOf(db, id);
  const counts = await objectionCounts(db, [id]);
  return {
    ...summarise(
      n,
      call.title,
      items.map((i) => i.item),
      counts.get(id),
      now,
    ),
    body: n.body,
    contacts: n.contacts,
    allowAnonymousObjections: n.allowAnonymousObjections,
    workingDays: n.workingDays,
    calendarBasis: n.calendarBasis,
    items: items.map(({ item, number, status }) => ({
      id: item.id,
      position: item.position,
      applicationId: item.applicationId,
      applicationNumber: number,
      applicationStatus: status,
      name: item.name,
      projectName: item.projectName,
      unit: item.unitName,
      leader: item.leaderName,
      occupation: item.occupation,
      amount: item.amount,
      withdrawn: item.withdrawn,
      withdrawnReason: item.withdrawnReason,
      openObjections: objs.filter((o) => o.itemId === item.id && (o.status === 'open' || o.status === 'investigating')).length,
    })),
    objections: objs,
  };
}

export async function presentObjectionsOf(db: DbOrTx, noticeId: string) {
  const rows = await db.select().from(objections).where(eq(objections.noticeId, noticeId)).orderBy(asc(objections.filedAt), asc(objections.trackingNumber));
  return Promise.all(rows.map((r) => presentObjection(db, r)));
}

// ---------------------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------------------

/** GET /api/notices/:id/items.xlsx — the notice's list with Chinese headers (formula injection neutralised). */
export async function exportNoticeItems(db: Db, officer: Officer, id: string, now: Date) {
  const detail = await getAdminNotice(db, officer, id, now);
  const wb = await newWorkbook();
  wb.creator = '匠心 Jiangxin';
  wb.created = now;
  const ws = wb.addWorksheet('公示名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = ['序号', '申报编号', '名称', '建设项目', '所在单位', '领办人', '职业（工种）', '金额（元）', '状态', '撤销原因', '未办结异议'];
  ws.columns = headers.map((header, i) => ({ header, key: String(i), width: [6, 20, 40, 36, 32, 10, 16, 12, 10, 36, 10][i] }));
  for (const it of detail.items) {
    ws.addRow([
      it.position,
      neutralise(it.applicationNumber ?? ''),
      neutralise(it.name),
      neutralise(it.projectName ?? ''),
      neutralise(it.unit),
      neutralise(it.leader),
      neutralise(it.occupation ?? ''),
      it.amount ?? '',
      it.withdrawn ? '已撤销' : '公示中',
      neutralise(it.withdrawnReason ?? ''),
      it.openObjections,
    ]);
  }
  ws.getRow(1).font = { bold: true };
  const info = wb.addWorksheet('说明');
  info.columns = [{ width: 14 }, { width: 70 }];
  info.addRows([
    ['公示', neutralise(detail.title)],
    ['申报批次', neutralise(detail.callTitle)],
    ['公示期', `${detail.startsOn} 至 ${detail.endsOn} ${NOTICE_CLOSING_TIME}（${detail.workingDays} 个工作日）`],
    ['导出时间', `${formatShanghai(now)}（北京时间）`],
    ['导出人', neutralise(officer.actor.username ?? '')],
  ]);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  await db.transaction(async (tx) => {
    await recordAudit(tx, officer.actor, { action: 'notice.items_exported', entityType: 'notice', entityId: id, after: { rows: detail.items.length } }, now);
  });
  return { xlsx, filename: `${detail.title}-公示名单.xlsx` };
}
