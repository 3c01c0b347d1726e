import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { DEMO_PASSWORD } from '../../demo/seed';
import { applications, auditEvents, calls, jurisdictions, studios, units, userRoles, users } from '../../db/schema';
import { disbursements, projects } from '../../db/schema/funding';
import { annualReports, changeRequests, projectClosures, revocationCases } from '../../db/schema/lifecycle';
import { hashPassword } from '../accounts/accounts.service';

/**
 * The studios dashboard and the unit's workspace, counted against rows inserted here in a jurisdiction of the test's
 * own (测试区, under 京兴人社发〔2025〕21号's rules), so the demo data of the other modules cannot move the numbers.
 * Today is Monday 2026-11-23 in Beijing.
 */
const clock = testClock('2026-11-23T02:00:00Z');
const J = 'testzone';
const ED = 'daxing-2025';
let t: TestApp;
let officer: string;
let unit: string;
const ids = { s1: randomUUID(), s2: randomUUID(), s3: randomUUID(), s4: randomUUID(), p1: randomUUID(), p2: randomUUID(), p3: randomUUID(), p4: randomUUID(), r2025: randomUUID(), c1: randomUUID(), cr: randomUUID() };
const at = (d: string) => new Date(`${d}T02:00:00Z`);

async function seed() {
  const db = t.database.db;
  const now = clock.now();
  await db.insert(jurisdictions).values({ id: J, nameZh: '测试区', nameEn: 'Test district' });
  const unitId = randomUUID();
  await db.insert(units).values({ id: unitId, name: '测试精工有限公司', creditCode: `91110000TEST${randomUUID().slice(0, 6)}`, jurisdictionId: J });
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const [username, role, u] of [['tz-officer', 'program', null], ['tz-unit', 'applicant', unitId]] as const) {
    const id = randomUUID();
    await db.insert(users).values({ id, username, displayName: username, passwordHash: hash, unitId: u });
    await db.insert(userRoles).values({ userId: id, role, jurisdictionId: J });
  }
  const studio = (id: string, o: { name: string; occupation: string; level: string; status: string; recognizedOn: string; mine: boolean }) => ({
    id,
    jurisdictionId: J,
    editionId: ED,
    name: o.name,
    unitId: o.mine ? unitId : null,
    unitName: o.mine ? '测试精工有限公司' : '别的测试单位',
    leaderName: o.name.slice(3, 6),
    occupation: o.occupation,
    level: o.level,
    recognizedOn: o.recognizedOn,
    recognizedYear: Number(o.recognizedOn.slice(0, 4)),
    status: o.status,
    teamSize: 4,
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(studios).values([
    studio(ids.s1, { name: '测试区赵一明数控铣工技能大师工作室', occupation: '数控铣工', level: 'national', status: 'active', recognizedOn: '2024-05-10', mine: true }),
    studio(ids.s2, { name: '测试区钱二林焊工技能大师工作室', occupation: '焊工', level: 'district', status: 'active', recognizedOn: '2026-03-01', mine: true }),
    studio(ids.s3, { name: '测试区孙三木焊工技能大师工作室', occupation: '焊工', level: 'district', status: 'revoked', recognizedOn: '2023-01-01', mine: false }),
    studio(ids.s4, { name: '测试区李四海电工技能大师工作室', occupation: '电工', level: 'district', status: 'active', recognizedOn: '2025-01-10', mine: false }),
  ]);
  const project = async (id: string, studioId: string, o: { name: string; status: string; closeBy: string; decidedOn: string }) => {
    // One call per project: a unit files once per call.
    const callId = randomUUID();
    await db.insert(calls).values({ id: callId, jurisdictionId: J, editionId: ED, program: 'construction-project', title: `测试区建设项目 ${o.name}`, year: Number(o.decidedOn.slice(0, 4)), opensAt: at('2026-01-01'), closesAt: at('2026-02-01'), contacts: [{ phone: '010-00000000' }], noticeText: '测试', createdAt: now });
    const appId = randomUUID();
    await db.insert(applications).values({ id: appId, number: `TZ-${id.slice(0, 8)}`, callId, unitId, jurisdictionId: J, program: 'construction-project', status: 'approved', title: o.name, createdAt: now, updatedAt: now });
    await db.insert(projects).values({ id, applicationId: appId, jurisdictionId: J, editionId: ED, unitId, studioId, name: o.name, baseline: {}, approvedAmount: 50_000, closeBy: o.closeBy, status: o.status, decidedOn: o.decidedOn, createdAt: now, updatedAt: now });
  };
  await project(ids.p1, ids.s1, { name: '五轴数控铣削工艺优化', status: 'in-execution', closeBy: '2026-10-31', decidedOn: '2026-03-20' });
  await project(ids.p2, ids.s2, { name: '薄板焊接变形控制', status: 'in-execution', closeBy: '2026-12-20', decidedOn: '2026-03-20' });
  await project(ids.p3, ids.s1, { name: '数控铣工实训课程开发', status: 'passed', closeBy: '2025-10-31', decidedOn: '2025-03-01' });
  await project(ids.p4, ids.s2, { name: '焊接机器人示教编程', status: 'closure-submitted', closeBy: '2026-10-15', decidedOn: '2026-03-20' });
  await db.insert(projectClosures).values({ id: randomUUID(), projectId: ids.p4, version: 1, summary: '已完成', deliverables: [], status: 'submitted', submittedAt: at('2026-10-10') });

  const line = (o: Partial<typeof disbursements.$inferInsert> & { kind: string; amount: number; status: string }) => ({
    id: randomUUID(),
    jurisdictionId: J,
    editionId: ED,
    program: o.kind === 'award' ? 'studio-recognition' : 'construction-project',
    unitId,
    unitName: '测试精工有限公司',
    purpose: '测试',
    citation: '京兴人社发〔2025〕21号 第十四条',
    createdAt: now,
    updatedAt: now,
    ...o,
  });
  await db.insert(disbursements).values([
    line({ kind: 'capped', amount: 50_000, paidAmount: 50_000, status: 'paid', dueOn: '2025-12-01', studioId: ids.s1, projectId: ids.p3 }),
    line({ kind: 'capped', amount: 50_000, status: 'awaiting-condition', dueOn: null, studioId: ids.s1, projectId: ids.p1, createdAt: at('2026-03-20') }),
    line({ kind: 'award', amount: 100_000, paidAmount: 40_000, status: 'partially-paid', dueOn: '2026-06-01', studioId: ids.s1 }),
  ]);

  const report = (id: string, studioId: string, year: number, status: string) => ({ id, studioId, jurisdictionId: J, editionId: ED, year, dueOn: `${year}-12-31`, status, createdAt: now, updatedAt: now });
  await db.insert(annualReports).values([
    { ...report(ids.r2025, ids.s1, 2025, 'returned'), reviewComment: '请补充带徒情况' },
    report(randomUUID(), ids.s1, 2026, 'draft'),
  ]);
  const kase = (id: string, studioId: string, triggerId: string, status: string) => ({
    id,
    studioId,
    jurisdictionId: J,
    editionId: ED,
    triggerId,
    citation: '京兴人社发〔2025〕21号 第十八条（一）',
    facts: { summary: '2025、2026 年均未申报建设项目', details: {} },
    raisedBy: 'system',
    raisedOn: '2026-11-01',
    status,
    createdAt: now,
  });
  await db.insert(revocationCases).values([
    kase(ids.c1, ids.s1, 'no-project-two-years', 'open'),
    kase(randomUUID(), ids.s4, 'no-work-over-a-year', 'open'),
    kase(randomUUID(), ids.s3, 'leader-stopped', 'revoked'),
  ]);
  await db.insert(changeRequests).values({
    id: ids.cr,
    studioId: ids.s2,
    jurisdictionId: J,
    editionId: ED,
    ruleId: 'unit-renamed',
    kind: 'unit-renamed',
    citation: '京兴人社发〔2025〕21号 第十七条',
    before: { unitName: '测试精工有限公司' },
    requested: { unitName: '测试精工科技有限公司' },
    reason: '工商变更',
    status: 'submitted',
    submittedAt: at('2026-11-10'),
  });
}

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  await seed();
  officer = await t.login('tz-officer');
  unit = await t.login('tz-unit');
});
afterAll(() => t?.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const count = (rows: { key: string; count: number }[], key: string) => rows.find((r) => r.key === key)?.count ?? 0;

describe('[DASHBOARD] 工作室管理统计 of the officer’s jurisdiction', () => {
  it('counts studios by status, occupation and level; projects by stage with the overdue ones (第十二条)', async () => {
    const res = await get('/api/dashboards/studios', officer);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.asOf).toBe('2026-11-23');
    expect(d.jurisdictions).toEqual([{ id: J, name: '测试区' }]);
    expect([count(d.studiosByStatus, 'active'), count(d.studiosByStatus, 'revoked')]).toEqual([3, 1]);
    expect(d.studiosByOccupation[0]).toMatchObject({ key: '焊工', count: 2 });
    expect([count(d.studiosByLevel, 'district'), count(d.studiosByLevel, 'municipal'), count(d.studiosByLevel, 'national')]).toEqual([3, 0, 1]);
    expect(['in-execution', 'closure-submitted', 'passed', 'failed', 'overdue'].map((k) => count(d.projectsByStage, k))).toEqual([2, 1, 1, 0, 1]);
    expect(d.overdueProjects).toEqual([expect.objectContaining({ projectId: ids.p1, closeBy: '2026-10-31', daysOverdue: 23, hasSituationReport: false, link: `/app/projects/${ids.p1}` })]);
    expect(d.studios).toHaveLength(4);
    expect(d.studios.find((s: { id: string }) => s.id === ids.s2).awards).toEqual([
      { level: 'municipal', amount: 50_000, citation: '京兴人社发〔2025〕21号 第十三条' },
      { level: 'national', amount: 100_000, citation: '京兴人社发〔2025〕21号 第十三条' },
    ]);
  });

  it('sums money approved and paid per year of due_on (else of scheduling) and by kind (第十三条, 第十四条)', async () => {
    const d = (await get('/api/dashboards/studios', officer)).json();
    expect(d.moneyByYear).toEqual([
      { year: 2025, approved: 50_000, paid: 50_000, byKind: [{ kind: 'capped', approved: 50_000, paid: 50_000 }] },
      {
        year: 2026,
        approved: 150_000,
        paid: 40_000,
        byKind: [
          { kind: 'capped', approved: 50_000, paid: 0 },
          { kind: 'award', approved: 100_000, paid: 40_000 },
        ],
      },
    ]);
    expect([d.totals.approved, d.totals.paid]).toEqual([200_000, 90_000]);
  });

  it('counts annual reports of this year and last by status, overdue after due_on (第十九条（三）: 每年12月末)', async () => {
    const d = (await get('/api/dashboards/studios', officer)).json();
    const [y2026, y2025] = d.reports;
    expect(y2026).toMatchObject({ year: 2026, dueOn: '2026-12-31', expected: 3, overdue: 0 });
    expect([count(y2026.byStatus, 'draft'), count(y2026.byStatus, 'missing')]).toEqual([1, 2]);
    // The revoked studio owes nothing; the 2026 studio owes no 2025 report.
    expect(y2025).toMatchObject({ year: 2025, expected: 2, overdue: 2 });
    expect([count(y2025.byStatus, 'returned'), count(y2025.byStatus, 'missing')]).toEqual([1, 1]);
    expect(d.overdueReports.map((r: { studioId: string; status: string; daysOverdue: number }) => [r.studioId, r.status, r.daysOverdue])).toEqual(
      expect.arrayContaining([
        [ids.s1, 'returned', 327],
        [ids.s4, 'missing', 327],
      ]),
    );
    expect(d.totals.reportsOverdue).toBe(2);
  });

  it('counts open revocation cases by trigger (第十八条) and lists them', async () => {
    const d = (await get('/api/dashboards/studios', officer)).json();
    expect(d.casesByTrigger.map((c: { key: string; count: number }) => [c.key, c.count]).sort()).toEqual([
      ['no-project-two-years', 1],
      ['no-work-over-a-year', 1],
    ]);
    expect(d.casesByTrigger.find((c: { key: string }) => c.key === 'no-project-two-years').label).toBe('连续两年未申报建设项目的');
    expect(d.openCases).toHaveLength(2);
    expect(d.openCases.find((c: { caseId: string }) => c.caseId === ids.c1)).toMatchObject({ studioId: ids.s1, link: `/app/revocations/${ids.c1}` });
  });

  it('filters by year: studios recognised by then, money and projects of that year, reports of that year and the one before', async () => {
    const d = (await get('/api/dashboards/studios?year=2025', officer)).json();
    expect(d.year).toBe(2025);
    expect(d.totals.studios).toBe(3);
    expect(d.moneyByYear.map((m: { year: number }) => m.year)).toEqual([2025]);
    expect(count(d.projectsByStage, 'passed')).toBe(1);
    expect(count(d.projectsByStage, 'in-execution')).toBe(0);
    expect(d.reports.map((r: { year: number }) => r.year)).toEqual([2025, 2024]);
    const bad = await get('/api/dashboards/studios?year=abc', officer);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeTruthy();
  });

  it('scopes by jurisdiction: another jurisdiction’s officer sees none of these rows, and may not ask for them', async () => {
    const dx = await t.login('daxing-officer');
    const d = (await get('/api/dashboards/studios', dx)).json();
    expect(d.jurisdictions.map((j: { id: string }) => j.id)).toEqual(['daxing']);
    const seen = JSON.stringify(d);
    for (const id of Object.values(ids)) expect(seen).not.toContain(id);
    expect((await get(`/api/dashboards/studios?jurisdiction=${J}`, dx)).statusCode).toBe(404);
    expect((await get('/api/dashboards/studios', unit)).statusCode).toBe(403);
    expect((await get('/api/dashboards/studios', await t.login('daxing-inspector'))).statusCode).toBe(200);
  });

  it('exports the same numbers to Excel, one sheet per chart, and audits the export', async () => {
    const res = await get(`/api/dashboards/studios.xlsx?jurisdiction=${J}`, officer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('工作室管理统计-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '工作室状态', '职业分布', '称号级别', '项目阶段', '经费拨付', '年度报告', '取消称号案件', '逾期年度报告', '逾期项目', '未结案件', '工作室名录']);
    const money = wb.getWorksheet('经费拨付')!;
    expect(money.getRow(1).values).toContain('计划拨付（元）');
    expect((money.getRow(3).values as unknown[]).slice(1, 4)).toEqual([2026, 150_000, 40_000]);
    expect(wb.getWorksheet('工作室名录')!.rowCount).toBe(5);
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'dashboard.exported'), eq(auditEvents.jurisdictionId, J)));
    expect(events).toHaveLength(1);
  });
});

