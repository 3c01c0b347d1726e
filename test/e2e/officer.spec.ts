import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCall, seedDaxingProjectApplication } from '../../src/server/modules/applications/applications.test-helpers';
import { hasChromium, launchBrowser, signInAs, startE2EServer, type E2EServer } from '../helpers/browser';

describe.skipIf(!hasChromium)('[INTAKE] officer side: calls and the intake desk', () => {
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

  const signIn = (username: string) => signInAs(browser, server.baseUrl, username);

  it('[INTAKE] an officer opens a 大兴 call and sees it in the public list', async () => {
    const { page, errors, close } = await signIn('daxing-officer');
    await page.goto(server.baseUrl + '/app/calls');
    await page.getByTestId('officer-calls').waitFor({ timeout: 15_000 });
    await page.getByTestId('new-call').click();
    await page.getByTestId('call-title').waitFor({ timeout: 15_000 });

    const title = `2027年大兴区技能大师工作室建设项目评选（浏览器测试 ${Date.now() % 100000}）`;
    await page.locator('label:has([data-testid=program-construction-project])').click();
    // 京兴人社发〔2025〕21号 第四条: at most 10 projects a year — the form says so and refuses 11.
    await page.getByText('不得超过 10（京兴人社发〔2025〕21号 第四条）').waitFor();
    await page.getByTestId('call-title').fill(title);
    await page.getByTestId('call-quota').fill('11');
    await page.getByTestId('contact-phone-0').fill('81298272');
    await page.getByTestId('call-notice').fill('根据京兴人社发〔2025〕21号，组织开展大兴区技能大师工作室建设项目评选工作，请符合条件的单位在申报时间内提交材料。');
    await page.getByTestId('call-submit').click();
    await page.getByText('不得超过 10', { exact: true }).waitFor({ timeout: 10_000 });
    expect(page.url()).toContain('/app/calls/new');

    await page.getByTestId('call-quota').fill('10');
    await page.getByTestId('call-submit').click();
    await page.getByTestId('officer-call').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('call-title').innerText()).toBe(title);
    expect(await page.locator('body').innerText()).toContain('京兴人社发〔2025〕21号');

    // The public list, without login: the new call is there, open, closing at 18:00 Beijing time.
    const anon = await browser.newPage();
    await anon.goto(server.baseUrl + '/calls');
    await anon.getByText(title).first().waitFor({ timeout: 15_000 });
    const listed = (await (await anon.request.get(server.baseUrl + '/api/calls')).json()) as { title: string; status: string; closesAt: string }[];
    expect(listed.find((c) => c.title === title)).toMatchObject({ status: 'open', closesAt: expect.stringMatching(/T18:00:00\+08:00$/) });
    await anon.close();
    expect(errors).toEqual([]);
    await close();
  });

  it('[INTAKE] the desk returns a submitted application for correction and the unit sees the items', async () => {
    // Seeded through the API: a call open now and a complete, submitted 大兴 project application of unit-a.
    const fmt = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(d);
    const day = 86_400_000;
    const officerCookie = await server.login('daxing-officer');
    const callId = await openCall(server.app, officerCookie, {
      title: '2026年大兴区技能大师工作室建设项目评选（补正测试）',
      opensAt: `${fmt(new Date(Date.now() - day))}T09:00`,
      closesAt: `${fmt(new Date(Date.now() + 14 * day))}T18:00`,
      projectsCloseBy: fmt(new Date(Date.now() + 200 * day)),
    });
    const seeded = await seedDaxingProjectApplication(server.app, await server.login('unit-a'), callId);

    const desk = await signIn('daxing-officer');
    await desk.page.goto(server.baseUrl + '/app/intake');
    await desk.page.getByTestId('intake-queue').waitFor({ timeout: 15_000 });
    await desk.page.getByRole('link', { name: seeded.number }).click();
    await desk.page.getByTestId('intake-application').waitFor({ timeout: 15_000 });
    expect(await desk.page.getByTestId('app-status').innerText()).toContain('已提交，待初审');
    // The materials tab lists the uploaded scan with its size and a download link.
    await desk.page.getByText('申报材料（', { exact: false }).click();
    expect(await desk.page.getByTestId('material-file').first().getAttribute('href')).toMatch(new RegExp(`/api/applications/${seeded.id}/materials/`));

    await desk.page.getByTestId('return-open').click();
    const comment = '开户许可证复印件不清晰，请重新彩色扫描后上传';
    await desk.page.getByTestId('pick-material-bank-account-permit').click();
    await desk.page.getByTestId('comment-material-bank-account-permit').fill(comment);
    // The deadline: 5 statutory working days from today, computed by the working-day calendar.
    await desk.page.getByTestId('return-deadline').getByText(/截止日期：\d{4}-\d{2}-\d{2}/).waitFor({ timeout: 10_000 });
    await desk.page.getByTestId('return-confirm').click();
    await desk.page.getByText('已退回补正，申报单位将收到通知').waitFor({ timeout: 10_000 });
    await desk.page.getByTestId('app-status').getByText('退回补正').waitFor({ timeout: 10_000 });
    expect(await desk.page.locator('body').innerText()).toContain(comment);

    // The unit sees exactly which item to fix.
    const unit = await signIn('unit-a');
    await unit.page.goto(`${server.baseUrl}/app/applications/${seeded.id}`);
    await unit.page.getByTestId('correction-banner').waitFor({ timeout: 15_000 });
    const banner = await unit.page.getByTestId('correction-banner').innerText();
    expect(banner).toContain('银行开户许可证');
    expect(banner).toContain(comment);
    expect(desk.errors).toEqual([]);
    expect(unit.errors).toEqual([]);
    await unit.close();
    await desk.close();
  });
  it('[INTAKE] two officers return the same application at once: the second is told clearly, nothing is overwritten', async () => {
    const fmt = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(d);
    const day = 86_400_000;
    const callId = await openCall(server.app, await server.login('daxing-officer'), {
      title: '2026年大兴区技能大师工作室建设项目评选（并发测试）',
      opensAt: `${fmt(new Date(Date.now() - day))}T09:00`,
      closesAt: `${fmt(new Date(Date.now() + 14 * day))}T18:00`,
      projectsCloseBy: fmt(new Date(Date.now() + 200 * day)),
    });
    const seeded = await seedDaxingProjectApplication(server.app, await server.login('unit-a'), callId);

    const desk = await signIn('daxing-officer');
    await desk.page.goto(`${server.baseUrl}/app/intake/${seeded.id}`);
    await desk.page.getByTestId('return-open').click();
    await desk.page.getByTestId('pick-form-work-plan').click();
    await desk.page.getByTestId('comment-form-work-plan').fill('经费计划合计与申请金额不一致');
    // Meanwhile a colleague returns it first.
    const first = await server.app.inject({
      method: 'POST',
      url: `/api/applications/${seeded.id}/return`,
      headers: { cookie: await server.login('daxing-officer') },
      payload: { items: [{ kind: 'material', id: 'bank-account-permit', comment: '开户许可证未加盖公章' }], deadlineWorkingDays: 5 },
    });
    expect(first.statusCode).toBe(200);
    await desk.page.getByTestId('return-confirm').click();
    const conflict = desk.page.getByTestId('return-conflict');
    await conflict.waitFor({ timeout: 10_000 });
    expect(await conflict.innerText()).toContain('该申报已被其他人处理');
    expect(await conflict.innerText()).toMatch(/由 周云汉（大兴区人社局） 退回补正（第 1 轮）/);
    await conflict.getByRole('button').click();
    await desk.page.getByTestId('app-status').getByText('退回补正').waitFor({ timeout: 10_000 });
    // The colleague's round stands: one round, their item only.
    const app = (await server.app.inject({ method: 'GET', url: `/api/applications/${seeded.id}`, headers: { cookie: await server.login('daxing-officer') } })).json();
    expect(app.corrections).toHaveLength(1);
    expect(app.corrections[0].items.map((i: { id: string }) => i.id)).toEqual(['bank-account-permit']);
    expect(desk.errors).toEqual([]);
    await desk.close();
  });
});
