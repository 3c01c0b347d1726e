import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { auditEvents } from '../../db/schema';
import { projects } from '../../db/schema/funding';
import { fixedAssets, fundExpenditures } from '../../db/schema/lifecycle';
import { seedProject, studioOf } from './fund-use.test-helpers';

const clock = testClock('2026-09-20T02:00:00Z'); // 10:00 Beijing time, inside the seeded project period (07-01 … 10-31)
let t: TestApp;
const cookies: Record<string, string> = {};
const as = async (user: string) => (cookies[user] ??= await t.login(user));

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
}, 180_000);
afterAll(() => t?.close());

const spend = (body: Record<string, unknown>) => ({ budgetLine: '人才培训：实训耗材及刀具', category: 'training', amount: 3_000, spentOn: '2026-08-10', description: '刀具 20 把', ...body });
const post = async (url: string, user: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie: await as(user) }, payload: payload as Record<string, unknown> });
const get = async (url: string, user: string) => t.app.inject({ method: 'GET', url, headers: { cookie: await as(user) } });
const counts = async () => {
  const [e] = await t.database.db.select({ n: count() }).from(fundExpenditures);
  const [a] = await t.database.db.select({ n: count() }).from(fixedAssets);
  const [v] = await t.database.db.select({ n: count() }).from(auditEvents);
  return [Number(e.n), Number(a.n), Number(v.n)];
};

describe('[FUND-USE] 京兴人社发〔2025〕21号 第十五条: 经费用于设备设施更新完善、技术技能创新研发、技能人才交流推广、人才培训', () => {
  it('records spending on a line of the plan’s 经费计划 in a 第十五条 category; refuses a missing or foreign category and a line not in the plan', async () => {
    const id = await seedProject(t.database.db);
    const ok = await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({}));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().expenditure).toMatchObject({ budgetLine: '人才培训：实训耗材及刀具', category: 'training', categoryName: '人才培训', amount: 3000 });
    expect(ok.json().warnings).toEqual([]);

    const before = await counts();
    const missing = await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({ category: undefined }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('CATEGORY_REQUIRED');
    expect(missing.json().error.message).toContain('第十五条');
    expect(missing.json().error.fields.category).toBeTruthy();
    // 顺义's 技艺展示 is not a 大兴 category.
    const foreign = await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({ category: 'showcase' }));
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([400, 'CATEGORY_INVALID']);
    const line = await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({ budgetLine: '差旅费' }));
    expect([line.statusCode, line.json().error.code]).toEqual([400, 'BUDGET_LINE_NOT_IN_PLAN']);
    expect(line.json().error.fields.budgetLine).toContain('设备设施更新完善：刀具预调仪');
    expect(await counts()).toEqual(before);

    const use = (await get(`/api/projects/${id}/fund-use`, 'unit-a')).json();
    expect(use.rule.citation).toBe('京兴人社发〔2025〕21号 第十五条');
    expect(use.categories.map((c: { name: string }) => c.name)).toEqual(['设备设施更新完善', '技术技能创新研发', '技能人才交流推广', '人才培训']);
    expect(use.categories.find((c: { id: string }) => c.id === 'training')).toMatchObject({ planned: 20_000, spent: 3_000, over: 0 });
    expect(use.lines.map((l: { line: string }) => l.line)).toEqual(['人才培训：实训耗材及刀具', '技能人才交流推广：案例集编印 300 册', '设备设施更新完善：刀具预调仪']);
    expect(use).toMatchObject({ planned: 45_000, spent: 3_000, remaining: 42_000, over: 0, canRecord: true });
  });

  it('refuses zero, negative and fractional amounts (whole 元) and writes nothing', async () => {
    const id = await seedProject(t.database.db);
    const before = await counts();
    for (const amount of [0, -100, 12.5]) {
      const res = await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({ amount }));
      expect(res.statusCode, `${amount}`).toBe(400);
      expect(res.json().error.fields.amount).toBeTruthy();
    }
    expect(await counts()).toEqual(before);
  });
});

