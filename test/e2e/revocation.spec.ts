import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../helpers/app';
import { hasChromium, launchBrowser, signInAs, startE2EServer, type E2EServer } from '../helpers/browser';

// The demo is dated relative to the day it loads; its daily check raised today's 大兴 cases. Sessions follow the real
// clock (the browser drops a cookie that expired by its own time).
const clock = testClock(new Date());

describe.skipIf(!hasChromium)('[REVOCATION] 京兴人社发〔2025〕21号 第十八条 in the browser', () => {
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

  it('the officer sees the case the check raised, reads its facts and article, and revokes after a second confirmation; the public registry drops the studio', async () => {
    const { page, errors, close } = await signInAs(browser, server.baseUrl, 'daxing-officer');
    await page.goto(server.baseUrl + '/app/revocations');
    await page.getByText('大兴区张国华焊工技能大师工作室').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('revocations-page').innerText()).toContain('系统每日检查');
    await page.getByText('大兴区张国华焊工技能大师工作室').click();
    await page.getByTestId('case-facts').waitFor({ timeout: 15_000 });
    const text = await page.getByTestId('revocation-page').innerText();
    expect(text).toContain('超过一年未开展工作的');
    expect(text).toContain('京兴人社发〔2025〕21号 第十八条（一）');
    expect(text).toContain('平台推断');
    await page.getByTestId('decide').click();
    await page.getByTestId('decide-reason').fill('工作室超过一年未开展工作，经核实属实，取消称号');
    await page.getByTestId('decide-document').fill('京兴人社发〔2026〕40号');
    await page.getByTestId('decide-next').click();
    await page.getByText('确认取消“大兴区张国华焊工技能大师工作室”的称号？').waitFor({ timeout: 15_000 });
    await page.getByTestId('confirm-revoke').click();
    await page.getByTestId('case-decision').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('case-status').innerText()).toBe('已取消称号');
    await page.getByTestId('history-revoked').waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await close();
    const pub = (await server.app.inject({ method: 'GET', url: '/api/studios' })).json() as { name: string }[];
    expect(pub.some((s) => s.name === '大兴区张国华焊工技能大师工作室')).toBe(false);
  });

  it('the finding form offers only the studio edition’s triggers; the inspector reads without a decide button', async () => {
    const { page, errors, close } = await signInAs(browser, server.baseUrl, 'daxing-officer');
    await page.goto(server.baseUrl + '/app/revocations');
    await page.getByTestId('record-finding').click();
    await page.getByTestId('finding-studio').click();
    await page.keyboard.type('孙桂兰');
    await page.keyboard.press('Enter');
    await page.getByTestId('trigger-fund-misuse').waitFor({ timeout: 15_000 });
    await page.getByTestId('trigger-fund-misuse').click();
    await page.getByTestId('finding-facts').fill('2026 年 10 月专项检查发现项目经费 1.2 万元用于单位日常办公支出');
    await page.getByTestId('finding-evidence').fill('区人社局专项检查记录（2026-10-20）');
    await page.getByTestId('finding-submit').click();
    await page.getByTestId('case-facts').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('revocation-page').innerText()).toContain('第十八条（四）');
    expect(errors).toEqual([]);
    await close();
    const insp = await signInAs(browser, server.baseUrl, 'daxing-inspector');
    await insp.page.goto(server.baseUrl + '/app/revocations');
    await insp.page.locator('[data-testid^="case-link-"]').first().click();
    await insp.page.getByTestId('case-facts').waitFor({ timeout: 15_000 });
    expect(await insp.page.getByTestId('decide').count()).toBe(0);
    expect(insp.errors).toEqual([]);
    await insp.close();
  });
});
