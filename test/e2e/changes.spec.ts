import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../helpers/app';
import { hasChromium, launchBrowser, signInAs, startE2EServer, type E2EServer } from '../helpers/browser';

// The server's clock is now: the demo's change requests are dated relative to today.
const clock = testClock(new Date());
const SHOTS = process.env.SCREENSHOTS_DIR;

describe.skipIf(!hasChromium)('[CHANGES] change requests in the browser (大兴 第十七条; 顺义 第十四条)', () => {
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

  it('[CHANGES] the unit files an address change from its studio page; a new leader is sent to a new application (第十七条)', async () => {
    const { page, errors, close } = await signInAs(browser, server.baseUrl, 'unit-a');
    await page.goto(server.baseUrl + '/app/studio');
    await page.getByTestId('change-request-button').first().click();
    await page.getByTestId('change-form').waitFor();
    await page.getByTestId('change-kind-leader-replaced').click();
    await page.getByText('重新提交认定申请').first().waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/change-drawer-new-leader.png` });
    await page.getByTestId('change-kind-unit-moved').click();
    await page.getByTestId('change-address').fill('北京市大兴区天华街 9 号 3 号楼');
    await page.getByTestId('change-effective-on').click();
    await page.keyboard.type('2026-11-02');
    await page.keyboard.press('Enter');
    await page.getByTestId('change-reason').fill('厂区整体搬迁至区内新址，工作室场地和设备随迁。');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/change-drawer.png` });
    await page.getByTestId('change-submit').click();
    await page.getByTestId('change-page').waitFor();
    expect(await page.getByTestId('change-status').textContent()).toContain('待审核');
    await page.getByTestId('change-diff').getByText('北京市大兴区天华街 9 号 3 号楼').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/change-unit-detail.png`, fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });

  it('[CHANGES] the 大兴 officer approves the pending rename; the studio history records it', async () => {
    const { page, errors, close } = await signInAs(browser, server.baseUrl, 'daxing-officer');
    await page.goto(server.baseUrl + '/app/changes');
    await page.getByTestId('changes-page').waitFor();
    await page.getByText('所在单位名称变更').first().waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/changes-officer.png`, fullPage: true });
    await page.locator('tr', { hasText: '北京兴业精密智造科技有限公司' }).getByRole('link').first().click();
    await page.getByTestId('change-decide').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/change-officer-detail.png`, fullPage: true });
    await page.getByTestId('change-approve').click();
    await page.getByRole('button', { name: /同意并备案/ }).last().click();
    await page.getByTestId('history-unit-name').waitFor();
    expect(await page.getByTestId('change-status').textContent()).toContain('已同意');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/change-approved.png`, fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });

  it('[CHANGES] 京技管发〔2024〕1号 sets no change rules: the 经开区 unit is told to contact the centre', async () => {
    const { page, errors, close } = await signInAs(browser, server.baseUrl, 'unit-b');
    await page.goto(server.baseUrl + '/app/studio');
    await page.getByTestId('change-request-button').first().click();
    await page.getByTestId('change-notice').waitFor();
    expect(await page.getByTestId('change-notice').textContent()).toContain('京技管发〔2024〕1号');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/change-drawer-etdz.png` });
    expect(errors).toEqual([]);
    await close();
  });

  it('[CHANGES] the 顺义 officer sees the approved leader change and its history (第十四条)', async () => {
    const { page, errors, close } = await signInAs(browser, server.baseUrl, 'shunyi-officer');
    await page.goto(server.baseUrl + '/app/changes');
    await page.locator('tr', { hasText: '更换领办人' }).getByRole('link').first().click();
    await page.getByTestId('history-leader').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/change-shunyi.png`, fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });
});
