import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../helpers/app';
import { tinyPdf } from '../helpers/fixtures';
import { hasChromium, launchBrowser, signInAs, startE2EServer, type E2EServer } from '../helpers/browser';

// The server's clock is now: the demo's reports are dated relative to today.
const clock = testClock(new Date());
const SHOTS = process.env.SCREENSHOTS_DIR;

describe.skipIf(!hasChromium)('[REPORTS] annual reports in the browser (大兴 第十九条（三）; 顺义 第十三条)', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2EServer({ now: clock.now });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[REPORTS] the unit fills this year’s report and submits it; the summary and plan are required', async () => {
    const { page, errors, close } = await signInAs(browser, server.baseUrl, 'unit-a');
    await page.goto(server.baseUrl + '/app/reports');
    await page.getByTestId('reports-page').waitFor();
    await page.getByText('第十九条（三）').first().waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reports-unit.png`, fullPage: true });
    const year = new Date(clock.now().getTime() + 8 * 3_600_000).getUTCFullYear();
    await page.getByTestId(`report-link-${year}`).click();
    await page.getByTestId('report-form').waitFor();
    await page.getByTestId('report-plan').fill('');
    await page.getByTestId('report-submit').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('请填写下一年度工作计划').first().waitFor();
    await page.getByTestId('report-plan').fill(`${year + 1} 年计划新带徒 6 人，开展公益培训 10 场。`);
    // An optional attachment (PDF, checked by content on the server).
    await page.locator('input[type=file]').setInputFiles({ name: '培训签到表.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    await page.getByTestId('report-file').filter({ hasText: '培训签到表.pdf' }).waitFor();
    expect(await page.getByTestId('report-plan').inputValue()).toContain('新带徒 6 人');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/report-form.png`, fullPage: true });
    await page.getByTestId('report-submit').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('state-submitted').first().waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('[REPORTS] the 大兴 officer sees the overdue report highlighted and accepts the submitted one', async () => {
    const { page, errors, close } = await signInAs(browser, server.baseUrl, 'daxing-officer');
    await page.goto(server.baseUrl + '/app/reports');
    await page.getByTestId('state-overdue').first().waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reports-officer.png`, fullPage: true });
    await page.locator('[data-testid^="review-"]').first().click();
    await page.getByTestId('review-drawer').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reports-drawer.png` });
    await page.getByTestId('review-accept').click();
    await page.getByText('已审核通过').first().waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('[REPORTS] the 顺义 officer sees 86 人次 flagged 未达到每年不少于100人次', async () => {
    const { page, errors, close } = await signInAs(browser, server.baseUrl, 'shunyi-officer');
    await page.goto(server.baseUrl + '/app/reports');
    await page.getByText('未达到每年不少于100人次').first().waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reports-shunyi.png`, fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });
});
