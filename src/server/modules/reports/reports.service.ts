import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import {
  FIGURE_KEYS,
  FIGURE_NAMES,
  REPORT_FILE_MAX_BYTES,
  REPORT_FILES_MAX,
  REPORT_STATE_NAMES,
  type AnnualReport,
  type ReportListQuery,
  type ReportObligation,
  type ReportState,
  type SaveReportRequest,
} from '../../../shared/reports';
import { formatShanghai, shanghaiDate, toShanghaiIso } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import { files, studios } from '../../db/schema';
import { annualReports } from '../../db/schema/lifecycle';
import { neutralise, newWorkbook } from '../../documents/xlsx';
import { badRequest, conflict, notFound } from '../../errors';
import type { Storage } from '../../storage/storage';
import { storeUpload } from '../../storage/upload';
import { recordAudit } from '../audit/audit.service';
import { jurisdictionsWith, OFFICER_ROLES, type FundingCaller } from '../funding/funding.caller';
import { notifyUnit } from '../notifications/notifications.service';
import { citeText, daysBetween, dueOnFor, isOverdue, reportDutyOf, requirementsOf } from './reports.policy';

/**
 * Annual reports (issue 7). Who sees what: a unit (applicant) its own studios' reports; program / intake officers and
 * the inspector their jurisdictions'. The unit saves and submits; the program officer accepts or returns. Anything
 * outside the caller's scope is 404; a state conflict or a stale version is 409; every write is audited in its
 * transaction.
 */

type Row = typeof annualReports.$inferSelect;
type Studio = typeof studios.$inferSelect;
export type ReportCaller = FundingCaller;

const READ_ROLES = OFFICER_ROLES;

function scopeOf(caller: ReportCaller) {
  return { unitId: caller.unitId, jurisdictions: jurisdictionsWith(caller, READ_ROLES), program: jurisdictionsWith(caller, ['program']) };
}

const canRead = (caller: ReportCaller, s: Studio) => {
  const scope = scopeOf(caller);
  return (!!scope.unitId && s.unitId === scope.unitId) || scope.jurisdictions.includes(s.jurisdictionId);
};
const isOwnUnit = (caller: ReportCaller, s: Studio) => !!caller.unitId && s.unitId === caller.unitId;

function flagsOf(r: Row): AnnualReport['flags'] {
  const duty = reportDutyOf(r.editionId);
  const flags: AnnualReport['flags'] = [];
  // 顺义 第十三条: 每年应带动不少于100人次技艺提升和创新. A report below it is filed, and flagged.
  if (duty?.personTimes && r.personTimes !== null && r.personTimes < duty.personTimes.minimum) {
    const c = citeText(duty.personTimes.obligation.citation);
    flags.push({ code: 'PERSON_TIMES_BELOW_MINIMUM', message: `全年带动技艺提升和创新 ${r.personTimes} 人次，未达到每年不少于${duty.personTimes.minimum}人次（${c}）`, citation: c });
  }
  if (r.late) {
    const c = duty ? citeText(duty.obligation.citation) : '';
    flags.push({ code: 'SUBMITTED_LATE', message: `逾期报送：应于 ${r.dueOn} 前报送（${c}）`, citation: c });
  }
  return flags;
}

export function stateOf(r: Pick<Row, 'status' | 'dueOn'>, today: string): ReportState {
  if (isOverdue(r, today) && r.status === 'draft') return 'overdue';
  if (r.status === 'draft') return 'open';
  return r.status as ReportState;
}

type FileRow = typeof files.$inferSelect;

async function filesOf(db: DbOrTx, rows: Row[]) {
  const ids = [...new Set(rows.flatMap((r) => r.fileIds))];
  const found = ids.length ? await db.select().from(files).where(inArray(files.id, ids)) : [];
  return new Map(found.map((f) => [f.id, f]));
}

