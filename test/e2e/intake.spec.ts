import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEdition } from '../../src/policy/editions';
import type { FieldSchema } from '../../src/policy/types';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { formatShanghai } from '../../src/shared/time';
import { hasChromium, launchBrowser, startE2EServer, type E2EServer } from '../helpers/browser';
import { daxingProjectForms, multipartFile, tinyPdf, tinyPng } from '../helpers/fixtures';

/** 'YYYY-MM-DDTHH:mm' Beijing time, `days` from now. */
const beijingLocal = (days: number) => formatShanghai(new Date(Date.now() + days * 86_400_000)).replace(' ', 'T');

/** Opens a 大兴 construction-project call (京兴人社发〔2025〕21号; window around today) as daxing-officer. */
async function openDaxingProjectCall(server: E2EServer, title: string): Promise<string> {
  const cookie = await server.login('daxing-officer');
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/calls',
    headers: { cookie },
    payload: {
      policyId: 'daxing-2025',
      program: 'construction-project',
      title,
      year: Number(beijingLocal(0).slice(0, 4)),
      opensAt: beijingLocal(-1),
      closesAt: beijingLocal(10),
      contacts: [{ name: '周云汉', phone: '81298272' }],
      noticeText: '根据京兴人社发〔2025〕21号第九条，开展技能大师工作室建设项目申报（端到端测试批次）。',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(baseUrl + '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/app/);
}

const testId = (path: string) => `field-${path.replace(/\[(\d+)\]\./g, '-$1-')}`;

/** Fills one field the way a person does, by its type in the edition's schema. */
async function fillField(page: Page, form: Locator, path: string, f: FieldSchema, value: unknown) {
  const box = form.getByTestId(testId(path));
  switch (f.type) {
    case 'table': {
      const rows = value as Record<string, unknown>[];
      for (let i = 0; i < rows.length; i++) {
        await form.getByTestId(`add-row-${path}`).click();
        for (const c of f.columns ?? []) if (rows[i][c.key] !== undefined) await fillField(page, form, `${path}[${i}].${c.key}`, c, rows[i][c.key]);
      }
      return;
    }
    case 'textarea':
      await box.locator('textarea').fill(String(value));
      return;
    case 'date':
    case 'month': {
      const input = box.locator('input');
      await input.click();
      await input.fill(String(value));
      await input.press('Enter');
      return;
    }
    case 'multiselect': {
      const input = box.locator('input');
      for (const v of value as string[]) {
        await input.click();
        await input.fill(v);
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: v }).first().click();
      }
      await input.press('Escape');
      return;
    }
    case 'select':
      if (f.allowOther) {
        await box.locator('input').fill(String(value));
        await box.locator('input').press('Escape');
      } else {
        await box.locator('.ant-select').click();
        const label = f.options?.find((o) => o.value === value)?.label.zh ?? String(value);
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
      }
      return;
    case 'boolean':
      await box.getByText(value ? '是' : '否', { exact: true }).click();
      return;
    default:
      await box.locator('input').fill(String(value));
      await box.locator('input').blur();
  }
}

