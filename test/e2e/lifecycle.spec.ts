import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, calls } from '../../src/server/db/schema';
import { projects } from '../../src/server/db/schema/funding';
import { shanghaiDate } from '../../src/shared/time';
import { testClock } from '../helpers/app';
import { hasChromium, launchBrowser, signInAs, startE2EServer, type E2EServer } from '../helpers/browser';

// The server's clock is now (the browser keeps the session cookie only while it is valid by its own clock).
const clock = testClock(new Date());
const daysAgo = (n: number) => shanghaiDate(new Date(clock.now().getTime() - n * 86_400_000));
const SHOTS = process.env.SHOTS; // a folder: save screenshots there to look at them

describe.skipIf(!hasChromium)('[LIFECYCLE] studio dashboards and the unit workspace in the browser', () => {
  let server: E2EServer;
  let browser: Browser;
  const projectName = '数控铣削工艺数字化改造（演示逾期）';
  beforeAll(async () => {
    server = await startE2EServer({ now: clock.now });
    browser = await launchBrowser();
    // A project of unit-a's studio past its closing date with no closure report (京兴人社发〔2025〕21号 第十二条), so
    // the dashboard lists it and the unit has something to do, whatever the rest of the demo holds.
    const db = server.database.db;
    const r = (await db.execute(sql`select s.id, s.unit_id from studios s join users u on u.unit_id = s.unit_id where u.username = 'unit-a' and s.status = 'active' order by s.recognized_on limit 1`)) as unknown as {
      rows: { id: string; unit_id: string }[];
    };
    const { id: studioId, unit_id: unitId } = r.rows[0];
    const now = clock.now();
    const callId = randomUUID();
    await db.insert(calls).values({ id: callId, jurisdictionId: 'daxing', editionId: 'daxing-2025', program: 'construction-project', title: '浏览器测试批次', year: 2026, opensAt: now, closesAt: now, contacts: [{ phone: '010-00000000' }], noticeText: '测试', createdAt: now });
    const appId = randomUUID();
    await db.insert(applications).values({ id: appId, number: `E2E-${appId.slice(0, 8)}`, callId, unitId, jurisdictionId: 'daxing', program: 'construction-project', status: 'approved', title: projectName, createdAt: now, updatedAt: now });
    await db.insert(projects).values({ id: randomUUID(), applicationId: appId, jurisdictionId: 'daxing', editionId: 'daxing-2025', unitId, studioId, name: projectName, baseline: {}, approvedAmount: 50_000, closeBy: daysAgo(12), status: 'in-execution', decidedOn: daysAgo(200), createdAt: now, updatedAt: now });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[LIFECYCLE] the officer sees the studios dashboard with charts and exports it; the unit sees what to do next', async () => {
    const officer = await signInAs(browser, server.baseUrl, 'daxing-officer');
    const page = officer.page;
    await page.goto(server.baseUrl + '/app/studios');
    await page.getByTestId('stat-studios').waitFor({ timeout: 20_000 });
    // A chart draws on a canvas.
    await page.locator('[data-testid="echart-status"] canvas').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid^="chart-"] canvas').count()).toBeGreaterThanOrEqual(4);

    // The numbers are the API's.
    const api = await page.request.get(server.baseUrl + '/api/dashboards/studios');
    expect(api.status()).toBe(200);
    const d = await api.json();
    const digits = (s: string) => s.replace(/[^\d/]/g, '');
    expect(digits(await page.getByTestId('stat-studios').innerText())).toContain(`${d.totals.active}/${d.totals.studios}`);
    expect(digits(await page.getByTestId('stat-money').innerText())).toContain(`${d.totals.approved}/${d.totals.paid}`);
    expect(digits(await page.getByTestId('stat-cases').innerText())).toContain(String(d.totals.openCases));
    expect(await page.getByTestId('list-overdue-projects').innerText()).toContain(projectName);
    const table = page.getByTestId('studios-table');
    expect(await table.innerText()).toContain('赵德明');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/studios-dashboard.png`, fullPage: true });

    // Export: an .xlsx with the same money.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const money = wb.getWorksheet('经费拨付')!;
    let approved = 0;
    money.eachRow((row, i) => {
      if (i > 1) approved += Number(row.getCell(2).value);
    });
    expect(approved).toBe(d.totals.approved);

    // 登记更高级别称号 on a district studio: the table shows its new level (京兴人社发〔2025〕21号 第十三条 award follows).
    const districtRow = table.locator('tr', { has: page.locator('[data-testid^="record-title-"]') }).filter({ hasText: '区级' }).first();
    if (await districtRow.count()) {
      const name = (await districtRow.locator('td').first().innerText()).trim();
      await districtRow.locator('[data-testid^="record-title-"]').click();
      const modal = page.locator('.ant-modal').filter({ hasText: '登记更高级别称号：' });
      await modal.getByTestId('title-document').waitFor();
      await modal.locator('.ant-picker input').fill(daysAgo(0));
      await modal.locator('.ant-picker input').press('Enter');
      await modal.getByTestId('title-document').fill('京人社能发〔2026〕99号');
      await page.waitForTimeout(300);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/record-title.png` });
      await modal.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.getByText('已登记称号').first().waitFor({ timeout: 15_000 });
      const row = table.locator('tr', { hasText: name }).first();
      await expect.poll(async () => row.innerText(), { timeout: 15_000 }).toContain('市级');
    }
    expect(officer.errors).toEqual([]);
    await officer.close();

    // The unit: its studio, the next steps (the overdue closure report first), the obligations.
    const unit = await signInAs(browser, server.baseUrl, 'unit-a');
    await unit.page.goto(server.baseUrl + '/app/studio');
    await unit.page.getByTestId('next-steps').waitFor({ timeout: 20_000 });
    const steps = await unit.page.getByTestId('next-steps').innerText();
    expect(steps).toContain(`提交结项报告：${projectName}`);
    expect(steps).toContain('已逾期 12 天');
    expect(steps).toContain('京兴人社发〔2025〕21号 第十二条');
    expect(await unit.page.getByTestId('my-studio').first().innerText()).toContain('赵德明');
    expect(await unit.page.getByTestId('obligations').first().innerText()).toContain('第十九条（三）');
    if (SHOTS) await unit.page.screenshot({ path: `${SHOTS}/studio-workspace.png`, fullPage: true });
    expect(unit.errors).toEqual([]);
    await unit.close();
  });
});
