import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../helpers/app';
import { hasChromium, launchBrowser, signInAs, startE2EServer, type E2EServer } from '../helpers/browser';

// The server's clock is now: the demo's 大兴 project under way has spending, one line over its plan and a fixed asset.
const clock = testClock(new Date());
const SHOTS = process.env.SHOTS; // a folder: save screenshots there to look at them

describe.skipIf(!hasChromium)('[FUND-USE] fund use and the fixed-asset register on the project page', () => {
  let server: E2EServer;
  let browser: Browser;
  let projectId: string;
  beforeAll(async () => {
    server = await startE2EServer({ now: clock.now });
    browser = await launchBrowser();
    const r = (await server.database.db.execute(
      sql`select distinct e.project_id as id from fund_expenditures e join fixed_assets a on a.expenditure_id = e.id join projects p on p.id = e.project_id join users u on u.unit_id = p.unit_id where u.username = 'unit-a' and p.status = 'in-execution'`,
    )) as unknown as { rows: { id: string }[] };
    projectId = r.rows[0].id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[FUND-USE] the unit sees an over-spent line in red, records a fixed-asset purchase with its register entry (京兴人社发〔2025〕21号 第十五条)', async () => {
    const { page, errors, close } = await signInAs(browser, server.baseUrl, 'unit-a');
    await page.goto(`${server.baseUrl}/app/projects/${projectId}`);
    await page.getByRole('tab', { name: '经费', exact: true }).click({ timeout: 20_000 });
    const card = page.getByTestId('fund-use-card');
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => card.getByTestId('fund-use-over').count()).toBeGreaterThan(0);
    expect(await card.innerText()).toContain('京兴人社发〔2025〕21号 第十五条');
    if (SHOTS) await card.screenshot({ path: `${SHOTS}/fund-use-lines.png` });

    await page.getByTestId('fund-use-record').click();
    const drawer = page.getByTestId('fund-use-drawer');
    await drawer.waitFor();
    await page.getByTestId('fund-use-line').click();
    await page.locator('.ant-select-item-option', { hasText: '设备设施更新完善' }).first().click();
    await page.getByTestId('fund-use-amount').fill('2400');
    await page.getByTestId('fund-use-description').fill('对刀仪 2 台');
    expect(await page.getByTestId('fund-use-asset-fields').count()).toBe(0);
    await page.getByTestId('fund-use-fixed-asset').check();
    await page.getByTestId('fund-use-asset-fields').waitFor();
    await page.getByTestId('fund-use-asset-number').fill('E2E-GZ-001');
    await page.getByTestId('fund-use-asset-name').fill('对刀仪');
    // quantity 1 × unit price 2,400 was filled from the amount; 2 × 2,400 no longer matches.
    await page.locator('#asset_quantity').fill('2');
    await expect.poll(() => page.getByTestId('fund-use-product').innerText()).toContain('应等于支出金额');
    await page.locator('#asset_unitPrice').fill('1200');
    await expect.poll(() => page.getByTestId('fund-use-product').innerText()).not.toContain('应等于');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/fund-use-drawer.png` });
    await page.getByTestId('fund-use-submit').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: /固定资产登记/ }).click();
    await expect.poll(() => page.getByTestId('fund-use-assets').innerText()).toContain('E2E-GZ-001');
    if (SHOTS) await card.screenshot({ path: `${SHOTS}/fund-use-assets.png` });
    expect(errors).toEqual([]);
    await close();
  });

  it('[FUND-USE] the 大兴 officer reads the same card without recording', async () => {
    const { page, errors, close } = await signInAs(browser, server.baseUrl, 'daxing-officer');
    await page.goto(`${server.baseUrl}/app/projects/${projectId}`);
    await page.getByRole('tab', { name: '经费', exact: true }).click({ timeout: 20_000 });
    const card = page.getByTestId('fund-use-card');
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => card.getByTestId('fund-use-over').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('fund-use-record').count()).toBe(0);
    expect(await card.getByTestId('fund-use-export').count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });
});