describe('[FUND-USE] over-spending is recorded and flagged with the amount over', () => {
  it('flags a line over its plan and the whole over the approved amount (第十四条)', async () => {
    const id = await seedProject(t.database.db, { approvedAmount: 30_000 });
    const line = '设备设施更新完善：刀具预调仪';
    expect((await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({ budgetLine: line, category: 'equipment', amount: 12_000 }))).json().warnings).toEqual([]);
    const over = await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({ budgetLine: line, category: 'equipment', amount: 5_000 }));
    expect(over.statusCode, over.body).toBe(201);
    expect(over.json().warnings).toEqual([expect.stringContaining('已超出计划 2,000 元')]);
    const use = (await get(`/api/projects/${id}/fund-use`, 'unit-a')).json();
    expect(use.lines.find((l: { line: string }) => l.line === line)).toMatchObject({ planned: 15_000, spent: 17_000, remaining: -2_000, over: 2_000 });
    expect(use.categories.find((c: { id: string }) => c.id === 'equipment')).toMatchObject({ planned: 15_000, spent: 17_000, over: 2_000 });

    const big = await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({ amount: 15_000 }));
    expect(big.statusCode).toBe(201);
    expect(big.json().warnings).toContainEqual(expect.stringContaining('超出核定金额 30,000 元 共 2,000 元'));
    const after = (await get(`/api/projects/${id}/fund-use`, 'unit-a')).json();
    expect(after).toMatchObject({ granted: { amount: 30_000 }, spent: 32_000, over: 2_000, remaining: -2_000 });
    expect(after.granted.basis).toContain('第十四条');
  });
});

describe('[FUND-USE] 第十五条: 涉及固定资产项目支出的，按照固定资产财务管理办法登记造册', () => {
  const asset = { assetNumber: 'GZ-2026-001', name: '刀具预调仪', model: 'ZOLLER smile 400', quantity: 1, unitPrice: 14_800, location: '工作室实训车间', custodian: '赵德明', acquiredOn: '2026-08-20' };
  const purchase = (a: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) =>
    spend({ budgetLine: '设备设施更新完善：刀具预调仪', category: 'equipment', amount: 14_800, spentOn: '2026-08-20', description: '采购刀具预调仪 1 台', isFixedAsset: true, asset: a, ...extra });

  it('refuses a fixed asset without its register entry, or whose quantity × unit price is not the amount; registers it in the same request', async () => {
    const id = await seedProject(t.database.db);
    const before = await counts();
    const none = await post(`/api/projects/${id}/expenditures`, 'unit-a', purchase(undefined));
    expect([none.statusCode, none.json().error.code]).toEqual([400, 'FIXED_ASSET_REGISTER_REQUIRED']);
    expect(none.json().error.message).toContain('京兴人社发〔2025〕21号 第十五条');
    expect(none.json().error.fields.asset).toBeTruthy();
    const mismatch = await post(`/api/projects/${id}/expenditures`, 'unit-a', purchase({ ...asset, quantity: 2 }));
    expect([mismatch.statusCode, mismatch.json().error.code]).toEqual([400, 'ASSET_AMOUNT_MISMATCH']);
    expect(mismatch.json().error.fields['asset.unitPrice']).toBeTruthy();
    const unticked = await post(`/api/projects/${id}/expenditures`, 'unit-a', purchase(asset, { isFixedAsset: false }));
    expect([unticked.statusCode, unticked.json().error.code]).toEqual([400, 'NOT_A_FIXED_ASSET']);
    expect(await counts()).toEqual(before);

    const ok = await post(`/api/projects/${id}/expenditures`, 'unit-a', purchase(asset));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().asset).toMatchObject({ assetNumber: 'GZ-2026-001', quantity: 1, unitPrice: 14_800, amount: 14_800, custodian: '赵德明' });
    expect(ok.json().expenditure).toMatchObject({ isFixedAsset: true, assetNumber: 'GZ-2026-001' });
    const actions = (await t.database.db.select({ action: auditEvents.action }).from(auditEvents)).map((e) => e.action);
    expect(actions).toContain('fund.asset_registered');
    expect(actions).toContain('fund.expenditure_recorded');
    const use = (await get(`/api/projects/${id}/fund-use`, 'daxing-officer')).json();
    expect(use.assets).toEqual([expect.objectContaining({ assetNumber: 'GZ-2026-001', name: '刀具预调仪', location: '工作室实训车间' })]);

    // The asset number is unique within the unit, across its projects and studio.
    const other = await seedProject(t.database.db);
    const dup = await post(`/api/projects/${other}/expenditures`, 'unit-a', purchase(asset));
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'ASSET_NUMBER_TAKEN']);
  });
});