function present(r: Row, s: Studio, caller: ReportCaller, today: string, fileMap: Map<string, FileRow>): AnnualReport {
  const duty = reportDutyOf(r.editionId);
  const state = stateOf(r, today);
  const writable = s.status !== 'revoked';
  return {
    id: r.id,
    studioId: r.studioId,
    studioName: s.name,
    unitName: s.unitName,
    jurisdiction: r.jurisdictionId,
    editionId: r.editionId,
    year: r.year,
    dueOn: r.dueOn,
    daysLeft: daysBetween(today, r.dueOn),
    status: r.status as AnnualReport['status'],
    state,
    stateName: REPORT_STATE_NAMES[state].zh,
    overdue: isOverdue(r, today),
    late: r.late,
    summary: r.summary,
    nextYearPlan: r.nextYearPlan,
    personTimes: r.personTimes,
    figures: r.figures,
    files: r.fileIds
      .map((id) => fileMap.get(id))
      .filter((f): f is FileRow => !!f)
      .map((f) => ({ id: f.id, name: f.originalName, mimeType: f.mimeType, size: f.size, url: `/api/annual-reports/${r.id}/files/${f.id}` })),
    requirements: duty ? requirementsOf(duty) : { citation: '', text: '', inferred: null, personTimes: null },
    flags: flagsOf(r),
    submittedAt: r.submittedAt ? toShanghaiIso(r.submittedAt) : null,
    reviewComment: r.reviewComment,
    reviewedAt: r.reviewedAt ? toShanghaiIso(r.reviewedAt) : null,
    version: r.version,
    canEdit: writable && isOwnUnit(caller, s) && (r.status === 'draft' || r.status === 'returned'),
    canReview: jurisdictionsWith(caller, ['program']).includes(r.jurisdictionId) && r.status === 'submitted',
  };
}

/** GET /api/annual-reports: the caller's reports, newest year first; filters by year, status, overdue, studio. */
export async function listReports(db: Db, caller: ReportCaller, query: ReportListQuery, now: Date): Promise<AnnualReport[]> {
  const today = shanghaiDate(now);
  const scope = scopeOf(caller);
  const who: SQL[] = [];
  if (scope.unitId) who.push(eq(studios.unitId, scope.unitId));
  if (scope.jurisdictions.length) who.push(inArray(annualReports.jurisdictionId, scope.jurisdictions));
  if (!who.length) return [];
  const where: SQL[] = [who.length === 1 ? who[0] : sql`(${who[0]} or ${who[1]})`];
  if (query.year) where.push(eq(annualReports.year, query.year));
  if (query.status) where.push(eq(annualReports.status, query.status));
  if (query.state === 'open') where.push(sql`${annualReports.status} = 'draft' and ${annualReports.dueOn} >= ${today}`);
  else if (query.state === 'overdue') where.push(sql`${annualReports.status} = 'draft' and ${annualReports.dueOn} < ${today}`);
  else if (query.state) where.push(eq(annualReports.status, query.state));
  if (query.studioId) where.push(eq(annualReports.studioId, query.studioId));
  if (query.overdue === 'true') where.push(sql`${annualReports.status} in ('draft', 'returned') and ${annualReports.dueOn} < ${today}`);
  if (query.overdue === 'false') where.push(sql`not (${annualReports.status} in ('draft', 'returned') and ${annualReports.dueOn} < ${today})`);
  const rows = await db
    .select({ r: annualReports, s: studios })
    .from(annualReports)
    .innerJoin(studios, eq(studios.id, annualReports.studioId))
    .where(and(...where))
    .orderBy(desc(annualReports.year), asc(studios.name));
  const fileMap = await filesOf(db, rows.map((x) => x.r));
  return rows.map(({ r, s }) => present(r, s, caller, today, fileMap));
}

async function load(db: DbOrTx, caller: ReportCaller, id: string) {
  const [row] = await db.select({ r: annualReports, s: studios }).from(annualReports).innerJoin(studios, eq(studios.id, annualReports.studioId)).where(eq(annualReports.id, id)).limit(1);
  if (!row || !canRead(caller, row.s)) throw notFound('年度报告', 'REPORT_NOT_FOUND');
  return row;
}

