import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, signInAs, startE2EServer, type E2EServer } from '../helpers/browser';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startE2EServer();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!hasChromium)('[ADMIN] platform admin (DESIGN.md “Who uses it”: jurisdictions, users, working-day calendar)', () => {
  it('[ADMIN] the platform admin creates an intake officer for 顺义区, who signs in and lands on the intake desk', async () => {
    const admin = await signInAs(browser, server.baseUrl, 'admin');
    const { page } = admin;
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByTestId('admin-users').waitFor();
    await expect.poll(() => page.getByText('shunyi-officer', { exact: true }).count()).toBeGreaterThan(0);

    await page.getByTestId('new-user').click();
    await page.getByTestId('user-username').fill('shunyi-window');
    await page.getByTestId('user-displayName').fill('顺义区政务服务中心 赵静');
    await page.getByTestId('user-password').fill('Window2026abc');
    // The drawer starts with one row: 受理初审; pick 顺义区 as its jurisdiction.
    await page.getByTestId('jurisdiction-0').click();
    await page.locator('.ant-select-dropdown:visible').getByText('顺义区', { exact: true }).click();
    await page.getByTestId('user-save').click();
    await page.getByText('账号已创建').waitFor();
    const row = page.locator('tr', { hasText: 'shunyi-window' });
    await expect.poll(() => row.getByText('受理初审 · 顺义区').count()).toBe(1);
    expect(admin.errors).toEqual([]);
    await admin.close();

    // The new officer signs in with the initial password and lands on the intake desk (初审受理) of 顺义区.
    const officer = await signInAs(browser, server.baseUrl, 'shunyi-window', 'Window2026abc');
    await expect.poll(() => officer.page.getByTestId('current-role').textContent()).toContain('受理初审');
    await officer.page.getByTestId('go-intake').click();
    await officer.page.waitForURL(/\/app\/intake$/);
    await officer.page.getByTestId('intake-search').waitFor();
    expect(await officer.page.getByTestId('current-user').textContent()).toContain('赵静');
    expect(officer.errors).toEqual([]);
    await officer.close();
  }, 90_000);
});
