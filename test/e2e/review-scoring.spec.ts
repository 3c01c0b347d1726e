import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEdition } from '../../src/policy/editions';
import { applicationForms, applications, experts, reviewAssignments, units, users } from '../../src/server/db/schema';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { openCall, seedDaxingProjectApplication } from '../../src/server/modules/applications/applications.test-helpers';
import { testClock } from '../helpers/app';
import { hasChromium, launchBrowser, signInAs, startE2EServer, type E2EServer } from '../helpers/browser';

/**
 * 大兴 project round (京兴人社发〔2025〕21号): an expert scores against the 第九条（二）2 rubric, the officer sees the outlier
 * (第十一条, the edition's review rules), closes the review and proposes a list within the call's quota (第四条).
 * Seeded through helpers (STYLE.md 8): the desk stages and the panel belong to other slices, so the applications are
 * placed in expert review and the assignments accepted as rows.
 */
const clock = testClock('2026-06-15T02:00:00Z');
const SHOTS = process.env.SHOTS_DIR;
const RUBRIC = getEdition('daxing-2025')!.programs.find((p) => p.id === 'construction-project')!.rubric!;
const all = (points: number) => Object.fromEntries(RUBRIC.map((c) => [c.id, points]));

describe.skipIf(!hasChromium)('[REVIEW] scoring in the browser', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2EServer({ now: clock.now });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = (username: string) => signInAs(browser, server.baseUrl, username);
  const shot = async (page: Page, name: string) => {
    if (!SHOTS) return;
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  async function login(username: string) {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    return `jx_session=${res.cookies.find((c) => c.name === 'jx_session')!.value}`;
  }

  /** A 大兴 project call (quota 2) with three applications in expert review. */
  async function seed() {
    const db = server.database.db;
    const officer = await login('daxing-officer');
    const callId = await openCall(server.app, officer, { title: '2026年大兴区技能大师工作室建设项目评选（评分演示）', quota: 2 });
    const first = await seedDaxingProjectApplication(server.app, await login('unit-a'), callId);
    const [orig] = await db.select().from(applications).where(eq(applications.id, first.id));
    const forms = await db.select().from(applicationForms).where(eq(applicationForms.applicationId, first.id));
    const apps = [first];
    for (const [k, name] of [
      [2, '北京兴大焊接技术有限公司'],
      [3, '北京京南汽车维修有限公司'],
    ] as const) {
      const unitId = randomUUID();
      await db.insert(units).values({ id: unitId, name, creditCode: `E2E${k}${randomUUID().slice(0, 10)}`, jurisdictionId: 'daxing' });
      const id = randomUUID();
      await db.insert(applications).values({ ...orig, id, number: `${orig.number}-${k}`, unitId, title: `技能传承项目${k}` });
      await db.insert(applicationForms).values(forms.map((f) => ({ ...f, applicationId: id })));
      apps.push({ id, number: `${orig.number}-${k}` });
    }
    await db.update(applications).set({ status: 'expert-review' }).where(eq(applications.callId, callId));
    const expertId: Record<string, string> = {};
    for (const username of ['expert1', 'expert2', 'expert3', 'expert5']) {
      const [u] = await db.select().from(users).where(eq(users.username, username));
      const [row] = await db.select().from(experts).where(and(eq(experts.jurisdictionId, 'daxing'), eq(experts.userId, u.id)));
      expertId[username] = row?.id ?? randomUUID();
      if (!row) await db.insert(experts).values({ id: expertId[username], jurisdictionId: 'daxing', userId: u.id, name: u.displayName, employer: '北京某技师学院', fields: ['数控加工'], createdAt: clock.now(), updatedAt: clock.now() });
    }
    const assign = async (app: string, expert: string, status = 'accepted') => {
      const id = randomUUID();
      await db.insert(reviewAssignments).values({ id, callId, applicationId: app, expertId: expertId[expert], status, assignedAt: clock.now(), declaredAt: status === 'accepted' ? clock.now() : null });
      return id;
    };
    const scoreByApi = async (expert: string, app: string, points: number) => {
      const id = await assign(app, expert);
      const cookie = await login(expert);
      const comments = Object.fromEntries(RUBRIC.map((c) => [c.id, '依据申报书逐项评议。']));
      await server.app.inject({ method: 'PUT', url: `/api/review/assignments/${id}/score`, headers: { cookie }, payload: { criteria: all(points), comments, overallComment: '总体评价。', version: 0 } });
      const res = await server.app.inject({ method: 'POST', url: `/api/review/assignments/${id}/score/submit`, headers: { cookie }, payload: {} });
      expect(res.statusCode, res.body).toBe(200);
    };
    // A: expert1 scores in the browser; expert2 and expert3 gave 85 and 88. B: 90 from all. C: 80 from all.
    const mine = await assign(apps[0].id, 'expert1');
    await scoreByApi('expert2', apps[0].id, 85);
    await scoreByApi('expert3', apps[0].id, 88);
    for (const e of ['expert1', 'expert2', 'expert3']) {
      await scoreByApi(e, apps[1].id, 90);
      await scoreByApi(e, apps[2].id, 80);
    }
    const pending = await assign(apps[1].id, 'expert5', 'pending');
    return { callId, apps, mine, pending };
  }

  it('[REVIEW] an expert scores against the rubric; the officer sees the outlier and proposes a list within the quota', async () => {
    const { callId, apps, mine, pending } = await seed();
    // Seeded during the 2026 round; the browser then works at the real time (its session cookies expire from now).
    clock.set(new Date());

    // An undeclared assignment: the expert is told to declare first.
    const e5 = await signIn('expert5');
    await e5.page.goto(`${server.baseUrl}/app/assignments/${pending}`);
    await e5.page.getByTestId('declare-first').waitFor({ timeout: 15_000 });
    expect(await e5.page.locator('body').innerText()).toContain('请先声明利益冲突');
    await e5.close();

    // expert1 scores A low: 50 on every criterion is extreme (< 60 % of 100), so each needs a comment.
    const ex = await signIn('expert1');
    await ex.page.goto(`${server.baseUrl}/app/assignments/${mine}`);
    await ex.page.getByTestId('score-form').waitFor({ timeout: 15_000 });
    const body = await ex.page.locator('body').innerText();
    for (const title of ['需求方面的必要性', '经费预算的合理性和合法性', '过程的可监督性']) expect(body).toContain(title);
    expect(body).toContain('京兴人社发〔2025〕21号');
    expect(body).toContain('经费计划'); // the application's 工作计划书, read-only
    for (const c of RUBRIC) await ex.page.getByTestId(`criterion-${c.id}`).locator('input').fill('50');
    await ex.page.locator('#overallComment').fill('需求论证与经费测算均不充分。');
    expect(await ex.page.getByTestId('live-total').innerText()).toContain('50');
    await ex.page.getByRole('button', { name: '提交评分' }).click();
    await ex.page.getByText('极端分值须填写评语').first().waitFor({ timeout: 5_000 });
    await shot(ex.page, 'expert-extreme');
    for (const c of RUBRIC) await ex.page.getByTestId(`criterion-${c.id}`).locator('textarea').fill('该项论证不足，依据不充分。');
    await ex.page.getByRole('button', { name: '提交评分' }).click();
    await ex.page.getByRole('dialog').getByRole('button', { name: '提交评分' }).click();
    await ex.page.getByTestId('score-status').filter({ hasText: '已提交' }).waitFor({ timeout: 15_000 });
    await shot(ex.page, 'expert-submitted');
    expect(ex.errors).toEqual([]);
    await ex.close();

    // The officer: the outlier, closing the review, the ranking with the quota line, the proposal.
    const of = await signIn('daxing-officer');
    await of.page.goto(`${server.baseUrl}/app/review/${callId}/ranking`);
    await of.page.getByTestId('outlier-tag').first().waitFor({ timeout: 15_000 });
    await of.page.getByTestId('close-review').click();
    await of.page.locator('.ant-popconfirm').getByRole('button', { name: '结束评审' }).click();
    await of.page.locator('.ant-modal-confirm-title', { hasText: '已结束 3 件的专家评审' }).waitFor({ timeout: 15_000 });
    await of.page.locator('.ant-modal-confirm-btns button').first().click();
    await of.page.getByTestId('ranking-card').getByText(apps[1].number).waitFor({ timeout: 15_000 });
    expect(await of.page.getByTestId('quota-counter').innerText()).toContain('已拟定 2 / 名额 2');
    await shot(of.page, 'officer-ranking');
    await of.page.getByTestId('save-proposal').click();
    await of.page.getByText('拟定名单已保存').first().waitFor({ timeout: 15_000 });
    await of.page.getByTestId('submit-proposal').click();
    await of.page.getByRole('dialog').getByRole('button', { name: '提交拟定名单' }).click();
    await of.page.getByText('拟定名单已于').first().waitFor({ timeout: 15_000 });
    await shot(of.page, 'officer-submitted');
    expect(of.errors).toEqual([]);
    await of.close();

    const statuses = Object.fromEntries((await server.database.db.select().from(applications).where(eq(applications.callId, callId))).map((a) => [a.id, a.status]));
    expect(statuses).toEqual({ [apps[0].id]: 'not-proposed', [apps[1].id]: 'proposed', [apps[2].id]: 'proposed' });
    // The unit sees nothing of it before the notice: 评审中, no 拟入选 / 未拟入选.
    const unitView = (await server.app.inject({ method: 'GET', url: `/api/applications/${apps[0].id}`, headers: { cookie: await login('unit-a') } })).json();
    expect(unitView.statusName).toBe('评审中');
    const unit = await signIn('unit-a');
    await unit.page.goto(`${server.baseUrl}/app/applications/${apps[0].id}`);
    await unit.page.getByTestId('status-tag').first().filter({ hasText: '评审中' }).waitFor({ timeout: 15_000 });
    expect(await unit.page.locator('body').innerText()).not.toMatch(/拟入选|评审完成/);
    await shot(unit.page, 'unit-in-review');
    await unit.close();
  }, 180_000);
});