export async function getReport(db: Db, caller: ReportCaller, id: string, now: Date) {
  const { r, s } = await load(db, caller, id);
  return present(r, s, caller, shanghaiDate(now), await filesOf(db, [r]));
}

/** GET /api/annual-reports/obligations: the caller's studios with a report duty, and the years they may still open. */
export async function listObligations(db: Db, caller: ReportCaller, now: Date): Promise<ReportObligation[]> {
  const scope = scopeOf(caller);
  const who: SQL[] = [];
  if (scope.unitId) who.push(eq(studios.unitId, scope.unitId));
  if (scope.jurisdictions.length) who.push(inArray(studios.jurisdictionId, scope.jurisdictions));
  if (!who.length) return [];
  const year = Number(shanghaiDate(now).slice(0, 4));
  const rows = await db
    .select()
    .from(studios)
    .where(and(eq(studios.status, 'active'), who.length === 1 ? who[0] : sql`(${who[0]} or ${who[1]})`))
    .orderBy(asc(studios.name));
  const ids = rows.map((s) => s.id);
  const have = ids.length
    ? await db.select({ studioId: annualReports.studioId, year: annualReports.year }).from(annualReports).where(and(inArray(annualReports.studioId, ids), inArray(annualReports.year, [year - 1, year])))
    : [];
  const out: ReportObligation[] = [];
  for (const s of rows) {
    const duty = reportDutyOf(s.editionId);
    if (!duty) continue;
    out.push({
      studioId: s.id,
      studioName: s.name,
      unitName: s.unitName,
      jurisdiction: s.jurisdictionId,
      requirements: requirementsOf(duty),
      openableYears: [year - 1, year].filter((y) => y >= s.recognizedYear && !have.some((h) => h.studioId === s.id && h.year === y)),
    });
  }
  return out;
}

/**
 * POST /api/studios/:id/annual-reports {year}: the unit opens the report of a year the daily check has not opened
 * (e.g. a studio recognised today). One per studio and year; not for a future year or before recognition.
 */
export async function openReport(db: Db, caller: ReportCaller, studioId: string, year: number, now: Date) {
  const [s] = await db.select().from(studios).where(eq(studios.id, studioId)).limit(1);
  if (!s || !isOwnUnit(caller, s)) throw notFound('工作室', 'STUDIO_NOT_FOUND');
  const duty = reportDutyOf(s.editionId);
  if (!duty) throw conflict('NO_REPORT_OBLIGATION', `该工作室适用的政策（${s.editionId}）未规定年度报告义务，无需报送年度报告`);
  if (s.status !== 'active') throw conflict('STUDIO_NOT_ACTIVE', '该工作室不处于正常运转状态（已暂停或已取消称号），不能开启年度报告');
  const today = shanghaiDate(now);
  const current = Number(today.slice(0, 4));
  if (year > current) throw badRequest('REPORT_YEAR_FUTURE', `不能为未来年度（${year} 年）开启年度报告：报告总结当年度工作（${citeText(duty.obligation.citation)}）`, { year: `不能晚于 ${current} 年` });
  if (year < s.recognizedYear) throw badRequest('REPORT_YEAR_BEFORE_RECOGNITION', `工作室于 ${s.recognizedOn} 认定，不能开启 ${year} 年度报告`, { year: `不能早于 ${s.recognizedYear} 年` });
  const [existing] = await db.select({ id: annualReports.id, status: annualReports.status }).from(annualReports).where(and(eq(annualReports.studioId, studioId), eq(annualReports.year, year)));
  if (existing) throw conflict('REPORT_EXISTS', `${s.name} ${year} 年度报告已存在（编号 ${existing.id}），每个工作室每年一份`);
  const row = { id: randomUUID(), studioId, jurisdictionId: s.jurisdictionId, editionId: s.editionId, year, dueOn: dueOnFor(duty, year), status: 'draft', createdAt: now, updatedAt: now };
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(annualReports).values(row).onConflictDoNothing().returning({ id: annualReports.id });
    if (!inserted.length) throw conflict('REPORT_EXISTS', `${s.name} ${year} 年度报告已存在，每个工作室每年一份`);
    await recordAudit(tx, caller.actor, { action: 'report.saved', entityType: 'annual_report', entityId: row.id, jurisdictionId: s.jurisdictionId, after: row }, now);
  });
  return getReport(db, caller, row.id, now);
}

