import { and, desc, eq, inArray } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { getEdition } from '../../../policy/editions';
import { param } from '../../../policy/rules/conditions';
import type { Citation, Edition, Obligation } from '../../../policy/types';
import type { Role } from '../../../shared/accounts';
import {
  LEVEL_ZH,
  PROJECT_STAGE_ZH,
  REPORT_STATUS_ZH,
  STUDIO_STATUS_ZH,
  type DashboardQuery,
  type NextStep,
  type StudiosDashboard,
  type StudioWorkspace,
  type WorkspaceStudio,
} from '../../../shared/dashboards';
import { formatShanghai, shanghaiDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { jurisdictions, studios, units } from '../../db/schema';
import { disbursements, projects } from '../../db/schema/funding';
import { annualReports, changeRequests, projectClosures, projectUpdates, revocationCases } from '../../db/schema/lifecycle';
import { neutralise, newWorkbook } from '../../documents/xlsx';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { jurisdictionsWith, type FundingCaller } from '../funding/funding.caller';

/**
 * The studio lifecycle seen from above (issue 7): the officers' dashboard of their jurisdictions and the unit's
 * workspace. Read-only; it reads the lifecycle tables directly (no other module's service), so the numbers are the
 * tables' own. Only the Excel export writes, and only its audit event ('dashboard.exported').
 */

/** Who reads the dashboard: program and intake officers of their jurisdictions, and the inspector (read-only). */
export const DASHBOARD_ROLES: readonly Role[] = ['program', 'intake', 'inspector'];
const TOP_OCCUPATIONS = 8;
const TOP_LIST = 10;
const DONE_REPORT = new Set(['submitted', 'accepted']);
const SOON_DAYS = 30;

const cite = (c: Citation | undefined, edition?: Edition) => (c ? `${edition?.documentNumber ?? ''} ${c.article}`.trim() : null);
/** Calendar days from `from` to `to` (both YYYY-MM-DD): positive when `to` is later. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const yearOf = (d: string) => Number(d.slice(0, 4));
const annualObligation = (e: Edition | undefined) => e?.obligations.find((o) => o.id === 'annual-report' && o.due && 'yearly' in o.due);
/** The due date of a yearly obligation for the report year `year` (大兴 第十九条（三）: 每年12月末 → YYYY-12-31). */
const dueFor = (o: Obligation, year: number) => (o.due && 'yearly' in o.due ? `${year}-${o.due.yearly}` : o.due?.date ?? null);

function countBy<T>(rows: T[], keyOf: (r: T) => string, labelOf: (k: string) => string, order: string[] = []) {
  const m = new Map<string, number>();
  for (const k of order) m.set(k, 0);
  for (const r of rows) m.set(keyOf(r), (m.get(keyOf(r)) ?? 0) + 1);
  return [...m.entries()].map(([key, count]) => ({ key, label: labelOf(key), count }));
}

// ---------------------------------------------------------------------------------------------------------------
// The officers' dashboard
// ---------------------------------------------------------------------------------------------------------------

function scopeOf(caller: FundingCaller, query: DashboardQuery): string[] {
  const scope = jurisdictionsWith(caller, DASHBOARD_ROLES);
  if (!query.jurisdiction) return scope;
  // Another jurisdiction's figures are not the caller's to see (404, like any resource outside the scope).
  if (!scope.includes(query.jurisdiction)) throw notFound('辖区', 'JURISDICTION_NOT_FOUND');
  return [query.jurisdiction];
}

/** GET /api/dashboards/studios */
export async function studiosDashboard(db: Db, caller: FundingCaller, query: DashboardQuery, now: Date): Promise<StudiosDashboard> {
  const scope = scopeOf(caller, query);
  const today = shanghaiDate(now);
  const thisYear = yearOf(today);
  const year = query.year ?? thisYear;
  const jurs = scope.length ? await db.select({ id: jurisdictions.id, name: jurisdictions.nameZh }).from(jurisdictions).where(inArray(jurisdictions.id, scope)) : [];
  const empty = !scope.length;
  const allStudios = empty ? [] : await db.select().from(studios).where(inArray(studios.jurisdictionId, scope));
  // With a year: the studios recognised by the end of that year.
  const studioRows = query.year ? allStudios.filter((s) => s.recognizedYear <= year) : allStudios;
  const studioById = new Map(allStudios.map((s) => [s.id, s]));

  // Studios by status, occupation (top N + 其他) and level.
  const studiosByStatus = countBy(studioRows, (s) => s.status, (k) => STUDIO_STATUS_ZH[k] ?? k, ['active', 'suspended', 'revoked', 'dissolved']).filter((c) => c.count > 0 || c.key === 'active' || c.key === 'revoked');
  const occ = countBy(studioRows, (s) => s.occupation, (k) => k).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'zh-CN'));
  const studiosByOccupation = occ.slice(0, TOP_OCCUPATIONS);
  const rest = occ.slice(TOP_OCCUPATIONS).reduce((n, c) => n + c.count, 0);
  if (rest) studiosByOccupation.push({ key: '__other', label: '其他', count: rest });
  const studiosByLevel = countBy(studioRows, (s) => s.level, (k) => LEVEL_ZH[k] ?? k, ['district', 'municipal', 'national']);

  // Projects by stage; overdue = past close_by with no closure report at all (京兴人社发〔2025〕21号 第十二条).
  const allProjects = empty ? [] : await db.select().from(projects).where(inArray(projects.jurisdictionId, scope));
  const projectRows = query.year ? allProjects.filter((p) => yearOf(p.decidedOn) === year) : allProjects;
  const pIds = projectRows.map((p) => p.id);
  const closures = pIds.length ? await db.select({ projectId: projectClosures.projectId }).from(projectClosures).where(inArray(projectClosures.projectId, pIds)) : [];
  const withClosure = new Set(closures.map((c) => c.projectId));
  const situations = pIds.length
    ? await db.select({ projectId: projectUpdates.projectId }).from(projectUpdates).where(and(inArray(projectUpdates.projectId, pIds), eq(projectUpdates.kind, 'situation')))
    : [];
  const withSituation = new Set(situations.map((s) => s.projectId));
  const unitIdsOf = [...new Set(projectRows.map((p) => p.unitId))];
  const unitNames = new Map(
    (unitIdsOf.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIdsOf)) : []).map((u) => [u.id, u.name]),
  );
  const overdueProjectRows = projectRows
    .filter((p) => p.status === 'in-execution' && p.closeBy && p.closeBy < today && !withClosure.has(p.id))
    .sort((a, b) => a.closeBy!.localeCompare(b.closeBy!));
  const projectsByStage = [
    ...countBy(projectRows, (p) => p.status, (k) => PROJECT_STAGE_ZH[k] ?? k, ['in-execution', 'closure-submitted', 'passed', 'partly-passed', 'failed']),
    { key: 'overdue', label: PROJECT_STAGE_ZH.overdue, count: overdueProjectRows.length },
  ];

  // Money approved vs paid per year: the year of due_on; a line still awaiting its condition counts in the year it was
  // scheduled (created_at, Beijing time).
  const lines = empty ? [] : await db.select().from(disbursements).where(inArray(disbursements.jurisdictionId, scope));
  const moneyMap = new Map<number, { approved: number; paid: number; kinds: Map<string, { approved: number; paid: number }> }>();
  for (const d of lines) {
    const y = yearOf(d.dueOn ?? shanghaiDate(d.createdAt));
    if (query.year && y !== year) continue;
    const m = moneyMap.get(y) ?? { approved: 0, paid: 0, kinds: new Map() };
    m.approved += d.amount;
    m.paid += d.paidAmount;
    const k = m.kinds.get(d.kind) ?? { approved: 0, paid: 0 };
    k.approved += d.amount;
    k.paid += d.paidAmount;
    m.kinds.set(d.kind, k);
    moneyMap.set(y, m);
  }
  const moneyByYear = [...moneyMap.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([y, m]) => ({
      year: y,
      approved: m.approved,
      paid: m.paid,
      byKind: ['fixed', 'capped', 'award'].filter((k) => m.kinds.has(k)).map((k) => ({ kind: k, ...m.kinds.get(k)! })),
    }));

  // Annual reports of the year and the year before. A studio owes one where its edition has the obligation (大兴
  // 第十九条（三）, 顺义 第十三条; 经开区 has none), it was recognised by the due date and is not revoked or dissolved before.
  const reportRows = empty
    ? []
    : await db
        .select()
        .from(annualReports)
        .where(and(inArray(annualReports.jurisdictionId, scope), inArray(annualReports.year, [year - 1, year])));
  const overdueReports: StudiosDashboard['overdueReports'] = [];
  const reports = [year, year - 1].map((y) => {
    const rows = reportRows.filter((r) => r.year === y);
    const statuses = rows.map((r) => ({ status: r.status, dueOn: r.dueOn, r }));
    const missing: { studio: (typeof allStudios)[number]; dueOn: string }[] = [];
    for (const s of allStudios) {
      const o = annualObligation(getEdition(s.editionId));
      const due = o && dueFor(o, y);
      if (!due || s.recognizedOn > due || s.status !== 'active') continue;
      if (!rows.some((r) => r.studioId === s.id)) missing.push({ studio: s, dueOn: due });
    }
    for (const r of rows) {
      if (!DONE_REPORT.has(r.status) && r.dueOn < today) {
        const s = studioById.get(r.studioId);
        overdueReports.push({ reportId: r.id, studioId: r.studioId, studioName: s?.name ?? '', unitName: s?.unitName ?? '', year: y, dueOn: r.dueOn, daysOverdue: daysBetween(r.dueOn, today), status: r.status, link: `/app/reports/${r.id}` });
      }
    }
    for (const m of missing) {
      if (m.dueOn < today)
        overdueReports.push({ reportId: null, studioId: m.studio.id, studioName: m.studio.name, unitName: m.studio.unitName, year: y, dueOn: m.dueOn, daysOverdue: daysBetween(m.dueOn, today), status: 'missing', link: '/app/reports' });
    }
    const all = [...statuses.map((s) => ({ status: s.status, dueOn: s.dueOn })), ...missing.map((m) => ({ status: 'missing', dueOn: m.dueOn }))];
    const dueDates = all.map((a) => a.dueOn).sort();
    return {
      year: y,
      dueOn: dueDates[0] ?? null,
      byStatus: countBy(all, (a) => a.status, (k) => REPORT_STATUS_ZH[k] ?? k, ['draft', 'submitted', 'accepted', 'returned', 'missing']),
      overdue: all.filter((a) => !DONE_REPORT.has(a.status) && a.dueOn < today).length,
      expected: all.length,
    };
  });
  overdueReports.sort((a, b) => b.daysOverdue - a.daysOverdue || a.studioName.localeCompare(b.studioName, 'zh-CN'));

  // Open revocation cases by trigger (大兴 第十八条).
  const cases = empty
    ? []
    : await db
        .select()
        .from(revocationCases)
        .where(and(inArray(revocationCases.jurisdictionId, scope), eq(revocationCases.status, 'open')))
        .orderBy(revocationCases.raisedOn);
  const triggerOf = (editionId: string, id: string) => getEdition(editionId)?.revocationTriggers.find((t) => t.id === id);
  const byTrigger = new Map<string, { label: string; citation: string; count: number }>();
  for (const c of cases) {
    const t = triggerOf(c.editionId, c.triggerId);
    const e = byTrigger.get(c.triggerId) ?? { label: t?.text.zh ?? c.triggerId, citation: c.citation, count: 0 };
    e.count++;
    byTrigger.set(c.triggerId, e);
  }
  const casesByTrigger = [...byTrigger.entries()].map(([key, v]) => ({ key, ...v })).sort((a, b) => b.count - a.count);

  // The awards an edition grants for a higher title (大兴 第十三条; 经开区 第十四条), shown beside the action.
  const awardsOf = (editionId: string) => {
    const edition = getEdition(editionId);
    return (edition?.programs.find((p) => p.id === 'studio-recognition')?.funding ?? []).flatMap((f) => {
      if (f.kind !== 'award') return [];
      const v = param(f.amount, today) ?? param(f.amount);
      return [{ level: f.title, amount: v?.value ?? null, citation: cite(v?.citation, edition) }];
    });
  };

  return {
    asOf: today,
    year,
    jurisdictions: jurs.sort((a, b) => scope.indexOf(a.id) - scope.indexOf(b.id)),
    totals: {
      studios: studioRows.length,
      active: studioRows.filter((s) => s.status === 'active').length,
      projectsRunning: projectRows.filter((p) => p.status === 'in-execution').length,
      projectsOverdue: overdueProjectRows.length,
      approved: moneyByYear.reduce((n, m) => n + m.approved, 0),
      paid: moneyByYear.reduce((n, m) => n + m.paid, 0),
      reportsOverdue: reports.reduce((n, r) => n + r.overdue, 0),
      openCases: cases.length,
    },
    studiosByStatus,
    studiosByOccupation,
    studiosByLevel,
    projectsByStage,
    moneyByYear,
    reports,
    casesByTrigger,
    overdueReports: overdueReports.slice(0, TOP_LIST),
    overdueProjects: overdueProjectRows.slice(0, TOP_LIST).map((p) => ({
      projectId: p.id,
      name: p.name,
      unitName: studioById.get(p.studioId ?? '')?.unitName ?? unitNames.get(p.unitId) ?? '',
      studioName: studioById.get(p.studioId ?? '')?.name ?? null,
      closeBy: p.closeBy!,
      daysOverdue: daysBetween(p.closeBy!, today),
      hasSituationReport: withSituation.has(p.id),
      link: `/app/projects/${p.id}`,
    })),
    openCases: cases.slice(0, TOP_LIST).map((c) => ({
      caseId: c.id,
      studioId: c.studioId,
      studioName: studioById.get(c.studioId)?.name ?? '',
      triggerId: c.triggerId,
      trigger: triggerOf(c.editionId, c.triggerId)?.text.zh ?? c.triggerId,
      citation: c.citation,
      raisedOn: c.raisedOn,
      raisedBy: c.raisedBy,
      link: `/app/revocations/${c.id}`,
    })),
    studios: studioRows
      .sort((a, b) => b.recognizedOn.localeCompare(a.recognizedOn) || a.name.localeCompare(b.name, 'zh-CN'))
      .map((s) => ({
        id: s.id,
        name: s.name,
        jurisdiction: s.jurisdictionId,
        unitName: s.unitName,
        leader: s.leaderName,
        occupation: s.occupation,
        level: s.level,
        status: s.status,
        recognizedOn: s.recognizedOn,
        editionId: s.editionId,
        awards: awardsOf(s.editionId),
      })),
  };
}

