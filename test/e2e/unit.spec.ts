import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../src/policy/rules/id-numbers';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { hasChromium, launchBrowser, startE2EServer, type E2EServer } from '../helpers/browser';

describe.skipIf(!hasChromium)('[UNIT] a unit keeps its profile and people on /app/unit', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(server.baseUrl + '/login');
    await page.getByTestId('login-username').fill('unit-a');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/app/);
    await page.goto(server.baseUrl + '/app/unit');
    await page.getByTestId('unit-profile').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the demo people with masked 身份证号 and skill levels in Chinese', async () => {
    const table = page.getByTestId('unit-people');
    await table.getByText('刘志强').waitFor();
    const text = await table.innerText();
    expect(text).toMatch(/110\*{12}\d{2}[\dX]/);
    expect(text).toContain('一级/高级技师');
    expect(text).toContain('全国技术能手');
  });

  it('refuses a 统一社会信用代码 with a wrong check character, with the message under the field', async () => {
    await page.getByTestId('unit-credit-code').fill('91110115MA01ABCD1K');
    await page.getByTestId('unit-save').click();
    await page.getByTestId('unit-profile').getByText('统一社会信用代码校验码不符').first().waitFor();
  });

  it('adds a person: a wrong check digit is refused; a valid 身份证号 gives the derived birth date and sex', async () => {
    await page.getByTestId('person-add').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByLabel('姓名').fill('周文博');
    const first17 = '11011519880923102'; // 17th digit even: a woman
    const good = first17 + residentIdCheckChar(first17);
    await drawer.getByLabel('身份证号').fill(first17 + (good[17] === '0' ? '1' : '0'));
    await page.getByTestId('person-save').click();
    await drawer.getByText('公民身份号码校验码不符').first().waitFor();
    await drawer.getByLabel('身份证号').fill(good);
    await page.getByTestId('person-save').click();
    await page.getByTestId('person-derived').waitFor();
    expect(await page.getByTestId('person-derived').innerText()).toContain('出生日期 1988-09-23，性别 女');
    await page.keyboard.press('Escape');
    await page.getByTestId('unit-people').getByText('周文博').waitFor();
  });
});