function assertVersion(r: Row, version: number) {
  if (r.version !== version) throw conflict('REPORT_VERSION_CONFLICT', `年度报告已被修改（当前版本 ${r.version}，提交的版本 ${version}），请刷新后再操作`);
}

async function loadForUnit(db: DbOrTx, caller: ReportCaller, id: string, version: number) {
  const row = await load(db, caller, id);
  if (!isOwnUnit(caller, row.s)) {
    // The jurisdiction's officers read the report but never write the unit's text.
    throw notFound('年度报告', 'REPORT_NOT_FOUND');
  }
  if (row.s.status === 'revoked') throw conflict('STUDIO_NOT_ACTIVE', '该工作室已被取消称号，不能再修改或报送年度报告');
  if (row.r.status !== 'draft' && row.r.status !== 'returned') {
    throw conflict('REPORT_NOT_EDITABLE', `该年度报告${row.r.status === 'accepted' ? '已审核通过' : '已提交，正在审核'}，不能修改`);
  }
  assertVersion(row.r, version);
  return row;
}

async function update(tx: DbOrTx, r: Row, set: Partial<Row>, now: Date) {
  const updated = await tx
    .update(annualReports)
    .set({ ...set, version: sql`${annualReports.version} + 1`, updatedAt: now })
    .where(and(eq(annualReports.id, r.id), eq(annualReports.version, r.version)))
    .returning();
  if (!updated.length) throw conflict('REPORT_VERSION_CONFLICT', '年度报告刚被他人修改，请刷新后再操作');
  return updated[0];
}

/** PUT /api/annual-reports/:id: the unit saves its draft (or a returned report it corrects). */
export async function saveReport(db: Db, caller: ReportCaller, id: string, input: SaveReportRequest, now: Date) {
  const { r, s } = await loadForUnit(db, caller, id, input.version);
  const set: Partial<Row> = {};
  if (input.summary !== undefined) set.summary = input.summary;
  if (input.nextYearPlan !== undefined) set.nextYearPlan = input.nextYearPlan;
  if (input.personTimes !== undefined) set.personTimes = input.personTimes;
  if (input.fileIds !== undefined) {
    // Attachments are added by upload; the draft may only drop some of them.
    const unknown = input.fileIds.filter((f) => !r.fileIds.includes(f));
    if (unknown.length) throw badRequest('REPORT_FILE_UNKNOWN', '附件不属于该年度报告：请先上传附件', { fileIds: '只能保留已上传的附件' });
    set.fileIds = [...new Set(input.fileIds)];
  }
  if (input.figures !== undefined) set.figures = Object.fromEntries(FIGURE_KEYS.filter((k) => input.figures![k] !== undefined).map((k) => [k, input.figures![k]!]));
  await db.transaction(async (tx) => {
    const after = await update(tx, r, set, now);
    await recordAudit(tx, caller.actor, { action: 'report.saved', entityType: 'annual_report', entityId: id, jurisdictionId: r.jurisdictionId, before: pick(r), after: pick(after) }, now);
  });
  void s;
  return getReport(db, caller, id, now);
}

const pick = (r: Row) => ({ status: r.status, summary: r.summary, nextYearPlan: r.nextYearPlan, personTimes: r.personTimes, figures: r.figures, fileIds: r.fileIds, version: r.version });

