import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../helpers/app';
import { hasChromium, launchBrowser, startE2EServer, type E2EServer } from '../helpers/browser';

// Monday 2026-11-23 10:00 Beijing time: the demo's 大兴 notice runs 2026-11-19 至 2026-11-25.
const clock = testClock('2026-11-23T02:00:00Z');

describe.skipIf(!hasChromium)('[NOTICE] the public reads notices and the registry without signing in', () => {
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

  it('第十一条: the running 大兴 notice shows its 5-working-day period, its list and how to object', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.baseUrl + '/notices');
    await page.getByText('2026-11-19 至 2026-11-25（5 个工作日）').first().waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: /大兴区技能大师工作室及建设项目拟认定名单公示/ }).first().click();
    // The list page previews the same items: wait for the notice's own page.
    await page.waitForURL(/\/notices\/[^/]+$/, { timeout: 15_000 });
    await page.getByTestId('objection-area').waitFor({ timeout: 15_000 });
    await page.getByText('大兴区王建军数控车工技能大师工作室').waitFor({ timeout: 15_000 });
    const text = await page.locator('main').innerText();
    expect(text).toContain('2026-11-25 17:00');
    expect(text).toContain('50,000');
    expect(text).not.toContain('郑海涛'); // withdrawn item
    const objection = await page.getByTestId('objection-area').innerText();
    expect(objection).toContain('按公示联系方式实名反映');
    expect(text).toContain('81298272');
    await page.getByTestId('objection-form').waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the registry searches by leader and never shows the revoked 大兴 studio to the public', async () => {
    const page = await browser.newPage();
    await page.goto(server.baseUrl + '/studios');
    await page.getByText('大兴区赵德明数控铣工技能大师工作室').waitFor({ timeout: 15_000 });
    expect(await page.locator('main').innerText()).not.toContain('周永强');
    await page.getByTestId('studio-search').locator('input').fill('孙桂兰');
    await page.getByTestId('studio-search').locator('input').press('Enter');
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('link', { name: '大兴区孙桂兰景泰蓝制作工技能大师工作室' }).click();
    await page.getByText('称号历程').waitFor({ timeout: 15_000 });
    expect(await page.locator('main').innerText()).toContain('领办人及 4 名团队成员');
    await page.close();
  });
});
