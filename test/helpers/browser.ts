import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './app';
import type { AppConfig } from '../../src/server/config';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const WEB_ROOT = path.resolve(process.env.WEB_ROOT ?? 'dist/web');
const hasWebApp = fs.existsSync(path.join(WEB_ROOT, 'index.html'));
/** Whether the browser tests can run here: Debian's Chromium and a built web app. */
export const hasChromium = fs.existsSync(CHROMIUM) && hasWebApp;
if (!fs.existsSync(CHROMIUM)) console.warn(`[e2e] ${CHROMIUM} not found: browser tests are SKIPPED (install Debian's chromium to run them)`);
if (!hasWebApp) console.warn('[e2e] dist/web is not built (no web app sources yet): browser tests are SKIPPED');

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface E2EServer extends TestApp {
  baseUrl: string;
}

/** The real app (API + built web app) listening on a free loopback port, on a fresh database with demo data. */
export async function startE2EServer(config: Partial<AppConfig> = {}): Promise<E2EServer> {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) throw new Error('dist/web is missing: run `npm run build:web` first (npm test does)');
  const t = await startTestApp({ config: { webRoot: WEB_ROOT, ...config } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, baseUrl: `http://127.0.0.1:${port}` };
}

/** A fresh browser context (zh-CN, 1440×900) signed in as `username`; page errors are collected for the assertion. */
export async function signInAs(browser: Browser, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl + '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/app/, { timeout: 15_000 });
  return { page, errors, close: () => context.close() };
}
