import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, startE2EServer, type E2EServer } from '../helpers/browser';

/** 'YYYY-MM-DDTHH:mm' in Beijing time, `days` from now. */
function beijingLocal(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
}

describe.skipIf(!hasChromium)('public pages: self-check, policies, comparison, calls', () => {
  let server: E2EServer;
  let browser: Browser;
  let closedCallId: string;
  let openCallId: string;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    // Seed through the API (as the 大兴 program officer), not through the UI.
    const cookie = await server.login('daxing-officer');
    const open = async (body: Record<string, unknown>) => {
      const res = await server.app.inject({ method: 'POST', url: '/api/calls', headers: { cookie }, payload: body });
      if (res.statusCode !== 201) throw new Error(`call not created: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    const base = {
      policyId: 'daxing-2025',
      program: 'construction-project',
      contacts: [{ name: '周云汉、姜锦颐', phone: '81298272', address: '大兴区永华南里14号艺苑桐城行政办公区人力资源公共服务中心121室' }],
      noticeText: '各相关单位：根据京兴人社发〔2025〕21号要求，组织开展大兴区技能大师工作室建设项目评选工作。申报时间：自本通知发布之日起至截止时间前。',
    };
    // The 2026 round of the 2026-06-08 notice (四、申报时间: 至2026年6月26日18:00前).
    closedCallId = await open({ ...base, title: 'E2E 2026年大兴区技能大师工作室建设项目评选', year: 2026, opensAt: '2026-06-08T00:00', closesAt: '2026-06-26T18:00', quota: 10, projectsCloseBy: '2026-10-31' });
    openCallId = await open({ ...base, title: 'E2E 大兴区建设项目评选（进行中）', year: 2026, opensAt: beijingLocal(-1), closesAt: beijingLocal(20), quota: 8 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newPage(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors, close: () => context.close() };
  }

  it('[POLICY] a visitor checks a 大兴 master in the self-check and sees each condition with its article', async () => {
    const { page, errors, close } = await newPage();
    await page.goto(server.baseUrl + '/self-check?policy=daxing-2025&program=studio-recognition');
    await page.getByTestId('self-check-conclusion').waitFor({ timeout: 15_000 });
    // Nothing answered yet: conditions are 待补充, no conclusion.
    expect(await page.getByTestId('self-check-conclusion').innerText()).toContain('还有信息待补充');
    // 大兴 asks no retirement margin (第七条（一）1 在职在聘 only): the birth date is not even asked.
    expect(await page.getByText('技能大师的出生日期').count()).toBe(0);

    const question = (label: string) => page.locator('.ant-form-item').filter({ hasText: label });
    await question('技能大师目前是否在职在聘').getByText('否', { exact: true }).click();
    await question('是否列入《中华人民共和国职业分类大典》').getByText('是', { exact: true }).click();
    await question('除技能大师外，工作室团队有几名').locator('input').fill('5');

    const employed = page.getByTestId('finding-daxing-2025.leader.employed');
    await expect.poll(() => employed.getAttribute('data-outcome'), { timeout: 10_000 }).toBe('fail');
    const row = await employed.innerText();
    expect(row).toContain('不符合');
    expect(row).toContain('第七条（一）1');
    await expect.poll(() => page.getByTestId('finding-daxing-2025.unit.team').getAttribute('data-outcome')).toBe('pass');
    expect(await page.getByTestId('finding-daxing-2025.unit.team').innerText()).toContain('第七条（二）5');
    // Conditions judged from evidence (第七条（一）3–4) say so, and do not block.
    expect(await page.getByTestId('finding-daxing-2025.leader.achievements').innerText()).toContain('需材料审核');
    expect(await page.getByTestId('self-check-conclusion').innerText()).toContain('不符合');
    expect(await page.getByTestId('self-check-to-fix').innerText()).toContain('第七条（一）1');

    // The article link opens the policy text at 第七条.
    await employed.getByTestId('finding-article').click();
    await page.waitForURL(/\/policies\/daxing-2025#/);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#第七条');
    const article = page.locator('[id="第七条"]');
    await article.waitFor({ timeout: 15_000 });
    expect(await article.innerText()).toContain('凡在大兴区注册或经营的企事业单位');
    await expect.poll(() => article.evaluate((el) => Math.abs(el.getBoundingClientRect().top) < 200)).toBe(true);
    expect(await page.getByTestId('policy-text').innerText()).toContain('长期坚守在生产服务一线，在职在聘');
    expect(errors).toEqual([]);
    await close();
  });

  it('[POLICY] a signed-in unit runs the same self-check inside its workspace', async () => {
    const { page, errors, close } = await newPage();
    await page.goto(server.baseUrl + '/login');
    await page.getByTestId('login-username').fill('unit-a');
    await page.getByTestId('login-password').fill('demo12345');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/app/);
    await page.goto(server.baseUrl + '/app/self-check?policy=shunyi-draft');
    await page.getByTestId('self-check-conclusion').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('current-user').count()).toBe(1);
    // 顺义 第四条（一）: technician or above, relaxed to 高级工 in 高精尖/新兴 industries.
    const question = (label: string) => page.locator('.ant-form-item').filter({ hasText: label });
    await question('单位所属产业领域').getByText('高精尖产业', { exact: true }).click();
    await question('最高职业资格或技能等级').locator('.ant-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '高级工（三级）' }).click();
    const skill = page.getByTestId('finding-shunyi-draft.leader.skill-level');
    // 高级工 in a 高精尖 industry: the relaxation may apply — the bureau decides (需材料审核), it does not fail.
    await expect.poll(() => skill.getAttribute('data-outcome'), { timeout: 10_000 }).toBe('review');
    expect(await skill.innerText()).toContain('需材料审核');
    expect(await skill.innerText()).toContain('第四条（一）');
    // The same 高级工 in another industry does not meet the condition.
    await question('单位所属产业领域').getByText('其他产业', { exact: true }).click();
    await expect.poll(() => skill.getAttribute('data-outcome'), { timeout: 10_000 }).toBe('fail');
    expect(await skill.innerText()).toContain('不符合');
    expect(errors).toEqual([]);
    await close();
  });

  it('[POLICY] the comparison shows 经开区 asks two years to retirement and 大兴 does not', async () => {
    const { page, errors, close } = await newPage();
    await page.goto(server.baseUrl + '/policies/compare');
    const row = page.getByTestId('compare-row-leader.retirement-margin');
    await row.waitFor({ timeout: 15_000 });
    const cell = (id: string) => row.locator(`td[data-edition="${id}"]`).innerText();
    expect(await cell('daxing-2025')).toContain('未作要求');
    expect(await cell('etdz-2024')).toContain('距法定退休年龄2年以上（含2年）');
    expect(await cell('etdz-2024')).toContain('三（二）');
    expect(await cell('shunyi-draft')).toContain('距法定退休年龄2年以上（含2年）');
    // …while 大兴 does ask 在职在聘 (第七条（一）1).
    const employed = page.getByTestId('compare-row-leader.employed').locator('td[data-edition="daxing-2025"]');
    expect(await employed.innerText()).toContain('在职在聘');
    expect(await employed.innerText()).toContain('第七条（一）1');
    // 顺义 relaxes to 高级工 in 高精尖/新兴 industries; 经开区 admits honours for direct recognition.
    expect(await page.getByTestId('compare-row-leader.skill').locator('td[data-edition="shunyi-draft"]').innerText()).toContain('可适度放宽到高级工');
    expect(await page.getByTestId('compare-row-leader.direct-recognition').locator('td[data-edition="etdz-2024"]').innerText()).toContain('全国技术能手');
    expect(await page.getByTestId('compare-row-leader.direct-recognition').locator('td[data-edition="daxing-2025"]').innerText()).toContain('未作要求');
    // Money: 经开区 200,000 on first recognition, 顺义 100,000.
    const funding = page.getByTestId('compare-row-funding');
    expect(await funding.locator('td[data-edition="etdz-2024"]').innerText()).toContain('20万元');
    expect(await funding.locator('td[data-edition="shunyi-draft"]').innerText()).toContain('10万元');
    expect(errors).toEqual([]);
    await close();
  });

  it('[CALLS] the public call page shows the window and the materials', async () => {
    const { page, errors, close } = await newPage();
    await page.goto(server.baseUrl + '/calls');
    const link = page.getByRole('link', { name: 'E2E 2026年大兴区技能大师工作室建设项目评选' });
    await link.waitFor({ timeout: 15_000 });
    const listRow = page.locator('tr').filter({ has: link });
    expect(await listRow.innerText()).toContain('截止 2026-06-26 18:00（北京时间）');
    expect(await listRow.innerText()).toContain('已截止');
    const openRow = page.locator('tr').filter({ hasText: 'E2E 大兴区建设项目评选（进行中）' });
    expect(await openRow.innerText()).toContain('申报中');
    expect(await openRow.getByTestId('call-countdown').innerText()).toContain('距截止还有');
    // The district filter hides other districts' calls.
    await page.getByTestId('calls-filter').getByText('经开区').click();
    await expect.poll(() => link.count()).toBe(0);
    await page.getByTestId('calls-filter').getByText('大兴区').click();
    await link.click();

    await page.waitForURL(new RegExp(`/calls/${closedCallId}$`));
    const windowText = page.getByTestId('call-window');
    await windowText.waitFor({ timeout: 15_000 });
    expect(await windowText.innerText()).toContain('2026-06-08 00:00 — 2026-06-26 18:00（北京时间）');
    const detail = await page.getByTestId('call-detail').innerText();
    expect(detail).toContain('京兴人社发〔2025〕21号');
    expect(detail).toContain('81298272');
    expect(detail).toContain('2026-10-31');
    const materials = page.getByTestId('call-materials');
    await materials.getByText('大兴区技能大师工作室建设项目工作计划书').first().waitFor({ timeout: 10_000 });
    const materialsText = await materials.innerText();
    expect(materialsText).toContain('申报材料真实性承诺书');
    expect(materialsText).toContain('银行开户许可证');
    expect(materialsText).toContain('加盖公章');
    expect(await page.getByTestId('call-stages').innerText()).toContain('公示');
    expect(await page.getByTestId('call-apply').innerText()).toContain('申报已截止');
    // Blank forms to download, when the server offers them (GET /api/calls/:id/templates).
    const templates = await server.app.inject({ method: 'GET', url: `/api/calls/${closedCallId}/templates` });
    if (templates.statusCode === 200 && templates.json().length > 0) {
      await page.getByTestId('call-templates').getByText('申报材料真实性承诺书').waitFor({ timeout: 10_000 });
      const href = await page.getByTestId('call-template-link').first().getAttribute('href');
      expect(href).toMatch(new RegExp(`/api/calls/${closedCallId}/templates/.+\\.pdf$`));
    }

    // An open call leads a visitor to sign in, then to the applications.
    await page.goto(server.baseUrl + `/calls/${openCallId}`);
    await page.getByTestId('call-apply').getByText('去申报').click();
    await page.waitForURL(/\/login\?next=/);
    expect(decodeURIComponent(page.url())).toContain('next=/app/applications');

    // The language switch turns the page into English.
    await page.goto(server.baseUrl + `/calls/${closedCallId}`);
    await page.getByTestId('call-window').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Materials checklist').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('call-window').innerText()).toContain('2026-06-26 18:00 (Beijing time)');
    expect(errors).toEqual([]);
    await close();
  });
});