describe('[WORKSPACE] 我的工作室: what the unit owes and what to do next', () => {
  it('lists only the unit’s own studios with obligations, projects, reports, changes, cases and money', async () => {
    const res = await get('/api/unit/studio-workspace', unit);
    expect(res.statusCode, res.body).toBe(200);
    const w = res.json();
    expect(w.unitName).toBe('测试精工有限公司');
    expect(w.studios.map((s: { id: string }) => s.id).sort()).toEqual([ids.s1, ids.s2].sort());
    const s1 = w.studios.find((s: { id: string }) => s.id === ids.s1);
    const annual = s1.obligations.find((o: { id: string }) => o.id === 'annual-report');
    expect(annual).toMatchObject({ nextDue: '2026-12-31', daysLeft: 38, period: 2026, state: 'in-progress', citation: '京兴人社发〔2025〕21号 第十九条（三）' });
    expect(s1.money).toEqual({ scheduled: 200_000, paid: 90_000, awaiting: 50_000 });
    expect(s1.revocationCases).toEqual([expect.objectContaining({ id: ids.c1, trigger: '连续两年未申报建设项目的' })]);
    const s2 = w.studios.find((s: { id: string }) => s.id === ids.s2);
    expect(s2.changes).toEqual([expect.objectContaining({ id: ids.cr, status: 'submitted', link: `/app/changes/${ids.cr}` })]);
    expect(s2.projects.map((p: { id: string }) => p.id)).toEqual([ids.p4, ids.p2]);
  });

  it('computes the next steps: reports (第十九条（三）), closure and situation reports (第十二条), the open case (第十八条)', async () => {
    const w = (await get('/api/unit/studio-workspace', unit)).json();
    const s1 = w.studios.find((s: { id: string }) => s.id === ids.s1);
    const titles = s1.nextSteps.map((s: { title: string }) => s.title);
    expect(titles).toContain('修改并重新提交2025年度工作报告（截止 2025-12-31，已逾期 327 天）');
    expect(titles).toContain('提交2026年度工作报告（截止 2026-12-31，还有 38 天）');
    expect(titles).toContain('提交结项报告：五轴数控铣削工艺优化（截止 2026-10-31，已逾期 23 天）');
    expect(titles).toContain('补充情况说明：五轴数控铣削工艺优化 未能按时完成');
    expect(titles).toContain('就“连续两年未申报建设项目的”补充情况说明');
    expect(s1.nextSteps[0].severity).toBe('overdue');
    expect(s1.nextSteps.find((s: { key: string }) => s.key === 'report-2025')).toMatchObject({ link: `/app/reports/${ids.r2025}`, detail: '审核意见：请补充带徒情况' });
    const s2 = w.studios.find((s: { id: string }) => s.id === ids.s2);
    const s2titles = s2.nextSteps.map((s: { title: string }) => s.title);
    expect(s2titles).toContain('提交结项报告：薄板焊接变形控制（截止 2026-12-20，还有 27 天）');
    expect(s2titles).toContain('提交2026年度工作报告（截止 2026-12-31，还有 38 天）');
    // Recognised in 2026: no 2025 report owed; the project with a closure report asks nothing.
    expect(s2titles.some((x: string) => x.includes('2025年度'))).toBe(false);
    expect(s2titles.some((x: string) => x.includes('焊接机器人示教编程'))).toBe(false);
  });

  it('shows a unit only its own workspace; officers may not call it', async () => {
    const a = (await get('/api/unit/studio-workspace', await t.login('unit-a'))).json();
    const seen = JSON.stringify(a);
    for (const id of Object.values(ids)) expect(seen).not.toContain(id);
    expect((await get('/api/unit/studio-workspace', officer)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/unit/studio-workspace' })).statusCode).toBe(401);
  });
});