describe('[FUND-USE] project money is spent inside the project period (2026年通知 二（二）3)', () => {
  it('refuses a date before or after the period and a future date, naming the field', async () => {
    const id = await seedProject(t.database.db, { periodStart: '2026-07-01', periodEnd: '2026-09-15' });
    const before = await counts();
    for (const spentOn of ['2026-06-30', '2026-09-16']) {
      const res = await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({ spentOn }));
      expect([res.statusCode, res.json().error.code], spentOn).toEqual([400, 'SPENT_OUTSIDE_PERIOD']);
      expect(res.json().error.fields.spentOn).toContain('2026-07-01');
    }
    const open = await seedProject(t.database.db, { periodEnd: null });
    const future = await post(`/api/projects/${open}/expenditures`, 'unit-a', spend({ spentOn: '2026-09-21' }));
    expect([future.statusCode, future.json().error.code]).toEqual([400, 'SPENT_IN_FUTURE']);
    expect(await counts()).toEqual(before);
    expect((await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({ spentOn: '2026-09-15' }))).statusCode).toBe(201);
  });
});

describe('[FUND-USE] removing an entry', () => {
  it('the unit removes its own entry with its register entry; another unit 404, an officer 403; not after the closure is assessed (409)', async () => {
    const id = await seedProject(t.database.db);
    const rec = await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({ budgetLine: '设备设施更新完善：刀具预调仪', category: 'equipment', amount: 2_400, isFixedAsset: true, asset: { assetNumber: 'GZ-DEL-1', name: '对刀仪', quantity: 2, unitPrice: 1_200, acquiredOn: '2026-08-10' } }));
    expect(rec.statusCode, rec.body).toBe(201);
    const expId = rec.json().expenditure.id;
    const del = async (user: string, eid = expId) => t.app.inject({ method: 'DELETE', url: `/api/expenditures/${eid}`, headers: { cookie: await as(user) } });
    expect((await del('unit-b')).statusCode).toBe(404);
    expect((await del('daxing-officer')).statusCode).toBe(403);
    const gone = await del('unit-a');
    expect(gone.statusCode, gone.body).toBe(204);
    expect(await t.database.db.select().from(fixedAssets).where(eq(fixedAssets.expenditureId, expId))).toEqual([]);
    const [ev] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'fund.expenditure_removed'));
    expect(ev.entityId).toBe(id);
    expect((await del('unit-a')).statusCode).toBe(404);

    const kept = (await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({}))).json().expenditure.id;
    await t.database.db.update(projects).set({ status: 'passed' }).where(eq(projects.id, id));
    const locked = await del('unit-a', kept);
    expect([locked.statusCode, locked.json().error.code]).toEqual([409, 'PROJECT_ASSESSED']);
    const late = await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({}));
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'PROJECT_ASSESSED']);
    const use = (await get(`/api/projects/${id}/fund-use`, 'unit-a')).json();
    expect([use.canRecord, use.lockedReason]).toEqual([false, expect.stringContaining('结项评估')]);
  });
});

