import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../src/policy/rules/id-numbers';
import { applications, reviewAssignments, units } from '../../src/server/db/schema';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { formatShanghai } from '../../src/shared/time';
import { hasChromium, launchBrowser, startE2EServer, type E2EServer } from '../helpers/browser';

/** 'YYYY-MM-DDTHH:mm' Beijing time, `days` from now. */
const beijingLocal = (days: number) => formatShanghai(new Date(Date.now() + days * 86_400_000)).replace(' ', 'T');

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(baseUrl + '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/app/);
}

describe.skipIf(!hasChromium)('[REVIEW] 第十一条 expert panels in the browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let callId: string;
  const numbers = ['DX-2026-XM-E201', 'DX-2026-XM-E202'];

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    const officer = await server.login('daxing-officer');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/calls',
      headers: { cookie: officer },
      payload: {
        policyId: 'daxing-2025',
        program: 'construction-project',
        title: '大兴区技能大师工作室建设项目（专家评审端到端测试批次）',
        year: Number(beijingLocal(0).slice(0, 4)),
        opensAt: beijingLocal(-20),
        closesAt: beijingLocal(-1),
        contacts: [{ name: '周云汉', phone: '81298272' }],
        noticeText: '根据京兴人社发〔2025〕21号第十一条，组织相关领域专家进行专业评审（端到端测试批次）。',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    callId = res.json().id;
    // Two applications already through the desk stages (the desk's own spec covers those transitions).
    for (const [i, number] of numbers.entries()) {
      const unitId = randomUUID();
      const first17 = `91110115MA0E2E${i}0X`.slice(0, 17);
      await server.database.db.insert(units).values({ id: unitId, name: `北京评审测试${i + 1}号机械有限公司`, creditCode: first17 + creditCodeCheckChar(first17), jurisdictionId: 'daxing' });
      const now = new Date();
      await server.database.db.insert(applications).values({
        id: randomUUID(), number, callId, unitId, jurisdictionId: 'daxing', program: 'construction-project', status: 'expert-review', version: 4,
        title: `数控加工技艺传承项目${i + 1}`, leaderName: `测试大师${i + 1}`, submittedAt: now, createdAt: now, updatedAt: now,
      });
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[REVIEW] the officer draws a panel and assigns; an expert declares a conflict and the application goes to another expert', async () => {
    const officerPage = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(officerPage, server.baseUrl, 'daxing-officer');
    await officerPage.goto(`${server.baseUrl}/app/review/${callId}/panel`);
    await officerPage.getByTestId('draw-submit').click();
    // The draw record: the seed, who was excluded and why, who was drawn.
    await expect.poll(() => officerPage.getByTestId('member-name').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    await officerPage.getByTestId('draw-seed').first().waitFor();
    expect(await officerPage.getByTestId('excluded').first().innerText()).toMatch(/无登录账号|同单位|原单位|已停用/);
    await officerPage.getByTestId('verify-draw').first().click();
    expect(await officerPage.getByTestId('verify-result').innerText()).toContain('结果与记录一致');

    await officerPage.getByTestId('auto-assign').click();
    await expect.poll(async () => (await officerPage.getByTestId('active-count').allInnerTexts()).join(','), { timeout: 15_000 }).toBe('3/3,3/3');

    // One expert with a pending assignment on the first application declares a conflict.
    const cookie = await server.login('daxing-officer');
    const matrix = (await server.app.inject({ method: 'GET', url: `/api/review/calls/${callId}/assignments`, headers: { cookie } })).json();
    const panel = (await server.app.inject({ method: 'GET', url: `/api/review/calls/${callId}/panel`, headers: { cookie } })).json();
    const app = matrix.applications.find((a: { number: string }) => a.number === numbers[0]);
    const cell = app.cells.find((c: { status: string | null }) => c.status === 'pending');
    const member = panel.members.find((m: { id: string }) => m.id === cell.expertId);

    const expertPage = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(expertPage, server.baseUrl, member.username);
    await expertPage.goto(`${server.baseUrl}/app/assignments`);
    const row = expertPage.getByTestId('todo').locator('tr', { hasText: numbers[0] });
    await row.getByTestId('declare').click();
    expect(await expertPage.getByTestId('declare-citation').innerText()).toContain('京兴人社发〔2025〕21号 第十一条');
    await expertPage.getByText('存在利益冲突，申请回避').click();
    await expertPage.getByTestId('declare-kind').click();
    await expertPage.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '亲属关系' }).click();
    await expertPage.getByTestId('declare-submit').click();
    await expertPage.getByText('该申报已改派给其他专家').waitFor();
    await expect.poll(() => expertPage.getByTestId('done').locator('tr', { hasText: numbers[0] }).innerText()).toContain('已回避');

    // Back at the panel page the application still has 3 experts, one of them new; the conflict is shown.
    await officerPage.reload();
    await expect.poll(async () => (await officerPage.getByTestId('active-count').allInnerTexts()).join(','), { timeout: 15_000 }).toBe('3/3,3/3');
    expect(await officerPage.getByTestId('cell-conflict').count()).toBe(1);
    const [declared] = await server.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.id, cell.assignmentId));
    expect(declared.status).toBe('conflict');
    expect(declared.replacedBy).toBeTruthy();
    await officerPage.screenshot({ path: '/tmp/s2-panel.png', fullPage: true });
    await expertPage.screenshot({ path: '/tmp/s2-assignments.png', fullPage: true });
  }, 120_000);
});
