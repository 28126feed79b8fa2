import { describe, expect, it } from 'vitest';
import { ADMIN, chromiumPath, logInAsAdmin, useBrowserSession } from './server.ts';

describe.skipIf(!chromiumPath)('web app end to end', () => {
  const session = useBrowserSession();

  it('shows the map, speaks four languages, lists the states and logs in and out', { timeout: 90_000 }, async () => {
    const { page, pageErrors } = await session.openPage();
    await page.goto(session.base);
    await page.getByTestId('sco-map').waitFor();
    await page.locator('[data-testid="sco-map"] svg path').first().waitFor({ state: 'attached' });
    const memberCount = page.locator('[data-testid="status-counts"] [data-status="member"] .legend-count');
    await memberCount.waitFor();
    expect(Number(await memberCount.textContent())).toBeGreaterThanOrEqual(6);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('navigation').getByRole('link', { name: 'Organisation', exact: true }).waitFor();

    const switcher = page.getByTestId('language-switcher');
    await switcher.selectOption({ label: 'Русский' });
    await page.getByRole('navigation').getByRole('link', { name: 'Организация', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'ШОС: краткий обзор' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    await switcher.selectOption({ label: '繁體中文' });
    await page.getByRole('navigation').getByRole('link', { name: '組織概況', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    expect(await page.locator('[data-testid="status-counts"] [data-status="member"]').textContent()).toContain('成員國');

    // Sweep across Central Asia: the tooltips name states and statuses in the chosen language.
    const map = await page.getByTestId('sco-map').boundingBox();
    const tooltips = new Set<string>();
    for (let step = 0; map && step <= 10; step++) {
      await page.mouse.move(map.x + map.width * (0.1 + step * 0.08), map.y + map.height * 0.4);
      await page.waitForTimeout(100);
      tooltips.add(await page.getByTestId('sco-map').innerText());
    }
    expect([...tooltips].join('\n')).toContain('成員國');

    await page.getByRole('navigation').getByRole('link', { name: '組織概況', exact: true }).click();
    const table = page.getByTestId('state-table');
    await table.waitFor();
    await table.getByText('中國', { exact: true }).waitFor();
    const tableText = (await table.textContent()) ?? '';
    expect(tableText).toContain('俄羅斯');
    expect(tableText).toContain('哈薩克');
    expect(tableText).not.toContain('China');

    await logInAsAdmin(page);
    expect(await page.getByTestId('current-user').textContent()).toBe(ADMIN.name);
    // Back on the organisation page, an administrator gets the forms to add states.
    await page.getByTestId('state-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/organisation');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-link').waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);

    expect(pageErrors).toEqual([]);
  });

  it('shows the server error message in the chosen language for a wrong password', { timeout: 60_000 }, async () => {
    const { page } = await session.openPage();
    await page.goto(`${session.base}/login`);
    await page.getByTestId('language-switcher').selectOption('ru');
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    const alert = page.locator('form [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/[а-яё]/i);
  });
});
