import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReview, type SeededReview } from '../../src/server/modules/review/oversight.test-helpers';
import { reviewDeadlines } from '../../src/server/db/schema';
import { shanghaiDate } from '../../src/shared/time';
import { hasChromium, launchBrowser, signInAs, startE2EServer, type E2EServer } from '../helpers/browser';

const SHOTS = process.env.SCREENSHOT_DIR;
const YESTERDAY = shanghaiDate(new Date(Date.now() - 86_400_000));

describe.skipIf(!hasChromium)('[REVIEW] oversight: the officer’s dashboard and the inspector’s record', () => {
  let server: E2EServer;
  let browser: Browser;
  let s: SeededReview;
  beforeAll(async () => {
    // The browser runs on the real clock (session cookies expire by it): a call open now, an expert deadline that passed.
    server = await startE2EServer();
    const day = 86_400_000;
    s = await seedReview(server, {
      opensAt: `${shanghaiDate(new Date(Date.now() - day))}T09:00`,
      closesAt: `${shanghaiDate(new Date(Date.now() + 14 * day))}T18:00`,
      projectsCloseBy: shanghaiDate(new Date(Date.now() + 200 * day)),
    });
    await server.database.db.insert(reviewDeadlines).values({ callId: s.callId, stage: 'expert-review', dueOn: YESTERDAY, setAt: new Date(Date.now() - 3 * day) });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = (username: string) => signInAs(browser, server.baseUrl, username);
  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  it('[REVIEW] the officer’s dashboard shows counts per stage, overdue items with reasons and expert progress', async () => {
    const { page, errors, close } = await signIn('daxing-officer');
    await page.goto(server.baseUrl + '/app/review');
    await page.getByTestId(`review-call-${s.callId}`).click();
    await page.getByTestId('review-dashboard').waitFor({ timeout: 15_000 });
    const body = page.locator('body');
    await page.getByText('专家评审逾期').first().waitFor();
    const text = await body.innerText();
    // 京兴人社发〔2025〕21号: 初审 → 专家评审, then the ranking.
    expect(text).toContain('初审');
    expect(text).toContain('专家评审');
    expect(text).toContain('退回补正 1'); // the 补正 round counts at 初审
    expect(text).toContain('专家已接受但尚未提交评分');
    expect(await page.getByTestId('deadline-value').innerText()).toContain(YESTERDAY);
    expect(await page.getByTestId('expert-progress').innerText()).toContain('刘淑华');
    await shot(page, 'review-dashboard');
    expect(errors).toEqual([]);
    await close();
  });

  it('[REVIEW] the inspector sees every stage, every score and who saw what, and exports the record', async () => {
    const { page, errors, close } = await signIn('daxing-inspector');
    await page.goto(server.baseUrl + '/app/oversight');
    await page.getByTestId('oversight-calls').waitFor({ timeout: 15_000 });
    await page.getByTestId(`review-call-${s.callId}`).click();
    await page.getByTestId('oversight-record').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('read-only').innerText()).toContain('只读');
    // Read-only: no control that writes.
    expect(await page.getByTestId('deadline-save').count()).toBe(0);

    // 全过程: every application with its timeline.
    const process = page.getByTestId('tab-process');
    for (const n of [s.returned.number, s.inReview.number, s.scored.number]) expect(await process.innerText()).toContain(n);
    await page.getByText(s.returned.number).click();
    await page.getByText(/第 1 轮补正，期限 \d{4}-\d{2}-\d{2}/).waitFor();
    await shot(page, 'oversight-process');

    // 评分明细: every submitted score per criterion, with the comment an extreme score needs.
    await page.getByRole('tab', { name: /评分明细/ }).click();
    const scores = page.getByTestId('tab-scores');
    await scores.waitFor();
    expect(await scores.innerText()).toContain('需求方面的必要性');
    expect(await scores.innerText()).toContain('同类项目区内已有，必要性不足');
    expect(await scores.innerText()).toContain('马卫东');
    await shot(page, 'oversight-scores');

    // 专家抽取与回避: the seed, who was excluded and why, a link to reproduce the draw; declared conflicts.
    await page.getByRole('tab', { name: /专家抽取与回避/ }).click();
    const panel = page.getByTestId('tab-panel');
    await panel.waitFor();
    expect(await panel.innerText()).toContain('b3f1c2d4e5a60718293a4b5c6d7e8f90');
    expect(await panel.innerText()).toContain('同一单位回避');
    expect(await page.getByTestId('draw-verify').getAttribute('href')).toBe(`/api/review/draws/${s.drawId}/verify`);
    expect(await page.getByTestId('assignments-table').innerText()).toContain('曾任职单位：三年内曾在该单位任职');
    await shot(page, 'oversight-panel');

    // 访问记录: the expert's read, with its time (Beijing), and the inspector's own.
    await page.getByRole('tab', { name: /访问记录/ }).click();
    const access = page.getByTestId('tab-access');
    await access.waitFor();
    expect(await access.innerText()).toContain('2026-06-14 13:30:00');
    expect(await access.innerText()).toContain('expert1');
    expect(await access.innerText()).toContain('daxing-inspector');
    await shot(page, 'oversight-access');

    // 审计 and the chain verification.
    await page.getByRole('tab', { name: /审计/ }).click();
    expect(await page.getByTestId('tab-audit').innerText()).toContain('退回补正');
    await page.getByTestId('verify-chain').click();
    await page.getByTestId('verify-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('verify-result').innerText()).toContain('审计链');
    await shot(page, 'oversight-audit');

    // 导出 Excel: the workbook opens and has every part.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-record').click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '申报与流程', '审核意见', '纸质收件', '专家抽取', '分配与回避', '评分明细', '拟定名单', '访问记录', '审计事件']);
    expect(download.suggestedFilename()).toContain('评审全过程记录');
    expect(errors).toEqual([]);
    await close();
  });
});
