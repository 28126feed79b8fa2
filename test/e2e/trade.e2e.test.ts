import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, logInAsAdmin, repoRoot, useBrowserSession } from './server.ts';

const COMTRADE_FIXTURE = join(repoRoot, 'src/modules/trade/fixtures/comtrade-legacy-chn-2021.csv');

describe.skipIf(!chromiumPath)('trade page end to end', () => {
  const session = useBrowserSession();
  let scratch = '';

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'scohub-e2e-trade-'));
  });

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  async function loggedInPage(): Promise<{ page: Page; pageErrors: string[] }> {
    const { page, pageErrors } = await session.openPage();
    // Logging in from the trade page comes back to it.
    await page.goto(`${session.base}/trade`);
    await logInAsAdmin(page);
    await page.waitForURL(`${session.base}/trade`);
    return { page, pageErrors };
  }

  it('imports a Comtrade file, then charts the series and ranks the partners', { timeout: 120_000 }, async () => {
    const { page, pageErrors } = await loggedInPage();
    const navLink = page.getByRole('navigation').getByRole('link', { name: 'Trade', exact: true });
    await expect.poll(() => navLink.getAttribute('aria-current')).toBe('page');
    await page.getByTestId('trade-no-data').waitFor();

    await page.getByTestId('trade-upload-file').setInputFiles(COMTRADE_FIXTURE);
    await page.getByTestId('trade-upload-submit').click();
    const summary = page.getByTestId('trade-import-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.getAttribute('data-status')).toBe('imported');
    expect(await summary.textContent()).toContain('comtrade-legacy-chn-2021');
    expect(await page.getByTestId('trade-import-records').textContent()).toBe('12');

    await page.getByTestId('trade-reporter').selectOption('CHN');
    await page.getByTestId('trade-year').selectOption('2021');
    await page.getByTestId('trade-partners').selectOption('WLD');

    await page.locator('[data-testid="trade-series-chart"] svg path').first().waitFor({ state: 'attached' });
    // China's total trade with the world in 2021: 3 362.302 bn exports + 2 684.362 bn imports.
    await expect.poll(() => page.getByTestId('trade-summary-value').textContent()).toBe('6.047 trillion US dollars');

    const rows = page.getByTestId('trade-partner-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-partner')).toBe('RUS');
    expect(await rows.nth(0).textContent()).toContain('146.9 billion US dollars');
    expect(await rows.nth(1).getAttribute('data-partner')).toBe('KAZ');
    expect(await rows.nth(1).textContent()).toContain('25.25 billion US dollars');
    await page.locator('[data-testid="trade-partner-chart"] svg').first().waitFor({ state: 'attached' });

    // The download link asks the same question as the table, as CSV.
    const href = await page.getByRole('link', { name: /^Download as CSV: Main partners/ }).getAttribute('href');
    const csv = await (await fetch(`${session.base}${href}`)).text();
    // CSV lines end in CRLF (RFC 4180).
    expect(csv.split(/\r?\n/).slice(0, 3)).toEqual(['rank,partner,value_usd,share_percent', expect.stringMatching(/^1,RUS,146883000000\.00,/), expect.stringMatching(/^2,KAZ,25249000000\.00,/)]);

    // The seed report's 343.3 bn for 2021 is checked against the fixture's 172.1 bn with the SCO members.
    const claim = page.locator('[data-testid="trade-claims-table"] tr[data-claim="seed2022.chn-sco.trade.2021"]');
    await expect.poll(() => claim.getAttribute('data-status')).toBe('inconsistent');

    expect(pageErrors).toEqual([]);
  });

  it('names the file, line and column of a bad row, in the chosen language', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await loggedInPage();
    await page.getByTestId('language-switcher').selectOption('ru');
    const file = join(scratch, 'kgz-bad.csv');
    await writeFile(file, 'Reporter,Partner,Flow,Year,Value\nKGZ,CHN,import,2021,12.5\nKGZ,RUS,import,2021,lots\n');
    await page.getByTestId('trade-upload-file').setInputFiles(file);
    await page.getByLabel('Сопоставление столбцов (только CSV)').fill('year=Year,reporter=Reporter,partner=Partner,flow=Flow,value=Value');
    await page.getByTestId('trade-upload-submit').click();

    const alert = page.locator('#trade-upload [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/строка 3/);
    const problem = page.getByTestId('trade-import-problems').locator('tbody tr').first();
    expect(await problem.locator('td').allTextContents()).toEqual(['kgz-bad.csv', '3', 'Value', expect.stringContaining('lots')]);
    expect(await page.getByTestId('trade-import-summary').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