/** GET /api/dashboards/studios.xlsx: the same numbers, one sheet per chart, Chinese headers; audited. */
export async function exportDashboard(db: Db, caller: FundingCaller, query: DashboardQuery, now: Date) {
  const d = await studiosDashboard(db, caller, query, now);
  const wb = await newWorkbook();
  wb.creator = '匠心 Jiangxin';
  wb.created = now;
  const sheet = (name: string, headers: string[], rows: (string | number | null)[][], widths: number[] = []) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = headers.map((header, i) => ({ header, key: String(i), width: widths[i] ?? 16 }));
    for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'string' ? neutralise(v) : (v ?? ''))));
    ws.getRow(1).font = { bold: true };
  };
  const counts = (rows: { label: string; count: number }[]) => rows.map((r) => [r.label, r.count]);
  sheet('说明', ['项目', '内容'], [
    ['统计辖区', d.jurisdictions.map((j) => j.name).join('、')],
    ['统计年度', d.year],
    ['统计日', `${d.asOf}（北京时间）`],
    ['导出时间', `${formatShanghai(now)}（北京时间）`],
    ['经费年度口径', '按应拨日（due_on）所在年度；尚待条件满足（如结项评估）的按列入拨付计划之日所在年度'],
    ['项目逾期口径', '已过结项截止日（close_by）仍未提交结项报告'],
    ['年度报告逾期口径', '已过截止日仍未提交或未通过；应报未建立的计为“未建立”'],
  ], [18, 80]);
  sheet('工作室状态', ['状态', '数量'], counts(d.studiosByStatus));
  sheet('职业分布', ['职业（工种）', '数量'], counts(d.studiosByOccupation), [30, 10]);
  sheet('称号级别', ['级别', '数量'], counts(d.studiosByLevel));
  sheet('项目阶段', ['阶段', '数量'], counts(d.projectsByStage));
  sheet(
    '经费拨付',
    ['年度', '计划拨付（元）', '已拨付（元）', '定额资助计划', '定额资助已拨', '限额补助计划', '限额补助已拨', '称号奖励计划', '称号奖励已拨'],
    d.moneyByYear.map((m) => {
      const k = (kind: string) => m.byKind.find((x) => x.kind === kind);
      return [m.year, m.approved, m.paid, k('fixed')?.approved ?? 0, k('fixed')?.paid ?? 0, k('capped')?.approved ?? 0, k('capped')?.paid ?? 0, k('award')?.approved ?? 0, k('award')?.paid ?? 0];
    }),
  );
  sheet(
    '年度报告',
    ['年度', '应报送', ...['draft', 'submitted', 'accepted', 'returned', 'missing'].map((k) => REPORT_STATUS_ZH[k]), '逾期'],
    d.reports.map((r) => [r.year, r.expected, ...['draft', 'submitted', 'accepted', 'returned', 'missing'].map((k) => r.byStatus.find((b) => b.key === k)?.count ?? 0), r.overdue]),
  );
  sheet('取消称号案件', ['情形', '依据', '未结案件数'], d.casesByTrigger.map((c) => [c.label, c.citation, c.count]), [50, 36, 12]);
  sheet('逾期年度报告', ['工作室', '单位', '年度', '截止日', '逾期天数', '状态'], d.overdueReports.map((r) => [r.studioName, r.unitName, r.year, r.dueOn, r.daysOverdue, REPORT_STATUS_ZH[r.status] ?? r.status]), [40, 30, 8, 12, 10, 10]);
  sheet('逾期项目', ['项目', '单位', '工作室', '结项截止日', '逾期天数', '已提交情况说明'], d.overdueProjects.map((p) => [p.name, p.unitName, p.studioName, p.closeBy, p.daysOverdue, p.hasSituationReport ? '是' : '否']), [40, 30, 40, 12, 10, 14]);
  sheet('未结案件', ['工作室', '情形', '依据', '发现日', '来源'], d.openCases.map((c) => [c.studioName, c.trigger, c.citation, c.raisedOn, c.raisedBy === 'system' ? '每日检查' : '业务主管认定']), [40, 50, 36, 12, 14]);
  sheet(
    '工作室名录',
    ['工作室', '所在单位', '领办人', '职业（工种）', '级别', '状态', '认定日期'],
    d.studios.map((s) => [s.name, s.unitName, s.leader, s.occupation, LEVEL_ZH[s.level] ?? s.level, STUDIO_STATUS_ZH[s.status] ?? s.status, s.recognizedOn]),
    [40, 30, 10, 20, 8, 12, 12],
  );
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  await recordAudit(
    db,
    caller.actor,
    { action: 'dashboard.exported', entityType: 'dashboard', entityId: 'studios', jurisdictionId: d.jurisdictions.length === 1 ? d.jurisdictions[0].id : null, after: { jurisdictions: d.jurisdictions.map((j) => j.id), year: d.year, studios: d.totals.studios } },
    now,
  );
  return { xlsx, filename: `工作室管理统计-${d.year}.xlsx` };
}

