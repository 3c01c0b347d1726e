import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/modules/accounts/accounts.service';
import { userRoles, users } from '../../src/server/db/schema';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { seedNotice } from '../../src/server/modules/funding/funding.test-helpers';
import { shanghaiDate } from '../../src/shared/time';
import { testClock } from '../helpers/app';
import { hasChromium, launchBrowser, startE2EServer, type E2EServer } from '../helpers/browser';

// The server's clock is now (the browser keeps the session cookie only while it is valid by its own clock); the
// seeded 经开区 notice ended ten days ago.
const clock = testClock(new Date());
const daysAgo = (n: number) => shanghaiDate(new Date(clock.now().getTime() - n * 86_400_000));

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(baseUrl + '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/app/);
}

describe.skipIf(!hasChromium)('[FUNDING] decision and disbursement in the browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let callId: string;
  beforeAll(async () => {
    server = await startE2EServer({ now: clock.now });
    browser = await launchBrowser();
    ({ callId } = await seedNotice(server.database.db, {
      jurisdiction: 'etdz',
      editionId: 'etdz-2024',
      program: 'studio-recognition',
      startsOn: daysAgo(16),
      endsOn: daysAgo(10),
      items: [{ unit: 'unit-b', leader: '陈立', occupation: '工业机器人系统运维员', name: '经开区陈立工业机器人系统运维员技能大师工作室', amount: 200_000 }],
    }));
    // 经开区 finance (the demo has 大兴's only): the 人社服务中心's 拨付 desk, 办事指南 六（八）.
    const id = randomUUID();
    await server.database.db.insert(users).values({ id, username: 'etdz-finance', displayName: '钱静（经开区财政）', passwordHash: await hashPassword(DEMO_PASSWORD), unitId: null });
    await server.database.db.insert(userRoles).values({ userId: id, role: 'finance', jurisdictionId: 'etdz' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[FUNDING] the officer confirms after the notice period and finance records the disbursement', async () => {
    const context = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signIn(page, server.baseUrl, 'etdz-officer');
    await page.goto(server.baseUrl + '/app/funding');
    await page.getByTestId(`funding-state-${callId}`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId(`funding-state-${callId}`).innerText()).toBe('可确认认定');
    await page.goto(`${server.baseUrl}/app/funding/${callId}`);
    await page.getByTestId('confirm-decision').waitFor({ timeout: 15_000 });
    await page.getByTestId('confirm-decision').click();
    await page.getByTestId('decision-document').fill('京技管发〔2026〕8号');
    await page.getByRole('button', { name: '确认认定' }).last().click();
    await page.getByTestId('decided-alert').waitFor({ timeout: 15_000 });
    const text = await page.locator('main').innerText();
    expect(text).toContain('京技管发〔2026〕8号');
    expect(text).toContain('经开区陈立工业机器人系统运维员技能大师工作室');
    expect(text).toContain('已认定');
    expect(text).toContain('200,000 元');
    await context.close();

    const fin = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    const p2 = await fin.newPage();
    p2.on('pageerror', (e) => errors.push(e.message));
    await signIn(p2, server.baseUrl, 'etdz-finance');
    await p2.goto(server.baseUrl + '/app/disbursements');
    const row = p2.locator('tr', { hasText: '陈立' }).first();
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain('待拨付');
    await row.getByRole('button', { name: '登记拨付' }).click();
    await p2.getByTestId('pay-voucher').waitFor({ timeout: 15_000 });
    expect(await p2.getByTestId('pay-amount').inputValue()).toBe('200000');
    await p2.getByTestId('pay-voucher').fill('JK-PZ-2026-118');
    await p2.locator('.ant-modal').getByRole('button', { name: '登记拨付' }).click();
    await expect.poll(async () => row.innerText(), { timeout: 15_000 }).toContain('已拨付');
    expect(await row.innerText()).toContain('200,000 元');
    expect(errors).toEqual([]);
    await fin.close();
  });
});
