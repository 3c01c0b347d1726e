import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../src/policy/rules/id-numbers';
import { hasChromium, launchBrowser, startE2EServer, type E2EServer } from '../helpers/browser';

/** Issue 4: "Unit registration with 统一社会信用代码 (validated), unit users" — from the login page to the workspace. */
describe.skipIf(!hasChromium)('[INTAKE] unit self-registration', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[INTAKE] a new unit registers with its credit code and lands in its workspace', async () => {
    const first17 = '91110115MA05E2E01';
    const good = first17 + creditCodeCheckChar(first17);
    const bad = first17 + (good[17] === '1' ? '2' : '1');
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(server.baseUrl + '/login');
    await page.getByTestId('login-register').click();
    await page.getByTestId('register-page').waitFor();
    await page.getByTestId('register-unitName').fill('北京端到端精密制造有限公司');
    await page.getByTestId('register-creditCode').fill(bad);
    await page.getByTestId('register-jurisdiction').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '大兴区' }).click();
    await page.getByTestId('register-address').fill('北京市大兴区天华大街 8 号');
    await page.getByTestId('register-contactName').fill('周明');
    await page.getByTestId('register-contactPhone').fill('13600002222');
    await page.getByTestId('register-displayName').fill('周明');
    await page.getByTestId('register-username').fill('e2e-register');
    await page.getByTestId('register-password').fill('Register2026ok');
    await page.getByTestId('register-password2').fill('Register2026ok');
    await page.getByTestId('register-submit').click();

    // A wrong GB 32100 check character is refused on the field, and the unit stays on the page.
    await page.getByText('校验').first().waitFor({ timeout: 15_000 });
    expect(page.url()).toContain('/register');

    await page.getByTestId('register-creditCode').fill(good);
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/app\/unit/, { timeout: 15_000 });
    await page.getByTestId('unit-page').waitFor();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain(good);
    const text = await page.locator('body').innerText();
    expect(text).toContain('大兴区');
    // The unit's accounts: the first user, marked as the current account.
    await page.getByTestId('unit-users').getByText('e2e-register').waitFor();
    expect(await page.getByTestId('unit-users').innerText()).toContain('当前账号');
    expect(errors).toEqual([]);
    await context.close();
  });
});
