import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROUTE_LINE_WIDTH, drawnLines, plottedCircles } from './chart.ts';
import { chromiumPath, useBrowserSession } from './server.ts';

describe.skipIf(!chromiumPath)('logistics page end to end', () => {
  const session = useBrowserSession();

  async function logisticsPage(): Promise<{ page: Page; pageErrors: string[] }> {
    const { page, pageErrors } = await session.openPage();
    await page.goto(`${session.base}/logistics`);
    // The reference network, loaded into the fresh database at start, is on the map before anything is planned.
    const map = page.getByTestId('logistics-map');
    await expect.poll(async () => Number(await map.getAttribute('data-links')), { timeout: 30_000 }).toBeGreaterThan(100);
    expect(await drawnLines(map, ROUTE_LINE_WIDTH)).toEqual([]);
    return { page, pageErrors };
  }

  /** Picks a place by typing in the picker's search box, as a reader would. */
  async function pick(page: Page, which: 'from' | 'to', search: string, id: string): Promise<void> {
    await page.getByTestId(`logistics-${which}-search`).fill(search);
    await expect.poll(() => page.getByTestId(`logistics-${which}`).inputValue()).toBe(id);
  }

  it('plans a route from Chongqing to Duisburg, lists its legs, draws it on the map and follows the language', { timeout: 120_000 }, async () => {
    const { page, pageErrors } = await logisticsPage();
    const navLink = page.getByRole('navigation').getByRole('link', { name: 'Logistics', exact: true });
    await expect.poll(() => navLink.getAttribute('aria-current')).toBe('page');
    await page.getByRole('heading', { level: 1, name: 'Logistics' }).waitFor();

    await pick(page, 'from', 'Chongqing', 'CN-CHONGQING');
    // Duisburg by its UN/LOCODE.
    await pick(page, 'to', 'DEDUI', 'DE-DUISBURG');
    await page.getByTestId('logistics-plan').click();

    const rows = page.getByTestId('logistics-routes').locator('tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    // The reference network offers several ways from Chongqing to Duisburg, trading time against cost and CO2.
    const routeCount = await rows.count();
    expect(routeCount).toBeGreaterThan(1);
    const firstRow = (await rows.first().textContent()) ?? '';
    expect(firstRow).toMatch(/\$[\d,]+/);
    expect(firstRow).toMatch(/\d[\d,]* kg/);
    // The best route on each criterion carries its mark as a badge.
    for (const mark of ['fastest', 'cheapest', 'greenest']) expect(await page.locator(`[data-testid="logistics-routes"] [data-mark="${mark}"]`).count()).toBeGreaterThanOrEqual(1);

    // The New Eurasian Land Bridge: out of China at Alashankou or Khorgos, into the EU at Brest–Małaszewicze.
    const legs = page.getByTestId('logistics-legs').locator('li');
    const legCount = await legs.count();
    expect(legCount).toBeGreaterThanOrEqual(2);
    const legText = (await page.getByTestId('logistics-legs').textContent()) ?? '';
    expect(legText).toMatch(/Chongqing →/);
    expect(legText).toMatch(/→ Duisburg/);
    expect(legText).toMatch(/Alashankou|Khorgos/);
    expect(legText).toMatch(/Brest|Małaszewicze/);

    // The map draws one line per leg of the chosen route.
    const map = page.getByTestId('logistics-map');
    await expect.poll(async () => (await drawnLines(map, ROUTE_LINE_WIDTH)).length).toBe(legCount);
    const firstCourse = await drawnLines(map, ROUTE_LINE_WIDTH);
    expect(await map.getAttribute('aria-label')).toContain('from Chongqing to Duisburg');

    // The time–cost–CO2 chart plots one point per route.
    const routeChart = page.getByTestId('logistics-route-chart');
    await expect.poll(() => plottedCircles(routeChart)).toBe(routeCount);

    // Choosing another route lists its legs and redraws the map along them.
    await page.getByTestId('logistics-choose-route').nth(routeCount - 1).check();
    expect(await rows.nth(routeCount - 1).getAttribute('aria-selected')).toBe('true');
    await expect.poll(async () => (await page.getByTestId('logistics-legs').textContent()) ?? '').not.toBe(legText);
    const otherLegs = await legs.count();
    await expect.poll(async () => (await drawnLines(map, ROUTE_LINE_WIDTH)).length).toBe(otherLegs);
    expect(await drawnLines(map, ROUTE_LINE_WIDTH)).not.toEqual(firstCourse);
    await expect.poll(() => plottedCircles(routeChart)).toBe(routeCount);

    // Pointing at a corridor highlights exactly its links on the map; leaving it clears them.
    const corridor = page.getByTestId('logistics-corridors').getByRole('button', { name: /New Eurasian Land Bridge/ });
    const corridorLinks = Number(/Links: (\d+)/.exec((await corridor.textContent()) ?? '')?.[1]);
    expect(corridorLinks).toBeGreaterThan(0);
    await corridor.hover();
    await expect.poll(() => map.getAttribute('data-highlighted-links')).toBe(String(corridorLinks));
    await page.getByRole('heading', { level: 1 }).hover();
    await expect.poll(() => map.getAttribute('data-highlighted-links')).toBe('0');

    // In Russian the page, and the places of the route asked again, speak Russian.
    await page.getByTestId('language-switcher').selectOption('ru');
    await page.getByRole('heading', { level: 1, name: 'Логистика' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Логистика', exact: true }).waitFor();
    await expect.poll(async () => (await page.getByTestId('logistics-legs').textContent()) ?? '', { timeout: 30_000 }).toMatch(/Чунцин →[\s\S]*→ Дуйсбург/);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    expect(pageErrors).toEqual([]);
  });

  it("shows the server's reason when the constraints leave no route", { timeout: 90_000 }, async () => {
    const { page, pageErrors } = await logisticsPage();
    await pick(page, 'from', 'Chongqing', 'CN-CHONGQING');
    await pick(page, 'to', 'Duisburg', 'DE-DUISBURG');
    await page.getByTestId('logistics-plan').click();
    const map = page.getByTestId('logistics-map');
    await expect.poll(async () => (await drawnLines(map, ROUTE_LINE_WIDTH)).length, { timeout: 60_000 }).toBeGreaterThan(0);

    // Asked again without a single border crossing, the page says why there is no route and the map drops the last one.
    await page.getByLabel('Most border crossings').fill('0');
    await page.getByTestId('logistics-plan').click();

    const noRoute = page.getByTestId('logistics-no-route');
    await noRoute.waitFor({ timeout: 60_000 });
    expect(await noRoute.textContent()).toMatch(/^No route under these constraints\. .*the limit on border crossings/);
    expect(await page.getByTestId('logistics-routes').count()).toBe(0);
    await expect.poll(() => drawnLines(map, ROUTE_LINE_WIDTH)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