describe.skipIf(!hasChromium)('[INTAKE] applicant screens', () => {
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

  it('[INTAKE] a 大兴 unit fills and submits a construction-project application with uploads and downloads its dossier', async () => {
    const callTitle = '大兴区技能大师工作室建设项目评选（E2E 批次）';
    const callId = await openDaxingProjectCall(server, callTitle);
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server.baseUrl, 'unit-a');

    // 我的申报 → 发起申报 (大兴 第十条: a recognised studio applies for the project only).
    await page.goto(server.baseUrl + '/app/applications');
    await page.getByTestId(`start-${callId}`).click();
    await page.getByTestId('mode-recognized').click();
    await page.getByTestId('start-confirm').click();
    await page.waitForURL(/\/app\/applications\/[0-9a-f-]{36}/);
    const applicationId = /applications\/([0-9a-f-]{36})/.exec(page.url())![1];
    const number = (await page.getByTestId('application-number').innerText()).trim();
    expect(number).toMatch(/^DX-\d{4}-XM-\d{4}$/);
    expect(await page.getByTestId('closes-at').innerText()).toContain('北京时间');

    // Every form of the edition, every field the fixture fills (all required ones).
    const program = getEdition('daxing-2025')!.programs.find((p) => p.id === 'construction-project')!;
    const data = daxingProjectForms();
    for (const formId of ['work-plan', 'project-proposal', 'commitment']) {
      await page.getByTestId(`tab-form-${formId}`).click();
      const form = page.getByTestId(`form-tab-${formId}`);
      await form.waitFor();
      const schema = program.forms.find((f) => f.id === formId)!;
      const fields = schema.sections.flatMap((s) => s.fields);
      for (const f of fields.filter((x) => x.required)) expect(data[formId][f.key], `fixture fills ${formId}.${f.key}`).toBeDefined();
      for (const f of fields) if (data[formId][f.key] !== undefined) await fillField(page, form, f.key, f, data[formId][f.key]);
      if (formId === 'work-plan') {
        // 第九条（二）1 经费计划: the live total is shown and the lines add up to the requested amount.
        await expect.poll(() => form.getByTestId('total-budget-amount').innerText()).toContain('45,000');
        const requested = form.getByTestId('field-requestedAmount');
        await requested.locator('input').fill('50000');
        await requested.getByText('经费计划各项合计45000元，与申请补助金额50000元不一致').waitFor();
        await requested.locator('input').fill('45000');
        await requested.locator('input').blur();
        await expect.poll(() => requested.getAttribute('data-error')).toBeNull();
      }
      await form.getByTestId('save-indicator').filter({ hasText: '已自动保存' }).waitFor({ timeout: 15_000 });
    }

    // Materials: every required upload item gets a PDF and, where it takes several files and PNGs, a PNG.
    await page.getByTestId('tab-materials').click();
    const detail = (await (await page.request.get(`${server.baseUrl}/api/applications/${applicationId}`)).json()) as {
      checklist: { id: string; supply: string; required: boolean; formats: string[]; maxFiles: number }[];
    };
    const uploads = detail.checklist.filter((c) => c.supply !== 'online-form' && c.required);
    expect(uploads.length).toBeGreaterThan(0);
    // A file that says it is a PDF but is not one: the server's Chinese refusal is shown and nothing is attached.
    const first = uploads[0];
    await page.getByTestId(`material-${first.id}`).locator('input[type=file]').setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await page.getByTestId(`material-${first.id}`).getByTestId('upload-refusal').filter({ hasText: '不是有效的 PDF' }).waitFor();
    for (const item of uploads) {
      const files = [{ name: `${item.id}.pdf`, mimeType: 'application/pdf', buffer: tinyPdf(`${item.id}`) }];
      if (item.maxFiles >= 2 && item.formats.includes('png')) files.push({ name: `${item.id}.png`, mimeType: 'image/png', buffer: tinyPng(16, 16) });
      const row = page.getByTestId(`material-${item.id}`);
      await row.locator('input[type=file]').setInputFiles(files);
      await expect.poll(() => row.getByTestId('material-file').count(), { timeout: 15_000 }).toBe(files.length);
    }
    // An item that takes one file only: its PDF is replaced by a PNG (remove, then upload).
    const single = uploads.find((u) => u.maxFiles === 1 && u.formats.includes('png'));
    if (single) {
      const row = page.getByTestId(`material-${single.id}`);
      await row.getByRole('button', { name: /删\s*除/ }).click();
      await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect.poll(() => row.getByTestId('material-file').count()).toBe(0);
      await row.locator('input[type=file]').setInputFiles({ name: `${single.id}.png`, mimeType: 'image/png', buffer: tinyPng(16, 16) });
      await expect.poll(() => row.getByTestId('material-file').count(), { timeout: 15_000 }).toBe(1);
      expect(await row.getByTestId('material-file').innerText()).toContain('.png');
    }
    expect(await page.getByTestId('materials-progress').innerText()).toMatch(/(\d+) \/ \1/);

    // Submit → receipt with a number and a Beijing time.
    await page.getByTestId('tab-submit').click();
    await page.getByTestId('submit-button').click();
    await page.getByTestId('submit-confirm').click();
    await page.getByTestId('receipt').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('receipt-number').innerText()).toContain(number);
    expect(await page.getByTestId('receipt-time').innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);

    // Reload: submitted, read-only everywhere.
    await page.reload();
    await page.getByTestId('read-only-banner').waitFor();
    expect(await page.getByTestId('status-tag').innerText()).toContain('已提交');
    await page.getByTestId('tab-form-work-plan').click();
    await page.getByTestId('form-tab-work-plan').waitFor();
    expect(await page.getByTestId('form-tab-work-plan').locator('input:not([disabled]), textarea:not([disabled])').count()).toBe(0);
    expect(await page.getByTestId('form-tab-work-plan').innerText()).toContain('精密数控加工技艺传承与青年技工培养项目');
    await page.getByTestId('tab-materials').click();
    expect(await page.locator('[data-testid^="upload-"]').count()).toBe(0);
    await page.getByTestId('tab-timeline').click();
    expect(await page.getByTestId('timeline').innerText()).toContain('提交申报');

    // 下载申报书: the dossier PDF carries the application number in its text (when the dossier service is there).
    const probe = await page.request.get(`${server.baseUrl}/api/applications/${applicationId}/dossier.pdf`);
    if (probe.status() === 404 && (await probe.json()).error?.code === 'NOT_FOUND') {
      console.warn('[INTAKE] GET /api/applications/:id/dossier.pdf is not there yet: the dossier download is not checked');
    } else {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-dossier').click()]);
      const bytes = fs.readFileSync((await download.path())!);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
      expect(text).toContain(number);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('[INTAKE] autosave keeps the draft when the tab is closed', async () => {
    const callId = await openDaxingProjectCall(server, '大兴区技能大师工作室建设项目评选（E2E 自动保存）');
    const cookie = await server.login('unit-a');
    const created = await server.app.inject({ method: 'POST', url: '/api/applications', headers: { cookie }, payload: { callId, studioRecognized: true } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const url = `${server.baseUrl}/app/applications/${id}?tab=form:project-proposal`;

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'unit-a');
    await page.goto(url);
    const necessity = page.getByTestId('field-necessity').locator('textarea');
    await necessity.fill('区内航空零部件企业急需五轴加工技能人才。');
    await page.getByTestId('save-indicator').filter({ hasText: '已自动保存' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('save-indicator').innerText()).toMatch(/已自动保存 \d{2}:\d{2}:\d{2}/);

    // More typing, and the tab is closed at once — before the debounced save: the page-hide save keeps it.
    await page.getByTestId('field-feasibility').locator('textarea').fill('工作室拥有五轴加工中心 3 台。');
    await page.close({ runBeforeUnload: true });

    const again = await context.newPage();
    await again.goto(url);
    await again.getByTestId('form-tab-project-proposal').waitFor();
    await expect.poll(() => again.getByTestId('field-necessity').locator('textarea').inputValue()).toBe('区内航空零部件企业急需五轴加工技能人才。');
    await expect.poll(() => again.getByTestId('field-feasibility').locator('textarea').inputValue()).toBe('工作室拥有五轴加工中心 3 台。');

    // And the server has it (not only this browser's local copy).
    const saved = await server.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: { cookie } });
    await expect
      .poll(async () => {
        const r = await server.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: { cookie } });
        return r.json().forms.find((f: { id: string }) => f.id === 'project-proposal').data?.feasibility;
      })
      .toBe('工作室拥有五轴加工中心 3 台。');
    expect(saved.statusCode).toBe(200);
    await context.close();
  });

  it('[INTAKE] a save from a stale window is refused (409) and the window says so and reloads the later save', async () => {
    const callId = await openDaxingProjectCall(server, '大兴区技能大师工作室建设项目评选（E2E 并发保存）');
    const cookie = await server.login('unit-a');
    const created = await server.app.inject({ method: 'POST', url: '/api/applications', headers: { cookie }, payload: { callId, studioRecognized: true } });
    const id = created.json().id as string;
    const url = `${server.baseUrl}/app/applications/${id}?tab=form:project-proposal`;
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const a = await context.newPage();
    await signIn(a, server.baseUrl, 'unit-a');
    await a.goto(url);
    const b = await context.newPage();
    await b.goto(url);
    await b.getByTestId('form-tab-project-proposal').waitFor();

    await a.getByTestId('field-necessity').locator('textarea').fill('窗口甲写的必要性。');
    await a.getByTestId('save-indicator').filter({ hasText: '已自动保存' }).waitFor({ timeout: 15_000 });
    // Window B still holds version 0: its save must not overwrite A's silently.
    await b.getByTestId('field-benefits').locator('textarea').fill('窗口乙写的效益。');
    await b.getByTestId('conflict').filter({ hasText: '该表单已在其他窗口更新' }).waitFor({ timeout: 15_000 });
    await b.getByTestId('conflict').getByRole('button').click();
    await expect.poll(() => b.getByTestId('field-necessity').locator('textarea').inputValue()).toBe('窗口甲写的必要性。');
    const r = await server.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: { cookie } });
    expect(r.json().forms.find((f: { id: string }) => f.id === 'project-proposal').data).toEqual({ necessity: '窗口甲写的必要性。' });
    await context.close();
  });

  it('[INTAKE] a draft typed during a network drop is kept on the device and saved on return', async () => {
    const callId = await openDaxingProjectCall(server, '大兴区技能大师工作室建设项目评选（E2E 断网）');
    const cookie = await server.login('unit-a');
    const created = await server.app.inject({ method: 'POST', url: '/api/applications', headers: { cookie }, payload: { callId, studioRecognized: true } });
    const id = created.json().id as string;
    const url = `${server.baseUrl}/app/applications/${id}?tab=form:project-proposal`;
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'unit-a');
    await page.goto(url);
    await page.getByTestId('form-tab-project-proposal').waitFor();
    await context.setOffline(true);
    await page.getByTestId('field-oversight').locator('textarea').fill('断网时写下的监督措施。');
    await page.getByTestId('save-indicator').filter({ hasText: '网络中断' }).waitFor({ timeout: 15_000 });
    await page.close();
    await context.setOffline(false);

    const again = await context.newPage();
    await again.goto(url);
    await again.getByTestId('draft-restored').waitFor({ timeout: 15_000 });
    expect(await again.getByTestId('field-oversight').locator('textarea').inputValue()).toBe('断网时写下的监督措施。');
    await again.getByTestId('save-indicator').filter({ hasText: '已自动保存' }).waitFor({ timeout: 15_000 });
    const r = await server.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: { cookie } });
    expect(r.json().forms.find((f: { id: string }) => f.id === 'project-proposal').data).toEqual({ oversight: '断网时写下的监督措施。' });
    await context.close();
  });

  it('[INTAKE] a unit fixes only the items the desk returned (补正) and resubmits', async () => {
    const callId = await openDaxingProjectCall(server, '大兴区技能大师工作室建设项目评选（E2E 补正）');
    const cookie = await server.login('unit-a');
    const created = await server.app.inject({ method: 'POST', url: '/api/applications', headers: { cookie }, payload: { callId, studioRecognized: true } });
    const app = created.json() as { id: string; number: string; checklist: { id: string; supply: string; required: boolean }[] };
    for (const [formId, data] of Object.entries(daxingProjectForms())) {
      const r = await server.app.inject({ method: 'PUT', url: `/api/applications/${app.id}/forms/${formId}`, headers: { cookie }, payload: { data, version: 0 } });
      expect(r.statusCode, r.body).toBe(200);
    }
    const uploads = app.checklist.filter((c) => c.supply !== 'online-form' && c.required);
    for (const item of uploads) {
      const { payload, headers } = multipartFile(`${item.id}.pdf`, tinyPdf(item.id), 'application/pdf');
      const r = await server.app.inject({ method: 'POST', url: `/api/applications/${app.id}/materials/${item.id}`, headers: { cookie, ...headers }, payload });
      expect(r.statusCode, r.body).toBe(201);
    }
    expect((await server.app.inject({ method: 'POST', url: `/api/applications/${app.id}/submit`, headers: { cookie }, payload: {} })).statusCode).toBe(200);
    const officer = await server.login('daxing-officer');
    const returned = await server.app.inject({
      method: 'POST',
      url: `/api/applications/${app.id}/return`,
      headers: { cookie: officer },
      payload: { items: [{ kind: 'form', id: 'work-plan', comment: '请补充监督保障措施中的经费审批流程。' }], deadlineWorkingDays: 5 },
    });
    expect(returned.statusCode, returned.body).toBe(200);

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'unit-a');
    await page.goto(`${server.baseUrl}/app/applications/${app.id}`);
    const banner = page.getByTestId('correction-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('请补充监督保障措施中的经费审批流程。');
    expect(await banner.innerText()).toMatch(/请于 \d{4}-\d{2}-\d{2} 前/);
    // Only the listed form is editable; the others are read-only.
    await page.getByTestId('tab-form-project-proposal').click();
    await page.getByTestId('form-tab-project-proposal').waitFor();
    expect(await page.getByTestId('form-tab-project-proposal').locator('textarea, input').count()).toBe(0);
    await page.getByTestId('tab-materials').click();
    expect(await page.locator('[data-testid^="upload-"]').count()).toBe(0);
    await page.getByTestId('tab-form-work-plan').click();
    const plan = page.getByTestId('form-tab-work-plan');
    await plan.getByTestId('field-supervision').locator('textarea').fill('单位设立项目专账，经费支出须经人力资源部和财务部两级审批，专款专用。');
    await plan.getByTestId('save-indicator').filter({ hasText: '已自动保存' }).waitFor({ timeout: 15_000 });
    await page.getByTestId('tab-submit').click();
    await page.getByTestId('submit-button').click();
    await page.getByTestId('submit-confirm').click();
    await page.getByTestId('receipt').filter({ hasText: '补正材料已提交' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('receipt-number').innerText()).toBe(`${app.number}-B1`);
    await page.reload();
    expect(await page.getByTestId('status-tag').innerText()).toContain('已补正');
    await page.getByTestId('tab-timeline').click();
    const timeline = await page.getByTestId('timeline').innerText();
    for (const step of ['提交申报', '退回补正', '补正后重新提交']) expect(timeline).toContain(step);
    await context.close();
  });
});
