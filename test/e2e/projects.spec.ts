import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../../src/server/db/schema';
import { projects } from '../../src/server/db/schema/funding';
import { addMonths, lastDayOf } from '../../src/server/demo/demo-forms';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { seedNotice } from '../../src/server/modules/funding/funding.test-helpers';
import { shanghaiDate } from '../../src/shared/time';
import { testClock } from '../helpers/app';
import { hasChromium, launchBrowser, startE2EServer, type E2EServer } from '../helpers/browser';

// The server's clock is now; the seeded 大兴 project-round notice ended ten days ago, and the plan runs from three
// months ago to next month, so today is inside the project period (京兴人社发〔2025〕21号 第十二条).
const clock = testClock(new Date());
const today = shanghaiDate(clock.now());
const daysAgo = (n: number) => shanghaiDate(new Date(clock.now().getTime() - n * 86_400_000));
const month = (n: number) => addMonths(today.slice(0, 7), n);
const NAME = '叶轮五轴联动加工技艺传承项目';

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(baseUrl + '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/app/);
}

describe.skipIf(!hasChromium)('[PROJECTS] construction projects in the browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let callId: string;
  let appId: string;
  beforeAll(async () => {
    server = await startE2EServer({ now: clock.now });
    browser = await launchBrowser();
    const plan = {
      unitName: '北京兴业精密机械有限公司',
      submittedOn: daysAgo(60),
      projectName: NAME,
      category: '技艺传承推广',
      workObjects: ['技术工人', '培训资料'],
      outcomeName: '《叶轮五轴联动加工工艺案例集》',
      expectedGoals: '1. 编写叶轮加工工艺案例 10 个\n2. 培养五轴编程技师 3 名',
      schedule: [
        { phase: '启动', startMonth: month(-3), endMonth: month(-2), content: '梳理叶轮加工难点，确定带徒名单。' },
        { phase: '实施与总结', startMonth: month(-1), endMonth: month(1), content: '实训、编写案例集、提交结项报告。' },
      ],
      supervision: '项目专账，专款专用。',
      budget: [
        { purpose: '人才培训', detail: '实训耗材', amount: 30_000 },
        { purpose: '技能人才交流推广', detail: '案例集编印', amount: 15_000 },
      ],
      requestedAmount: 45_000,
    };
    const seeded = await seedNotice(server.database.db, {
      jurisdiction: 'daxing',
      editionId: 'daxing-2025',
      program: 'construction-project',
      startsOn: daysAgo(16),
      endsOn: daysAgo(10),
      items: [{ unit: 'unit-a', leader: '赵德明', occupation: '数控铣工', projectName: NAME, amount: 45_000, forms: { 'work-plan': plan } }],
    });
    callId = seeded.callId;
    appId = seeded.appIds[0];
    // 2026 通知 二（二）4: the round's projects close by the end of the month after next.
    await server.database.db.update(calls).set({ projectsCloseBy: lastDayOf(month(2)) }).where(eq(calls.id, callId));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[PROJECTS] a project goes from approval through closure, assessment and payment', async () => {
    const errors: string[] = [];
    const open = async (username: string) => {
      const context = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await signIn(page, server.baseUrl, username);
      return { context, page };
    };

    // 1. The officer confirms the decision: the project enters execution.
    const officer = await open('daxing-officer');
    await officer.page.goto(`${server.baseUrl}/app/funding/${callId}`);
    await officer.page.getByTestId('confirm-decision').waitFor({ timeout: 15_000 });
    await officer.page.getByTestId('confirm-decision').click();
    await officer.page.getByTestId('decision-document').fill('京兴人社发〔2026〕60号');
    await officer.page.getByRole('button', { name: '确认认定' }).last().click();
    await officer.page.getByTestId('decided-alert').waitFor({ timeout: 15_000 });
    const [project] = await server.database.db.select().from(projects).where(eq(projects.applicationId, appId));
    expect(project).toMatchObject({ status: 'in-execution', closeBy: lastDayOf(month(2)) });

    // 2. unit-a sees it in its list and files the closure report, each 成果 / 预期目标 answered.
    const unit = await open('unit-a');
    await unit.page.goto(server.baseUrl + '/app/projects');
    await unit.page.getByTestId(`project-link-${project.id}`).waitFor({ timeout: 15_000 });
    await unit.page.getByTestId(`project-link-${project.id}`).click();
    await unit.page.getByTestId('project-plan').waitFor({ timeout: 15_000 });
    expect(await unit.page.getByTestId('project-plan').innerText()).toContain('《叶轮五轴联动加工工艺案例集》');
    await unit.page.getByRole('tab', { name: '结项报告' }).click();
    await unit.page.getByTestId('closure-open').click();
    await unit.page.getByTestId('closure-summary').fill('项目按计划书完成，案例集已编印，3 名学员通过技师考核。');
    for (const i of [0, 1, 2]) await unit.page.getByTestId(`deliverable-achieved-${i}`).fill(['案例集已编印成册', '完成叶轮加工案例 11 个', '3 名学员取得技师证书'][i]);
    await unit.page.getByTestId('closure-submit').click();
    await unit.page.getByTestId('closure-1').waitFor({ timeout: 15_000 });
    expect(await unit.page.getByTestId('closure-1').innerText()).toContain('待评估');
    expect(await unit.page.getByTestId('project-status').innerText()).toContain('已提交结项');

    // 3. The officer assesses it passed: the subsidy becomes due (第十四条).
    await officer.page.goto(`${server.baseUrl}/app/projects/${project.id}`);
    await officer.page.getByRole('tab', { name: '评估' }).click();
    await officer.page.getByTestId('assess-open').click();
    expect(await officer.page.getByTestId('assess-payable').inputValue()).toBe('45000');
    await officer.page.getByTestId('assess-reasons').fill('成果与计划书逐项一致，佐证充分，同意通过。');
    await officer.page.getByTestId('assess-submit').click();
    await officer.page.getByTestId('assessment').waitFor({ timeout: 15_000 });
    expect(await officer.page.getByTestId('project-status').innerText()).toContain('评估通过');
    await officer.context.close();

    // 4. Finance records the payment on the schedule.
    const finance = await open('daxing-finance');
    await finance.page.goto(server.baseUrl + '/app/disbursements');
    const row = finance.page.locator('tr', { hasText: NAME }).first();
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain('待拨付');
    await row.getByRole('button', { name: '登记拨付' }).click();
    await finance.page.getByTestId('pay-voucher').waitFor({ timeout: 15_000 });
    expect(await finance.page.getByTestId('pay-amount').inputValue()).toBe('45000');
    await finance.page.getByTestId('pay-voucher').fill('DX-PZ-PRJ-0601');
    await finance.page.locator('.ant-modal').getByRole('button', { name: '登记拨付' }).click();
    await expect.poll(async () => row.innerText(), { timeout: 15_000 }).toContain('已拨付');
    await finance.context.close();

    // 5. The project shows 已拨付.
    await unit.page.goto(`${server.baseUrl}/app/projects/${project.id}`);
    await unit.page.getByTestId('project-status').waitFor({ timeout: 15_000 });
    expect(await unit.page.getByTestId('project-status').innerText()).toContain('已拨付');
    await unit.page.getByRole('tab', { name: '经费' }).click();
    expect(await unit.page.locator('main').innerText()).toContain('DX-PZ-PRJ-0601');
    await unit.context.close();
    expect(errors).toEqual([]);
  });
});
