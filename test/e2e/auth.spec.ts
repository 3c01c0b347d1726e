import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/server/demo/seed';
import { hasChromium, launchBrowser, startE2EServer, WEB_ROOT, type E2EServer } from '../helpers/browser';

const ROLE_PRIORITY = ['admin', 'program', 'intake', 'inspector', 'finance', 'expert', 'applicant'];
const landingRole = (roles: [string, string][]) =>
  roles.map(([r]) => r).sort((a, b) => ROLE_PRIORITY.indexOf(a) - ROLE_PRIORITY.indexOf(b))[0];

describe.skipIf(!hasChromium)('[AUTH] every demo role signs in and sees its home page', () => {
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

  it('the public home page shows the platform, its districts and a way to sign in, without login', async () => {
    const page = await browser.newPage();
    await page.goto(server.baseUrl + '/');
    await expect.poll(() => page.title()).toContain('匠心');
    await page.getByText('京兴人社发〔2025〕21号').first().waitFor({ timeout: 15_000 });
    const text = await page.locator('body').innerText();
    expect(text).toContain('技能大师工作室');
    for (const district of ['大兴', '经开区', '顺义']) expect(text).toContain(district);
    expect(text).toContain('京兴人社发〔2025〕21号');
    await page.close();
  });

  it('the public home page loads at most 300 KB of JavaScript (gzip), the rest is split by route', async () => {
    const page = await browser.newPage();
    const scripts = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await page.goto(server.baseUrl + '/', { waitUntil: 'networkidle' });
    await page.getByText('京兴人社发〔2025〕21号').first().waitFor({ timeout: 15_000 });
    const gzipBytes = [...scripts].reduce((sum, p) => sum + zlib.gzipSync(fs.readFileSync(path.join(WEB_ROOT, p))).length, 0);
    expect(scripts.size).toBeGreaterThan(1);
    expect(gzipBytes / 1024).toBeLessThanOrEqual(300);
    await page.close();
  });

  for (const account of DEMO_ACCOUNTS) {
    const role = landingRole(account.roles);
    it(`${account.username} → home-${role}`, async () => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.baseUrl + '/login');
      await page.getByTestId('login-username').fill(account.username);
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId(`home-${role}`).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('current-user').innerText()).toContain(account.displayName.split('（')[0]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('a wrong password shows the Chinese error and stays on the login page', async () => {
    const page = await browser.newPage();
    await page.goto(server.baseUrl + '/login');
    await page.getByTestId('login-username').fill('unit-a');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByText('用户名或密码错误').first().waitFor({ timeout: 10_000 });
    expect(page.url()).toContain('/login');
    await page.close();
  });

  it('a signed-out visitor who opens a signed-in page is sent to the login page', async () => {
    const page = await browser.newPage();
    await page.goto(server.baseUrl + '/app');
    await page.getByTestId('login-username').waitFor({ timeout: 10_000 });
    expect(page.url()).toContain('/login');
    await page.close();
  });
});
