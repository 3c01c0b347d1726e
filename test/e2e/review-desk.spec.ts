import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCall, seedDaxingProjectApplication } from '../../src/server/modules/applications/applications.test-helpers';
import { advanceTo, printDossier } from '../../src/server/modules/review/desk.test-helpers';
import { hasChromium, launchBrowser, signInAs, startE2EServer, type E2EServer } from '../helpers/browser';

/**
 * The review desk in a real browser (issue 5): 初审 item by item (大兴 2026 通知 三（二）) and the 经开区 window's paper
 * receipt (京技管发〔2024〕1号 办事指南 六（四）、五（二）).
 */
describe.skipIf(!hasChromium)('[REVIEW] desk stages', () => {
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
  const confirmPopover = (page: Page) => page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').click();

  it('[REVIEW] 初审: the officer marks each item and accepts; a 经开区 window records the paper receipt', async () => {
    // 大兴: a call open now and a complete, submitted project application of unit-a, seeded through the API.
    const fmt = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(d);
    const day = 86_400_000;
    const callId = await openCall(server.app, await server.login('daxing-officer'), {
      title: '2026年大兴区技能大师工作室建设项目评选（审核台测试）',
      opensAt: `${fmt(new Date(Date.now() - day))}T09:00`,
      closesAt: `${fmt(new Date(Date.now() + 14 * day))}T18:00`,
      projectsCloseBy: fmt(new Date(Date.now() + 200 * day)),
    });
    const seeded = await seedDaxingProjectApplication(server.app, await server.login('unit-a'), callId);

    const desk = await signIn('daxing-officer');
    const { page } = desk;
    await page.goto(`${server.baseUrl}/app/intake/${seeded.id}`);
    await page.getByTestId('review-desk').waitFor({ timeout: 15_000 });
    // The article the desk works under is on the page.
    expect(await page.getByTestId('desk-citation').innerText()).toContain('三（二）');

    // One item judged missing with a comment, the rest ok in one click.
    const permit = page.getByTestId('verdict-material-bank-account-permit');
    await permit.getByText('缺失').click();
    await page.getByTestId('verdict-comment-material-bank-account-permit').fill('开户许可证未加盖公章');
    await page.getByTestId('verdict-comment-material-bank-account-permit').blur();
    await page.getByTestId('saved-material-bank-account-permit').waitFor({ timeout: 10_000 });
    await page.getByTestId('verdict-all-ok').click();
    // "其中不合格 1 项" already shows after the first verdict; wait until every item is judged.
    await page.getByTestId('verdict-progress').getByText(/^已审核 (\d+) \/ \1 项，其中不合格 1 项/).waitFor({ timeout: 10_000 });

    // 初审通过 is refused while an item is not ok: the desk says which.
    await page.getByTestId('desk-accept').click();
    await confirmPopover(page);
    const refusal = page.getByTestId('desk-error');
    await refusal.waitFor({ timeout: 10_000 });
    expect(await refusal.innerText()).toMatch(/还有 1 项未判定为合格.*银行开户许可证/s);

    // 退回补正 is prefilled from the non-ok verdict (one click); the officer instead re-checks the scan and accepts.
    await page.getByTestId('return-open').click();
    expect(await page.getByTestId('comment-material-bank-account-permit').inputValue()).toBe('开户许可证未加盖公章');
    await page.locator('.ant-modal-footer button').first().click(); // 取消
    await permit.getByText('合格').click();
    await page.getByTestId('verdict-progress').getByText(/其中不合格 0 项/).waitFor({ timeout: 10_000 });
    await page.getByTestId('desk-accept').click();
    await confirmPopover(page);
    await page.getByText('已初审通过，进入“专家评审”').waitFor({ timeout: 10_000 });
    await page.getByTestId('app-status').getByText('专家评审中').waitFor({ timeout: 10_000 });
    expect(desk.errors).toEqual([]);
    await desk.close();

    // 经开区: a demo application taken through 初审 and 审核 (六（二）、六（三）) via the API; the window does the rest.
    const etdzCookie = await server.login('etdz-officer');
    const list = (await server.app.inject({ method: 'GET', url: '/api/applications?pageSize=100', headers: { cookie: etdzCookie } })).json() as { id: string; number: string; status: string; jurisdiction: string; unitName: string }[];
    const etdz = list.find((a) => a.jurisdiction === 'etdz' && /亦庄智造/.test(a.unitName) && ['submitted', 'resubmitted', 'substantive-review', 'paper-intake'].includes(a.status));
    if (!etdz) throw new Error(`no 经开区 application before 线下受理 of unit-b in the demo data: ${JSON.stringify(list.map((a) => [a.unitName, a.status]))}`);
    await advanceTo(server.app, server.database.db, etdzCookie, etdz.id, 'paper-intake');

    const window = await signIn('etdz-officer');
    await window.page.goto(`${server.baseUrl}/app/desk`);
    await window.page.getByTestId('review-desk-queues').waitFor({ timeout: 15_000 });
    await window.page.getByTestId('queue-tab-paper-intake').click();
    await window.page.getByTestId('queue-paper-intake').getByRole('link', { name: etdz.number }).click();
    await window.page.getByTestId('review-desk').waitFor({ timeout: 15_000 });
    expect(await window.page.getByTestId('desk-stage').innerText()).toBe('线下受理');
    expect(await window.page.getByTestId('desk-citation').innerText()).toContain('六（四）、五（二）');

    // 通知报送纸质材料 (五（二）): SMS and in-app; the pending deadline shows.
    await window.page.getByTestId('desk-request-paper').click();
    await confirmPopover(window.page);
    await window.page.getByTestId('paper-dossier-pending').waitFor({ timeout: 10_000 });

    // The unit prints the watermarked dossier; the window first mistypes the code, then enters it.
    const code = await printDossier(server.app, server.database.db, await server.login('unit-b'), etdz.id);
    await window.page.getByTestId('desk-paper').click();
    await window.page.getByTestId('paper-code').fill('ZZZZ-ZZZZ-ZZZZ');
    await window.page.getByTestId('paper-confirm').click();
    await window.page.getByTestId('paper-error').getByText(/核验码不存在/).waitFor({ timeout: 10_000 });
    await window.page.getByTestId('paper-code').fill(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase());
    await window.page.getByTestId('paper-confirm').click();
    await window.page.getByText('已登记收件，进入“专家评审”').waitFor({ timeout: 10_000 });
    await window.page.getByTestId('app-status').getByText('专家评审中').waitFor({ timeout: 10_000 });
    const history = window.page.getByTestId('paper-history');
    await history.waitFor({ timeout: 10_000 });
    expect(await history.innerText()).toContain(code);
    expect(window.errors).toEqual([]);
    await window.close();
  });
});