describe('[FUND-USE] scope: the unit its own; officers, inspector and finance of the jurisdiction read', () => {
  it('another unit and another jurisdiction get 404; 大兴 officer, inspector and finance read without recording; an officer may not write', async () => {
    const id = await seedProject(t.database.db);
    for (const user of ['unit-b', 'unit-c', 'etdz-officer', 'shunyi-officer']) expect((await get(`/api/projects/${id}/fund-use`, user)).statusCode, user).toBe(404);
    for (const user of ['daxing-officer', 'daxing-inspector', 'daxing-finance']) {
      const res = await get(`/api/projects/${id}/fund-use`, user);
      expect(res.statusCode, user).toBe(200);
      expect(res.json().canRecord).toBe(false);
    }
    expect((await post(`/api/projects/${id}/expenditures`, 'unit-b', spend({}))).statusCode).toBe(404);
    expect((await post(`/api/projects/${id}/expenditures`, 'daxing-officer', spend({}))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/projects/${id}/fund-use` })).statusCode).toBe(401);
    expect((await get(`/api/projects/does-not-exist/fund-use`, 'unit-a')).statusCode).toBe(404);
  });

  it('exports lines, spending and the register with Chinese headers', async () => {
    const id = await seedProject(t.database.db);
    await post(`/api/projects/${id}/expenditures`, 'unit-a', spend({ description: '=HYPERLINK("x")' }));
    const res = await get(`/api/projects/${id}/fund-use.xlsx`, 'daxing-finance');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('经费使用'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['预算执行', '类别汇总', '支出明细', '固定资产登记', '说明']);
    expect(wb.getWorksheet('固定资产登记')!.getRow(1).getCell(1).value).toBe('资产编号');
    expect(wb.getWorksheet('支出明细')!.getRow(2).getCell(6).value).toBe(`'=HYPERLINK("x")`);
    expect((await get(`/api/projects/${id}/fund-use.xlsx`, 'unit-b')).statusCode).toBe(404);
  });
});

describe('[FUND-USE] studio money: each district’s own categories, none carried over', () => {
  it('顺义 征求意见稿 第八条: 技能培训、技术交流、技艺展示、师资培养进修、技术研发; the 10 万元 support is the granted amount', async () => {
    const studio = await studioOf(t.database.db, 'unit-c');
    const ok = await post(`/api/studios/${studio}/expenditures`, 'unit-c', { budgetLine: '民航维修技艺展示', category: 'showcase', amount: 8_000, spentOn: '2026-09-01', description: '技能展示周展台搭建' });
    expect(ok.statusCode, ok.body).toBe(201);
    const daxing = await post(`/api/studios/${studio}/expenditures`, 'unit-c', { budgetLine: '设备', category: 'equipment', amount: 8_000, spentOn: '2026-09-01', description: '设备' });
    expect([daxing.statusCode, daxing.json().error.code]).toEqual([400, 'CATEGORY_INVALID']);
    expect(daxing.json().error.message).toContain('第八条');
    const use = (await get(`/api/studios/${studio}/fund-use`, 'shunyi-officer')).json();
    expect(use.rule.citation).toContain('第八条');
    expect(use.categories.map((c: { name: string }) => c.name)).toEqual(['技能培训', '技术交流', '技艺展示', '师资培养进修', '技术研发']);
    expect(use.granted.amount).toBe(100_000);
    expect(use.lines).toContainEqual(expect.objectContaining({ line: '民航维修技艺展示', category: 'showcase', planned: null, spent: 8_000, inPlan: false }));
    expect((await get(`/api/studios/${studio}/fund-use`, 'daxing-officer')).statusCode).toBe(404);
    expect((await post(`/api/studios/${studio}/expenditures`, 'unit-a', { budgetLine: 'x', amount: 1, spentOn: '2026-09-01', description: 'x' })).statusCode).toBe(404);
  });

  it('经开区 names no categories: a free budget line is recorded uncategorised; a category is refused', async () => {
    const studio = await studioOf(t.database.db, 'unit-b');
    const withCategory = await post(`/api/studios/${studio}/expenditures`, 'unit-b', { budgetLine: '机器人实训耗材', category: 'training', amount: 6_000, spentOn: '2026-09-02', description: '示教器保护套等' });
    expect([withCategory.statusCode, withCategory.json().error.code]).toEqual([400, 'CATEGORY_NOT_APPLICABLE']);
    const ok = await post(`/api/studios/${studio}/expenditures`, 'unit-b', { budgetLine: '机器人实训耗材', amount: 6_000, spentOn: '2026-09-02', description: '示教器保护套等' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().expenditure).toMatchObject({ category: null, categoryName: null });
    const use = (await get(`/api/studios/${studio}/fund-use`, 'unit-b')).json();
    expect([use.rule, use.categories]).toEqual([null, []]);
    expect(use.lines).toContainEqual(expect.objectContaining({ line: '机器人实训耗材', category: null, spent: 6_000 }));
    // 京技管发〔2024〕1号 第十四条: the 20 万元 grant on recognition, with the award of the municipal title.
    expect(use.granted.basis).toContain('第十四条');
  });
});