/** POST /api/annual-reports/:id/files: the unit attaches a file to its draft (PDF/JPG/PNG checked by content, ≤ 20 MB). */
export async function uploadReportFile(db: Db, storage: Storage, caller: ReportCaller, id: string, file: { stream: Readable; filename: string }, now: Date) {
  const current = await load(db, caller, id);
  const { r } = await loadForUnit(db, caller, id, current.r.version);
  if (r.fileIds.length >= REPORT_FILES_MAX) throw conflict('REPORT_FILES_FULL', `每份年度报告的附件不超过 ${REPORT_FILES_MAX} 个`);
  await storeUpload(storage, file, { maxBytes: REPORT_FILE_MAX_BYTES, uploadedBy: caller.actor.userId, now }, (row) =>
    db.transaction(async (tx) => {
      await tx.insert(files).values(row);
      const after = await update(tx, r, { fileIds: [...r.fileIds, row.id] }, now);
      await recordAudit(tx, caller.actor, { action: 'report.saved', entityType: 'annual_report', entityId: id, jurisdictionId: r.jurisdictionId, before: pick(r), after: { ...pick(after), file: row } }, now);
    }),
  );
  return getReport(db, caller, id, now);
}

/** GET /api/annual-reports/:id/files/:fileId: an attachment of a report the caller may read. */
export async function readReportFile(db: Db, caller: ReportCaller, id: string, fileId: string) {
  const { r } = await load(db, caller, id);
  if (!r.fileIds.includes(fileId)) throw notFound('附件', 'REPORT_FILE_NOT_FOUND');
  const [f] = await db.select().from(files).where(eq(files.id, fileId)).limit(1);
  if (!f) throw notFound('附件', 'REPORT_FILE_NOT_FOUND');
  return f;
}

/**
 * POST /api/annual-reports/:id/submit: the unit files the report. The summary and the plan are required (大兴
 * 第十九条（三）: 当年度工作总结及下一年度工作计划); where the edition sets a person-times minimum the figure is required
 * (顺义 第十三条) — below the minimum the report is filed and flagged. After the due date it is marked late.
 */
export async function submitReport(db: Db, caller: ReportCaller, id: string, version: number, now: Date) {
  const { r, s } = await loadForUnit(db, caller, id, version);
  const duty = reportDutyOf(r.editionId);
  const article = duty ? citeText(duty.obligation.citation) : '';
  const fields: Record<string, string> = {};
  if (!r.summary.trim()) fields.summary = '请填写当年度工作总结';
  if (!r.nextYearPlan.trim()) fields.nextYearPlan = '请填写下一年度工作计划';
  if (duty?.personTimes && r.personTimes === null) fields.personTimes = `请填写全年带动技艺提升和创新人次（${citeText(duty.personTimes.obligation.citation)}）`;
  if (Object.keys(fields).length) {
    throw badRequest('REPORT_INCOMPLETE', `年度报告不完整，不能提交：${Object.values(fields).join('；')}（${article}）`, fields);
  }
  const today = shanghaiDate(now);
  const late = r.late || today > r.dueOn;
  const resubmission = r.status === 'returned';
  await db.transaction(async (tx) => {
    const after = await update(tx, r, { status: 'submitted', submittedAt: now, submittedBy: caller.actor.userId, late }, now);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'report.submitted', entityType: 'annual_report', entityId: id, jurisdictionId: r.jurisdictionId, before: { status: r.status }, after: { status: 'submitted', late, resubmission, personTimes: r.personTimes, flags: flagsOf(after).map((f) => f.code), version: after.version } },
      now,
    );
  });
  void s;
  return getReport(db, caller, id, now);
}

async function loadForReview(db: DbOrTx, caller: ReportCaller, id: string, version: number) {
  const [row] = await db.select({ r: annualReports, s: studios }).from(annualReports).innerJoin(studios, eq(studios.id, annualReports.studioId)).where(eq(annualReports.id, id)).limit(1);
  if (!row || !jurisdictionsWith(caller, ['program']).includes(row.r.jurisdictionId)) throw notFound('年度报告', 'REPORT_NOT_FOUND');
  if (row.r.status !== 'submitted') {
    const what = { draft: '尚未提交', returned: '已退回单位修改', accepted: '已审核通过' }[row.r.status] ?? row.r.status;
    throw conflict('REPORT_NOT_SUBMITTED', `该年度报告${what}，只能审核已提交的报告`);
  }
  assertVersion(row.r, version);
  return row;
}