// ---------------------------------------------------------------------------------------------------------------
// The unit's workspace
// ---------------------------------------------------------------------------------------------------------------

const CLOSURE_SOON_DAYS = 60;

/**
 * GET /api/unit/studio-workspace: the caller's unit's studios with their obligations, projects, reports, changes, open
 * revocation cases (a unit is told of a case against its studio, so it can explain itself before the officer decides,
 * 京兴人社发〔2025〕21号 第十八条), money, and what to do next.
 */
export async function studioWorkspace(db: Db, caller: FundingCaller, now: Date): Promise<StudioWorkspace> {
  const today = shanghaiDate(now);
  const thisYear = yearOf(today);
  if (!caller.unitId) throw new AppError('NO_UNIT', 403, '当前账号没有关联申报单位');
  const rows = await db.select().from(studios).where(eq(studios.unitId, caller.unitId)).orderBy(desc(studios.recognizedOn));
  const ids = rows.map((s) => s.id);
  const jurs = rows.length ? await db.select({ id: jurisdictions.id, name: jurisdictions.nameZh }).from(jurisdictions).where(inArray(jurisdictions.id, [...new Set(rows.map((s) => s.jurisdictionId))])) : [];
  const projectRows = ids.length ? await db.select().from(projects).where(and(eq(projects.unitId, caller.unitId), inArray(projects.studioId, ids))) : [];
  const pIds = projectRows.map((p) => p.id);
  const closures = pIds.length ? await db.select().from(projectClosures).where(inArray(projectClosures.projectId, pIds)).orderBy(desc(projectClosures.version)) : [];
  const situations = pIds.length
    ? await db.select({ projectId: projectUpdates.projectId, reportedOn: projectUpdates.reportedOn }).from(projectUpdates).where(and(inArray(projectUpdates.projectId, pIds), eq(projectUpdates.kind, 'situation')))
    : [];
  const reports = ids.length ? await db.select().from(annualReports).where(inArray(annualReports.studioId, ids)).orderBy(desc(annualReports.year)) : [];
  const changes = ids.length ? await db.select().from(changeRequests).where(and(inArray(changeRequests.studioId, ids), eq(changeRequests.status, 'submitted'))) : [];
  const cases = ids.length ? await db.select().from(revocationCases).where(and(inArray(revocationCases.studioId, ids), eq(revocationCases.status, 'open'))) : [];
  const lines = ids.length || pIds.length ? await db.select().from(disbursements).where(eq(disbursements.unitId, caller.unitId)) : [];
  const unitName = rows[0]?.unitName ?? null;

  const studiosOut: WorkspaceStudio[] = rows.map((s) => {
    const edition = getEdition(s.editionId);
    const doc = edition?.documentNumber ?? null;
    const steps: NextStep[] = [];
    const active = s.status === 'active';
    const myReports = reports.filter((r) => r.studioId === s.id);
    const reportOf = (y: number) => myReports.find((r) => r.year === y);
    const reportLink = (y: number) => (reportOf(y) ? `/app/reports/${reportOf(y)!.id}` : '/app/reports');

    // Obligations of the edition, each with its next due date and state.
    const obligations: WorkspaceStudio['obligations'] = (edition?.obligations ?? []).map((o) => {
      const base = { id: o.id, text: o.text.zh, citation: cite(o.citation, edition) ?? '', inferred: o.citation.inferred ?? null, figure: null as number | null, minimum: o.minimum?.quantity ?? null, link: null as string | null };
      if (!o.due) return { ...base, nextDue: null, daysLeft: null, period: null, state: 'ongoing' as const, stateText: '持续履行' };
      let period = thisYear;
      let due = dueFor(o, period)!;
      if ('date' in o.due) period = yearOf(due);
      const r = reportOf(period);
      if (o.minimum) {
        // 顺义 第十三条: ≥100 person-times a year, the figure the year's report gives.
        const fig = r?.personTimes ?? null;
        const state = fig === null ? ('not-reported' as const) : fig >= o.minimum.quantity ? ('met' as const) : ('below' as const);
        const stateText = fig === null ? '本年度尚未报送人次' : `已报 ${fig} ${o.minimum.unit.zh}${state === 'met' ? '，已达标' : `，不足 ${o.minimum.quantity} ${o.minimum.unit.zh}`}`;
        return { ...base, nextDue: due, daysLeft: daysBetween(today, due), period, state, stateText, figure: fig, link: reportLink(period) };
      }
      if (o.id === 'annual-report') {
        const state = !r
          ? due < today
            ? ('overdue' as const)
            : ('not-started' as const)
          : DONE_REPORT.has(r.status)
            ? ('done' as const)
            : r.status === 'returned'
              ? ('returned' as const)
              : due < today
                ? ('overdue' as const)
                : ('in-progress' as const);
        const text = { done: r?.status === 'accepted' ? '已通过' : '已提交，待审核', returned: '已退回，待修改', 'not-started': '尚未填写', 'in-progress': '草稿已保存，尚未提交', overdue: '已逾期，尚未提交' }[state];
        return { ...base, nextDue: due, daysLeft: daysBetween(today, due), period, state, stateText: `${period}年度：${text}`, link: reportLink(period) };
      }
      if (due < today && 'yearly' in o.due) due = dueFor(o, ++period)!;
      return { ...base, nextDue: due, daysLeft: daysBetween(today, due), period, state: 'ongoing' as const, stateText: '按期履行' };
    });

    // Next steps: annual reports (last year's if still owed, then this year's).
    const annual = annualObligation(edition);
    if (annual && active) {
      for (const y of [thisYear - 1, thisYear]) {
        const due = dueFor(annual, y)!;
        if (s.recognizedOn > due) continue;
        const r = reportOf(y);
        if (r && DONE_REPORT.has(r.status)) continue;
        const days = daysBetween(today, due);
        const returned = r?.status === 'returned';
        steps.push({
          key: `report-${y}`,
          kind: 'annual-report',
          severity: days < 0 ? 'overdue' : days <= SOON_DAYS || returned ? 'soon' : 'todo',
          title: `${returned ? '修改并重新提交' : '提交'}${y}年度工作报告（截止 ${due}，${days < 0 ? `已逾期 ${-days} 天` : `还有 ${days} 天`}）`,
          detail: returned ? `审核意见：${r?.reviewComment ?? '见报告页'}` : r ? '草稿已保存，尚未提交' : annual.text.zh,
          dueOn: due,
          daysLeft: days,
          citation: cite(annual.citation, edition),
          link: reportLink(y),
        });
      }
      const pt = edition?.obligations.find((o) => o.minimum);
      if (pt?.minimum) {
        const fig = reportOf(thisYear)?.personTimes ?? null;
        if (fig === null || fig < pt.minimum.quantity)
          steps.push({
            key: `person-times-${thisYear}`,
            kind: 'person-times',
            severity: 'info',
            title: `本年度带动技艺提升和创新不少于 ${pt.minimum.quantity} ${pt.minimum.unit.zh}（${fig === null ? '尚未报送' : `已报 ${fig} ${pt.minimum.unit.zh}`}）`,
            detail: `在${thisYear}年度工作报告中填写人次`,
            dueOn: dueFor(pt, thisYear),
            daysLeft: daysBetween(today, dueFor(pt, thisYear)!),
            citation: cite(pt.citation, edition),
            link: reportLink(thisYear),
          });
      }
    }

    // Projects: closure reports and situation reports (第十二条).
    const delay = edition?.obligations.find((o) => o.id === 'project-delay-report');
    const projectsOut = projectRows
      .filter((p) => p.studioId === s.id)
      .sort((a, b) => (a.closeBy ?? '9').localeCompare(b.closeBy ?? '9'))
      .map((p) => {
        const latest = closures.find((c) => c.projectId === p.id);
        const days = p.closeBy ? daysBetween(today, p.closeBy) : null;
        const overdue = p.status === 'in-execution' && !!p.closeBy && p.closeBy < today && !latest;
        const link = `/app/projects/${p.id}`;
        if (p.status === 'in-execution' && latest?.status === 'returned')
          steps.push({ key: `closure-returned-${p.id}`, kind: 'closure-returned', severity: 'soon', title: `按退回意见修改并重新提交结项报告：${p.name}`, detail: null, dueOn: p.closeBy, daysLeft: days, citation: null, link });
        else if (p.status === 'in-execution' && !latest && days !== null && (days < 0 || days <= CLOSURE_SOON_DAYS)) {
          steps.push({
            key: `closure-${p.id}`,
            kind: 'closure',
            severity: days < 0 ? 'overdue' : days <= SOON_DAYS ? 'soon' : 'todo',
            title: `提交结项报告：${p.name}（截止 ${p.closeBy}，${days < 0 ? `已逾期 ${-days} 天` : `还有 ${days} 天`}）`,
            detail: '按计划书的成果和预期目标逐项说明完成情况并附证明材料',
            dueOn: p.closeBy,
            daysLeft: days,
            citation: null,
            link,
          });
          if (days < 0 && delay && !situations.some((x) => x.projectId === p.id))
            steps.push({ key: `situation-${p.id}`, kind: 'situation', severity: 'overdue', title: `补充情况说明：${p.name} 未能按时完成`, detail: delay.text.zh, dueOn: null, daysLeft: null, citation: cite(delay.citation, edition), link });
        }
        return { id: p.id, name: p.name, status: p.status, closeBy: p.closeBy, daysLeft: days, overdue, closureStatus: latest?.status ?? null, approvedAmount: p.approvedAmount, link };
      });

    // Open revocation cases: the unit is told, and asked to explain (第十八条).
    const myCases = cases
      .filter((c) => c.studioId === s.id)
      .map((c) => ({ id: c.id, trigger: edition?.revocationTriggers.find((t) => t.id === c.triggerId)?.text.zh ?? c.triggerId, citation: c.citation, raisedOn: c.raisedOn, summary: c.facts?.summary ?? '' }));
    for (const c of myCases)
      steps.push({ key: `case-${c.id}`, kind: 'revocation', severity: 'overdue', title: `就“${c.trigger}”补充情况说明`, detail: `${c.raisedOn} 发现：${c.summary}。请尽快与区人社局联系并提交情况说明，由业务主管部门决定是否取消称号。`, dueOn: null, daysLeft: null, citation: c.citation, link: null });

    const myChanges = changes
      .filter((c) => c.studioId === s.id)
      .map((c) => ({ id: c.id, kind: c.kind, status: c.status, submittedAt: c.submittedAt.toISOString(), citation: c.citation, link: `/app/changes/${c.id}` }));
    for (const c of myChanges)
      steps.push({ key: `change-${c.id}`, kind: 'change', severity: 'info', title: '变更申请审核中，请留意审核结果', detail: null, dueOn: null, daysLeft: null, citation: c.citation, link: c.link });

    const myLines = lines.filter((d) => d.studioId === s.id || (d.projectId && projectsOut.some((p) => p.id === d.projectId)));
    const money = {
      scheduled: myLines.reduce((n, d) => n + d.amount, 0),
      paid: myLines.reduce((n, d) => n + d.paidAmount, 0),
      awaiting: myLines.filter((d) => d.status === 'awaiting-condition').reduce((n, d) => n + d.amount, 0),
    };
    const order = { overdue: 0, soon: 1, todo: 2, info: 3 };
    steps.sort((a, b) => order[a.severity] - order[b.severity] || (a.daysLeft ?? 99999) - (b.daysLeft ?? 99999));
    if (!active)
      steps.unshift({
        key: 'status',
        kind: 'info',
        severity: 'info',
        title: `工作室${STUDIO_STATUS_ZH[s.status] ?? s.status}${s.revokedOn ? `（${s.revokedOn}）` : ''}`,
        detail: s.revocationReason ?? null,
        dueOn: null,
        daysLeft: null,
        citation: s.revocationArticle ?? null,
        link: null,
      });

    return {
      id: s.id,
      name: s.name,
      jurisdiction: s.jurisdictionId,
      jurisdictionName: jurs.find((j) => j.id === s.jurisdictionId)?.name ?? s.jurisdictionId,
      editionId: s.editionId,
      documentNumber: doc,
      level: s.level,
      status: s.status,
      leader: s.leaderName,
      occupation: s.occupation,
      recognizedOn: s.recognizedOn,
      plaqueNumber: s.plaqueNumber,
      address: s.address,
      obligations,
      projects: projectsOut,
      reports: myReports.map((r) => ({ id: r.id, year: r.year, status: r.status, dueOn: r.dueOn, personTimes: r.personTimes, late: r.late, link: `/app/reports/${r.id}` })),
      changes: myChanges,
      revocationCases: myCases,
      money,
      nextSteps: steps,
    };
  });
  return { asOf: today, unitName, studios: studiosOut };
}

