import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEdition } from '../../src/policy/editions';
import { creditCodeCheckChar } from '../../src/policy/rules/id-numbers';
import { openCall, seedDaxingProjectApplication } from '../../src/server/modules/applications/applications.test-helpers';
import { judgeAllOk } from '../../src/server/modules/review/desk.test-helpers';
import { multipartFile, tinyPdf } from '../helpers/fixtures';
import { hasChromium, launchBrowser, signInAs, startE2EServer, type E2EServer } from '../helpers/browser';

/**
 * The whole review of a 大兴 project round in one run (issue 5): 初审 item by item with a return for correction (2026
 * 通知 三（二）), the unit's correction, the expert panel drawn and assigned, conflict declarations and scores against
 * the rubric (京兴人社发〔2025〕21号 第十一条; 2026 通知 三（三）), the officer's proposal within the call's quota (第四条),
 * and the inspector reading every stage, score and read. Actors who are the subject of the test act in the browser;
 * the others act through the same API.
 */
const RUBRIC = getEdition('daxing-2025')!.programs.find((p) => p.id === 'construction-project')!.rubric!;
const PERMIT = 'bank-account-permit';

describe.skipIf(!hasChromium)('[REVIEW] a 大兴 project round from 初审 to the proposed list', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = (username: string) => signInAs(browser, server.baseUrl, username);
  const api = async (method: string, url: string, cookie: string, payload?: unknown) => {
    const res = await server.app.inject({ method: method as 'GET', url, headers: { cookie }, payload: payload as never });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.body ? res.json() : null;
  };
  const confirmPopover = (page: Page) => page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').click();

  it('[REVIEW] the desk returns one application, the unit corrects it, experts declare and score, the officer proposes within the quota, the inspector sees it all', async () => {
    const fmt = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(d);
    const day = 86_400_000;
    const officer = await server.login('daxing-officer');
    const callId = await openCall(server.app, officer, {
      title: '2026年大兴区技能大师工作室建设项目评选（全流程）',
      quota: 1,
      opensAt: `${fmt(new Date(Date.now() - day))}T09:00`,
      closesAt: `${fmt(new Date(Date.now() + 14 * day))}T18:00`,
      projectsCloseBy: fmt(new Date(Date.now() + 200 * day)),
    });
    const unitA = await server.login('unit-a');
    const a = await seedDaxingProjectApplication(server.app, unitA, callId, { projectName: '精密数控加工技艺传承与创新项目' });
    // A second 大兴 unit registers (GB 32100 credit code) and applies too.
    const first17 = '91110115MA05RWK10';
    const registered = await server.app.inject({
      method: 'POST',
      url: '/api/auth/register-unit',
      payload: { unitName: '北京兴业焊接技术有限公司', creditCode: first17 + creditCodeCheckChar(first17), jurisdictionId: 'daxing', address: '北京市大兴区天华街 9 号', contactName: '周明', contactPhone: '13700002222', username: 'xingye-weld', displayName: '周明', password: 'Jiangxin2026a' },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const unitB = await server.login('xingye-weld', 'Jiangxin2026a');
    const b = await seedDaxingProjectApplication(server.app, unitB, callId, { projectName: '焊接工艺数字化培训项目' });

    // 1. 初审 of A: the bank permit is not stamped; the desk returns it for correction (prefilled from the verdict).
    const desk = await signIn('daxing-officer');
    await desk.page.goto(`${server.baseUrl}/app/intake/${a.id}`);
    await desk.page.getByTestId('review-desk').waitFor({ timeout: 15_000 });
    await desk.page.getByTestId(`verdict-material-${PERMIT}`).getByText('缺失').click();
    await desk.page.getByTestId(`verdict-comment-material-${PERMIT}`).fill('开户许可证未加盖公章');
    await desk.page.getByTestId(`verdict-comment-material-${PERMIT}`).blur();
    await desk.page.getByTestId(`saved-material-${PERMIT}`).waitFor({ timeout: 10_000 });
    await desk.page.getByTestId('verdict-all-ok').click();
    await desk.page.getByTestId('verdict-progress').getByText(/^已审核 (\d+) \/ \1 项，其中不合格 1 项/).waitFor({ timeout: 10_000 });
    await desk.page.getByTestId('return-open').click();
    expect(await desk.page.getByTestId(`comment-material-${PERMIT}`).inputValue()).toBe('开户许可证未加盖公章');
    await desk.page.getByTestId('return-confirm').click();
    await desk.page.getByTestId('app-status').getByText('退回补正').waitFor({ timeout: 15_000 });

    // 2. The unit replaces the scan and resubmits.
    const returned = await api('GET', `/api/applications/${a.id}`, unitA);
    const old = (returned.checklist as { id: string; files: { id: string }[] }[]).find((c) => c.id === PERMIT)!.files[0];
    await api('DELETE', `/api/applications/${a.id}/materials/${old.id}`, unitA);
    const scan = multipartFile('开户许可证（盖章）.pdf', tinyPdf('stamped permit'));
    const up = await server.app.inject({ method: 'POST', url: `/api/applications/${a.id}/materials/${PERMIT}`, headers: { cookie: unitA, ...scan.headers }, payload: scan.payload });
    expect(up.statusCode, up.body).toBe(201);
    await api('POST', `/api/applications/${a.id}/submit`, unitA, {});

    // 3. Back at the same desk: the previous verdict and what changed are shown; everything is ok now.
    await desk.page.reload();
    await desk.page.getByTestId('review-desk').waitFor({ timeout: 15_000 });
    await desk.page.getByTestId(`changed-material-${PERMIT}`).waitFor({ timeout: 10_000 });
    expect(await desk.page.getByTestId(`previous-material-${PERMIT}`).innerText()).toContain('开户许可证未加盖公章');
    await desk.page.getByTestId('verdict-all-ok').click();
    await desk.page.getByTestId('verdict-progress').getByText(/其中不合格 0 项/).waitFor({ timeout: 10_000 });
    await desk.page.getByTestId('desk-accept').click();
    await confirmPopover(desk.page);
    await desk.page.getByTestId('app-status').getByText('专家评审中').waitFor({ timeout: 15_000 });
    expect(desk.errors).toEqual([]);
    // B passes 初审 as it is.
    await judgeAllOk(server.app, officer, b.id);
    await api('POST', `/api/review/applications/${b.id}/accept`, officer, { version: (await api('GET', `/api/review/applications/${b.id}/desk`, officer)).version });

    // 4. The panel: a recorded random draw, then three experts per application by field and load.
    await desk.page.goto(`${server.baseUrl}/app/review/${callId}/panel`);
    await desk.page.getByTestId('draw-submit').click();
    await desk.page.getByTestId('draw-seed').first().waitFor({ timeout: 15_000 });
    await desk.page.getByTestId('auto-assign').click();
    await expect.poll(async () => (await desk.page.getByTestId('active-count').allInnerTexts()).join(','), { timeout: 15_000 }).toBe('3/3,3/3');
    await desk.close();

    // 5. Experts: each declares no conflict first, then scores (A 90, B 70 on every criterion). One does it in the browser.
    const matrix = await api('GET', `/api/review/calls/${callId}/assignments`, officer);
    const panel = await api('GET', `/api/review/calls/${callId}/panel`, officer);
    const userOf = (expertId: string) => (panel.members as { id: string; username: string }[]).find((m) => m.id === expertId)!.username;
    const cells = (matrix.applications as { id: string; cells: { expertId: string; assignmentId: string; status: string | null }[] }[]).flatMap((app) =>
      app.cells.filter((c) => c.status === 'pending').map((c) => ({ app: app.id, expert: userOf(c.expertId), assignment: c.assignmentId })),
    );
    expect(cells).toHaveLength(6);
    const [inBrowser, ...byApi] = cells.sort((x, y) => Number(y.app === a.id) - Number(x.app === a.id));
    const points = (app: string) => (app === a.id ? 90 : 70);
    for (const c of byApi) {
      const cookie = await server.login(c.expert);
      // Before declaring, the application stays closed to the expert.
      expect((await server.app.inject({ method: 'GET', url: `/api/review/assignments/${c.assignment}/sheet`, headers: { cookie } })).statusCode).toBe(409);
      await api('POST', `/api/review/assignments/${c.assignment}/declaration`, cookie, { hasConflict: false });
      const sheet = await api('GET', `/api/review/assignments/${c.assignment}/sheet`, cookie);
      const criteria = Object.fromEntries(RUBRIC.map((r) => [r.id, points(c.app)]));
      await api('PUT', `/api/review/assignments/${c.assignment}/score`, cookie, { criteria, comments: {}, overallComment: '依据工作计划书逐项评议。', version: sheet.score?.version ?? 0 });
      await api('POST', `/api/review/assignments/${c.assignment}/score/submit`, cookie, {});
    }
    const ex = await signIn(inBrowser.expert);
    await ex.page.goto(`${server.baseUrl}/app/assignments`);
    const row = ex.page.getByTestId('todo').locator('tr', { hasText: a.number });
    await row.getByTestId('declare').click();
    await ex.page.getByText('本人与该申报单位及申报人不存在利益冲突').waitFor();
    await ex.page.getByTestId('declare-submit').click();
    await ex.page.getByTestId('todo').locator('tr', { hasText: a.number }).getByTestId('score-link').click();
    await ex.page.getByTestId('score-form').waitFor({ timeout: 15_000 });
    expect(await ex.page.locator('body').innerText()).toContain('精密数控加工技艺传承与创新项目'); // the application, read-only
    for (const r of RUBRIC) await ex.page.getByTestId(`criterion-${r.id}`).locator('input').fill('90');
    await ex.page.locator('#overallComment').fill('需求明确，计划可行，经费测算合理。');
    await ex.page.getByRole('button', { name: '提交评分' }).click();
    await ex.page.getByRole('dialog').getByRole('button', { name: '提交评分' }).click();
    await ex.page.getByTestId('score-status').filter({ hasText: '已提交' }).waitFor({ timeout: 15_000 });
    expect(ex.errors).toEqual([]);
    await ex.close();

    // 6. The officer closes the review and proposes within the quota of 1: A ranks first.
    const of = await signIn('daxing-officer');
    await of.page.goto(`${server.baseUrl}/app/review/${callId}/ranking`);
    await of.page.getByTestId('close-review').click();
    await of.page.locator('.ant-popconfirm').getByRole('button', { name: '结束评审' }).click();
    await of.page.locator('.ant-modal-confirm-title', { hasText: '已结束 2 件的专家评审' }).waitFor({ timeout: 15_000 });
    await of.page.locator('.ant-modal-confirm-btns button').first().click();
    await of.page.getByTestId('ranking-card').getByText(a.number).waitFor({ timeout: 15_000 });
    expect(await of.page.getByTestId('quota-counter').innerText()).toContain('已拟定 1 / 名额 1');
    await of.page.getByTestId('save-proposal').click();
    await of.page.getByText('拟定名单已保存').first().waitFor({ timeout: 15_000 });
    await of.page.getByTestId('submit-proposal').click();
    await of.page.getByRole('dialog').getByRole('button', { name: '提交拟定名单' }).click();
    await of.page.getByText('拟定名单已于').first().waitFor({ timeout: 15_000 });
    expect(of.errors).toEqual([]);
    await of.close();
    // The unit still sees only 评审中 (the outcome is public with the notice, issue 6).
    expect((await api('GET', `/api/applications/${b.id}`, unitB)).statusName).toBe('评审中');

    // 7. The inspector: every stage, every score, who read what, the chain intact.
    const insp = await signIn('daxing-inspector');
    await insp.page.goto(`${server.baseUrl}/app/oversight/${callId}`);
    await insp.page.getByTestId('oversight-record').waitFor({ timeout: 15_000 });
    const process = await insp.page.getByTestId('tab-process').innerText();
    expect(process).toContain(a.number);
    expect(process).toContain(b.number);
    await insp.page.getByRole('tab', { name: /评分明细/ }).click();
    expect(await insp.page.getByTestId('tab-scores').innerText()).toContain('需求明确，计划可行，经费测算合理。');
    await insp.page.getByRole('tab', { name: /访问记录/ }).click();
    expect(await insp.page.getByTestId('tab-access').innerText()).toContain(inBrowser.expert);
    await insp.page.getByRole('tab', { name: /审计/ }).click();
    await insp.page.getByTestId('verify-chain').click();
    await insp.page.getByTestId('verify-result').getByText(/审计链完整/).waitFor({ timeout: 30_000 });
    expect(insp.errors).toEqual([]);
    await insp.close();
  }, 240_000);
});