/** POST /api/annual-reports/:id/accept: the program officer accepts a submitted report. */
export async function acceptReport(db: Db, caller: ReportCaller, id: string, input: { version: number; comment?: string }, now: Date) {
  const { r, s } = await loadForReview(db, caller, id, input.version);
  await db.transaction(async (tx) => {
    await update(tx, r, { status: 'accepted', reviewComment: input.comment?.trim() || null, reviewedBy: caller.actor.userId, reviewedAt: now }, now);
    if (s.unitId) {
      await notifyUnit(tx, s.unitId, { template: 'report.accepted', title: `年度报告已通过：${s.name} ${r.year} 年度`, body: `${s.name} ${r.year} 年度工作总结及下一年度工作计划已审核通过。${input.comment ? `审核意见：${input.comment}` : ''}`, payload: { reportId: id } }, now);
    }
    await recordAudit(tx, caller.actor, { action: 'report.accepted', entityType: 'annual_report', entityId: id, jurisdictionId: r.jurisdictionId, before: { status: r.status }, after: { status: 'accepted', comment: input.comment ?? null } }, now);
  });
  return getReport(db, caller, id, now);
}

/** POST /api/annual-reports/:id/return: the program officer returns a submitted report for correction, with reasons. */
export async function returnReport(db: Db, caller: ReportCaller, id: string, input: { version: number; comment: string }, now: Date) {
  const { r, s } = await loadForReview(db, caller, id, input.version);
  await db.transaction(async (tx) => {
    await update(tx, r, { status: 'returned', reviewComment: input.comment, reviewedBy: caller.actor.userId, reviewedAt: now }, now);
    if (s.unitId) {
      await notifyUnit(tx, s.unitId, { template: 'report.returned', title: `年度报告被退回：${s.name} ${r.year} 年度`, body: `${s.name} ${r.year} 年度报告被退回修改。退回理由：${input.comment}。请修改后重新提交。`, payload: { reportId: id } }, now);
    }
    await recordAudit(tx, caller.actor, { action: 'report.returned', entityType: 'annual_report', entityId: id, jurisdictionId: r.jurisdictionId, before: { status: r.status }, after: { status: 'returned', comment: input.comment } }, now);
  });
  return getReport(db, caller, id, now);
}

const EXPORT_HEADERS = ['序号', '年度', '工作室', '单位', '截止日期', '状态', '逾期', '逾期报送', '带动人次', ...FIGURE_KEYS.map((k) => FIGURE_NAMES[k].zh), '提示', '提交时间', '审核意见', '依据'];

/** GET /api/annual-reports.xlsx: the officer's table as a workbook (cells neutralised against formulas). */
export async function exportReports(db: Db, caller: ReportCaller, query: ReportListQuery, now: Date) {
  const rows = await listReports(db, caller, query, now);
  const wb = await newWorkbook();
  wb.creator = '匠心 Jiangxin';
  wb.created = now;
  const ws = wb.addWorksheet('年度报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_HEADERS.map((header, i) => ({ header, key: String(i), width: i === 2 || i === 3 ? 36 : i >= EXPORT_HEADERS.length - 4 ? 40 : 12 }));
  rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      r.year,
      neutralise(r.studioName),
      neutralise(r.unitName),
      r.dueOn,
      r.stateName,
      r.overdue ? '是' : '',
      r.late ? '是' : '',
      r.personTimes ?? '',
      ...FIGURE_KEYS.map((k) => r.figures[k] ?? ''),
      neutralise(r.flags.map((f) => f.message).join('；')),
      r.submittedAt ? formatShanghai(new Date(r.submittedAt)) : '',
      neutralise(r.reviewComment ?? ''),
      neutralise(r.requirements.citation),
    ]),
  );
  ws.getRow(1).font = { bold: true };
  const info = wb.addWorksheet('说明');
  info.columns = [{ width: 14 }, { width: 60 }];
  info.addRows([
    ['导出时间', `${formatShanghai(now)}（北京时间）`],
    ['导出人', neutralise(caller.actor.username ?? '')],
    ['报告数量', rows.length],
    ['逾期', rows.filter((r) => r.overdue).length],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
