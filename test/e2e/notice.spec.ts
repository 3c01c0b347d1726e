import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, studios } from '../../src/server/db/schema';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { seedReviewedCall } from '../../src/server/modules/notices/notices.test-helpers';
import { testClock } from '../helpers/app';
import { hasChromium, launchBrowser, startE2EServer, type E2EServer } from '../helpers/browser';

// Tuesday 2026-09-29, 10:00 Beijing time: a notice published now runs to the 调休 Saturday 2026-10-10 17:00 (国庆).
// The session lifetime is long so the browser keeps the cookie whose expiry the server sets by this clock.
const clock = testClock('2026-09-29T02:00:00Z');
const LONG_SESSIONS = { sessionIdleMinutes: 60 * 24 * 800, sessionMaxHours: 24 * 800 };

describe.skipIf(!hasChromium)('[NOTICE] publishing a notice and handling an objection in the browser (京兴人社发〔2025〕21号 第十一条)', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2EServer({ now: clock.now, ...LONG_SESSIONS });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(username?: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (username) {
      await page.goto(server.baseUrl + '/login');
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/app/, { timeout: 15_000 });
    }
    return { page, errors, close: () => context.close() };
  }

  it('[NOTICE] a member of the public files an objection and receives a tracking number; the officer upholds it, the item is withdrawn; after the period the officer confirms and the studio is in the public registry', async () => {
    const { apps, callId } = await seedReviewedCall(server.database.db, {
      now: clock.now(),
      entries: [
        { unit: 'unit-a', leader: '王建军', occupation: '数控车工', title: '王建军工作室', projectName: '航空发动机精密轴类零件数控车削工艺攻关', proposed: true, amount: 50_000 },
        { leader: '李秀英', occupation: '中式烹调师', title: '李秀英工作室', proposed: true, amount: 45_000 },
        { leader: '陈志刚', occupation: '电工', title: '陈志刚工作室', proposed: false },
      ],
    });

    // The officer publishes from /app/notices: the drawer shows the period the calendar gives.
    const officer = await open('daxing-officer');
    await officer.page.goto(server.baseUrl + '/app/notices');
    await officer.page.getByTestId('notices-admin').waitFor({ timeout: 15_000 });
    const pending = officer.page.getByTestId('pending-call').filter({ hasText: '测试' }).first();
    await pending.getByRole('button', { name: /发布公示/ }).click();
    await expect.poll(() => officer.page.getByTestId('publish-period').innerText(), { timeout: 15_000 }).toContain('2026-09-29 至 2026-10-10 17:00');
    await officer.page.getByTestId('publish-confirm').click();
    await officer.page.locator('.ant-modal-confirm').getByRole('button', { name: '确认发布' }).click();
    await officer.page.waitForURL(/\/app\/notices\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    const noticeId = officer.page.url().split('/').pop()!;
    await officer.page.getByTestId('admin-period').waitFor({ timeout: 15_000 });
    expect(await officer.page.getByTestId('admin-period').innerText()).toContain('2026-09-29 至 2026-10-10 17:00');

    // A member of the public, not signed in, objects to the first item.
    const pub = await open();
    await pub.page.goto(`${server.baseUrl}/notices/${noticeId}`);
    await pub.page.getByTestId('objection-form').waitFor({ timeout: 15_000 });
    expect(await pub.page.locator('main').innerText()).toContain('2026-10-10 17:00');
    // Chinese validation before anything is sent.
    await pub.page.getByTestId('objection-submit').click();
    await pub.page.getByText('请填写姓名或单位名称').waitFor({ timeout: 10_000 });
    await pub.page.getByText('请写明异议的事实和理由').waitFor();
    await pub.page.getByTestId('objection-form').locator('.ant-select').first().click();
    await pub.page.locator('.ant-select-item-option').filter({ hasText: '大兴区王建军数控车工技能大师工作室' }).click();
    await pub.page.getByLabel('姓名（或单位名称）').fill('张三');
    await pub.page.getByLabel('联系电话或电子邮箱').fill('13912345678');
    await pub.page.getByLabel('异议事实和理由').fill('该工作室领办人实际已于今年退休离岗，不符合第七条（一）的条件，请核实。');
    await pub.page.getByTestId('objection-submit').click();
    await pub.page.getByTestId('tracking-number').waitFor({ timeout: 15_000 });
    const trackingNumber = (await pub.page.getByTestId('tracking-number').innerText()).trim();
    expect(trackingNumber).toMatch(/^YY-DX-2026-\d{4}$/);

    // The officer handles it: upheld with a reply.
    await officer.page.reload();
    const row = officer.page.getByTestId(`objection-${trackingNumber}`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: '处理' }).click();
    await officer.page.getByText('异议成立：从公示名单撤销该项').click();
    await officer.page.getByLabel('答复意见（告知异议人，记录在案）').fill('经核查，领办人已于2026年8月退休，不符合第七条（一）条件，撤销该项。');
    await officer.page.getByTestId('handle-submit').click();
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('异议成立');
    const items = await officer.page.locator('main, .ant-layout-content').first().innerText();
    expect(items).toContain('已撤销');

    // The public list no longer shows the item; the filer reads the reply.
    await pub.page.goto(`${server.baseUrl}/notices/${noticeId}`);
    await pub.page.getByText('大兴区李秀英中式烹调师技能大师工作室').first().waitFor({ timeout: 15_000 });
    expect(await pub.page.locator('main table').first().innerText()).not.toContain('王建军');
    await pub.page.getByLabel('受理编号').fill(trackingNumber);
    await pub.page.getByLabel('联系方式或查询码').fill('13912345678');
    await pub.page.getByRole('button', { name: /查\s*询/ }).click();
    await pub.page.getByText(/已于2026年8月退休/).waitFor({ timeout: 15_000 });

    const [app] = await server.database.db.select({ status: applications.status }).from(applications).where(eq(applications.id, apps[0].id));
    expect(app.status).toBe('withdrawn');

    // Before the end (2026-10-10 17:00) the decision is refused; on Monday 2026-10-12 the officer confirms (第十一条).
    await officer.page.goto(`${server.baseUrl}/app/funding/${callId}`);
    await officer.page.getByTestId('call-funding-page').waitFor({ timeout: 15_000 });
    expect(await officer.page.getByTestId('confirm-decision').isDisabled()).toBe(true);
    clock.set(new Date('2026-10-12T02:00:00Z'));
    await officer.page.reload();
    await officer.page.getByTestId('confirm-decision').click();
    await officer.page.getByTestId('decision-document').fill('京兴人社发〔2026〕30号');
    await officer.page.getByRole('button', { name: '确认认定' }).last().click();
    await officer.page.getByTestId('decided-alert').waitFor({ timeout: 15_000 });
    expect(await officer.page.locator('main').innerText()).toContain('大兴区李秀英中式烹调师技能大师工作室');

    // The public registry shows the new studio; the withdrawn one never became a studio.
    await pub.page.goto(`${server.baseUrl}/studios`);
    await pub.page.getByTestId('studio-search').locator('input').fill('李秀英');
    await pub.page.getByTestId('studio-search').locator('input').press('Enter');
    await pub.page.getByRole('link', { name: '大兴区李秀英中式烹调师技能大师工作室' }).waitFor({ timeout: 15_000 });
    expect(await server.database.db.select().from(studios).where(eq(studios.sourceApplicationId, apps[0].id))).toEqual([]);
    expect([...officer.errors, ...pub.errors]).toEqual([]);
    await officer.close();
    await pub.close();
  });
});
