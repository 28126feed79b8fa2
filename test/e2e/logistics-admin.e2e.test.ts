import { describe, expect, it } from 'vitest';
import { isolatedPoint, type MapTarget } from './chart.ts';
import { chromiumPath, logInAsAdmin, useBrowserSession, type OpenedPage } from './server.ts';

interface ApiLink {
  id: string;
  from: string;
  to: string;
  mode: string;
  gauge: number | number[] | null;
  distanceKm: number;
  distanceEstimated: boolean;
  minutes: number;
  usd20: number;
  usd40: number;
  co2GramsPerTonneKm: number | null;
  status: string;
  oneWay: boolean;
  scheduledOnly: boolean;
  corridors: string[];
  geometry: [number, number][];
  sources: string[];
  estimated: string[];
}

describe.skipIf(!chromiumPath)('logistics network editor end to end', () => {
  const session = useBrowserSession();

  async function getLink(id: string): Promise<{ status: number; link: ApiLink }> {
    const response = await fetch(`${session.base}/api/logistics/links/${id}`);
    return { status: response.status, link: (await response.json()) as ApiLink };
  }

  /** A fresh browser on the logistics page, with the reference network drawn on the map. */
  async function openLogistics(): Promise<OpenedPage & { mapLinks: () => Promise<number> }> {
    const opened = await session.openPage();
    await opened.page.goto(`${session.base}/logistics`);
    const map = opened.page.getByTestId('logistics-map');
    const mapLinks = async () => Number(await map.getAttribute('data-links'));
    await expect.poll(mapLinks, { timeout: 30_000 }).toBeGreaterThan(100);
    return { ...opened, mapLinks };
  }

  /** The logistics page as the administrator sees it, with the network editor shown. */
  async function openEditor(): Promise<OpenedPage & { mapLinks: () => Promise<number> }> {
    const opened = await openLogistics();
    const { page, mapLinks } = opened;
    expect(await page.getByTestId('network-editor').count()).toBe(0);
    await logInAsAdmin(page);
    await page.goto(`${session.base}/logistics`);
    await expect.poll(mapLinks, { timeout: 30_000 }).toBeGreaterThan(100);
    await page.getByTestId('network-editor').getByRole('heading', { name: 'Edit network' }).waitFor();
    return opened;
  }

  it('shows no editor to readers who are logged out or are not administrators', { timeout: 60_000 }, async () => {
    const { context, page, pageErrors } = await openLogistics();
    await page.getByTestId('logistics-planner').waitFor();
    expect(await page.getByTestId('network-editor').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Edit network' }).count()).toBe(0);

    // A member, registered and logged in through the API in this browser, sees the page without the editor.
    const registered = await context.request.post(`${session.base}/api/auth/register`, {
      headers: { Origin: session.base },
      data: {
        email: 'member-logistics@example.org',
        password: 'silk road freight 2022',
        displayName: 'Member Reader',
        role: 'member',
        organisation: { name: 'Almaty Dried Fruit LLP', kind: 'enterprise', country: 'KAZ' },
        locale: 'en',
      },
    });
    expect(registered.status()).toBe(201);
    await page.reload();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toBe('Member Reader');
    await expect.poll(async () => Number(await page.getByTestId('logistics-map').getAttribute('data-links')), { timeout: 30_000 }).toBeGreaterThan(100);
    expect(await page.getByTestId('network-editor').count()).toBe(0);

    // And the API refuses the member's writes all the same.
    const csrfToken = ((await (await context.request.get(`${session.base}/api/auth/session`)).json()) as { csrfToken: string }).csrfToken;
    const refused = await context.request.delete(`${session.base}/api/logistics/links/rail-alashankou-dostyk`, {
      headers: { Origin: session.base, 'X-CSRF-Token': csrfToken },
    });
    expect(refused.status()).toBe(403);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('opens the place and the link an administrator clicks on the map', { timeout: 90_000 }, async () => {
    const { context, page, pageErrors } = await openEditor();
    const editor = page.getByTestId('network-editor');
    const map = page.getByTestId('logistics-map');
    const network = (await (await fetch(`${session.base}/api/logistics/network`, { headers: { 'Accept-Language': 'en' } })).json()) as {
      features: { geometry: { coordinates: unknown }; properties: { type: string; id: string; name?: string; from?: string; to?: string } }[];
    };
    const names = new Map(network.features.map(({ properties: p }) => [p.id, p.name]));
    const drawnLinks = network.features.filter((feature) => feature.properties.type === 'link');

    /** The point on the map where a click can mean only one place or link, found from the chart's own projection. */
    const clearPoint = async (kind: 'node' | 'link'): Promise<MapTarget> => {
      const target = await isolatedPoint(map, kind);
      // Symbols are at most 10 pixels across and lines are hit within a few pixels of their middle.
      expect(target.clearance).toBeGreaterThan(kind === 'node' ? 16 : 10);
      return target;
    };

    /**
     * Points at a target as a person does: the pointer rests on it until the map's tooltip names it, then clicks. A click
     * sent the instant the pointer arrives can straddle the map redrawing the item under the pointer, and be lost.
     */
    const pointAt = async (target: MapTarget, tooltip: string): Promise<void> => {
      await map.hover({ position: { x: target.x, y: target.y } });
      await map.getByText(tooltip, { exact: true }).waitFor();
      await map.click({ position: { x: target.x, y: target.y } });
    };

    // A place clicked on the map opens in the editor, which switches from links to places.
    await editor.getByRole('button', { name: 'Links', exact: true }).click();
    const place = await clearPoint('node');
    const placeId = place.id;
    await pointAt(place, names.get(placeId)!);
    await expect.poll(() => editor.getByRole('button', { name: 'Places', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => editor.getByTestId('editor-node').inputValue()).toBe(placeId);
    const nodeForm = page.getByTestId('node-form');
    await nodeForm.getByRole('heading', { name: `Place: ${names.get(placeId)}`, exact: true }).waitFor();
    expect(await nodeForm.getByLabel('Id', { exact: true }).inputValue()).toBe(placeId);

    // A link clicked on the map opens in the editor, which switches back to links.
    const stretch = await clearPoint('link');
    // The link of that id runs along the course clicked.
    const drawn = drawnLinks.find((feature) => feature.properties.id === stretch.id);
    expect(drawn?.geometry.coordinates).toEqual(stretch.coords);
    const link = drawn?.properties;
    await pointAt(stretch, `${names.get(link!.from!)} — ${names.get(link!.to!)}`);
    await expect.poll(() => editor.getByRole('button', { name: 'Links', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => editor.getByTestId('editor-link').inputValue()).toBe(link!.id);
    const linkForm = page.getByTestId('link-form');
    await linkForm.getByRole('heading', { name: `Link: ${names.get(link!.from!)} — ${names.get(link!.to!)}` }).waitFor();
    expect(await linkForm.getByLabel('Id', { exact: true }).inputValue()).toBe(link!.id);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('lets an administrator add a link, close another and be told a node in use cannot be deleted', { timeout: 180_000 }, async () => {
    const { context, page, pageErrors, mapLinks } = await openEditor();
    const linksBefore = await mapLinks();
    const editor = page.getByTestId('network-editor');

    // A new road link between Almaty and Bishkek, with a corridor and a source, added through the form.
    expect((await getLink('road-almaty-bishkek-e2e')).status).toBe(404);
    await editor.getByRole('button', { name: 'Links', exact: true }).click();
    expect(await editor.getByRole('button', { name: 'Links', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await editor.getByRole('button', { name: 'Add a new link' }).click();
    const form = page.getByTestId('link-form');
    await form.getByRole('heading', { name: 'New link' }).waitFor();

    // Client-side checks first: nothing is sent while the form is incomplete.
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => form.getByRole('alert').first().textContent()).toBe('Fill in: Id.');

    await form.getByLabel('Id', { exact: true }).fill('road-almaty-bishkek-e2e');
    await form.getByTestId('link-from-search').fill('Almaty');
    await expect.poll(() => form.getByTestId('link-from').inputValue()).toBe('KZ-ALMATY');
    await form.getByTestId('link-to-search').fill('Bishkek');
    await expect.poll(() => form.getByTestId('link-to').inputValue()).toBe('KG-BISHKEK');
    expect(await form.getByLabel('Mode', { exact: true }).inputValue()).toBe('road');
    expect(await form.getByLabel('Gauge', { exact: true }).isDisabled()).toBe(true);
    await form.getByLabel('Distance in km', { exact: true }).fill('240');
    // The time is left empty.
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => form.getByRole('alert').first().textContent()).toBe('Time in minutes: enter a number.');
    await form.getByLabel('Time in minutes', { exact: true }).fill('300');
    await form.getByLabel('US dollars per 20′ container', { exact: true }).fill('450');
    await form.getByLabel('US dollars per 40′ container', { exact: true }).fill('600');
    await form.getByLabel('The distance is an estimate', { exact: true }).check();
    await form.getByRole('group', { name: 'Corridors' }).getByLabel('China–Kyrgyzstan–Uzbekistan road', { exact: true }).check();
    await form.getByRole('group', { name: 'Sources' }).getByRole('checkbox').first().check();
    await form.getByRole('group', { name: 'Estimated figures' }).getByLabel('Price per 40′', { exact: true }).check();

    // A rail link without a gauge is refused by the server, whose message the form shows.
    await form.getByLabel('Mode', { exact: true }).selectOption('rail');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => form.getByRole('alert').first().textContent()).toBe('Link road-almaty-bishkek-e2e: a rail link needs its gauge, and other links have none.');
    expect((await getLink('road-almaty-bishkek-e2e')).status).toBe(404);

    await form.getByLabel('Mode', { exact: true }).selectOption('road');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => editor.getByTestId('editor-notice').textContent().catch(() => null)).toBe('Added road-almaty-bishkek-e2e.');

    const added = await getLink('road-almaty-bishkek-e2e');
    expect(added.status).toBe(200);
    expect(added.link).toMatchObject({
      from: 'KZ-ALMATY',
      to: 'KG-BISHKEK',
      mode: 'road',
      gauge: null,
      distanceKm: 240,
      distanceEstimated: true,
      minutes: 300,
      usd20: 450,
      usd40: 600,
      co2GramsPerTonneKm: null,
      status: 'open',
      oneWay: false,
      scheduledOnly: false,
      corridors: ['china-kyrgyzstan-uzbekistan-road'],
      sources: ['S1'],
      estimated: ['usd40'],
    });
    expect(added.link.geometry).toHaveLength(2);
    // The page fetched the network again: one more line on the map, and the new link open in the editor.
    await expect.poll(mapLinks, { timeout: 30_000 }).toBe(linksBefore + 1);
    await form.getByRole('heading', { name: 'Link: Almaty — Bishkek' }).waitFor();
    expect(await form.getByLabel('Id', { exact: true }).isDisabled()).toBe(true);
    expect(await editor.getByTestId('editor-link').inputValue()).toBe('road-almaty-bishkek-e2e');

    // Closing an existing rail link keeps its drawn course and every other field.
    const before = await getLink('rail-alashankou-dostyk');
    expect(before.link.status).toBe('open');
    await editor.getByTestId('editor-link-search').fill('rail-alashankou-dostyk');
    await expect.poll(() => editor.getByTestId('editor-link').inputValue()).toBe('rail-alashankou-dostyk');
    await form.getByRole('heading', { name: /^Link: Alashankou — Dostyk/ }).waitFor();
    expect(await form.getByLabel('Status', { exact: true }).inputValue()).toBe('open');
    expect(await form.getByLabel('Gauge', { exact: true }).isDisabled()).toBe(false);
    await form.getByLabel('Status', { exact: true }).selectOption('closed');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => editor.getByTestId('editor-notice').textContent().catch(() => null)).toBe('Saved rail-alashankou-dostyk.');
    const after = await getLink('rail-alashankou-dostyk');
    expect(after.link).toEqual({ ...before.link, status: 'closed' });

    // Deleting a node that links use: the server's NODE_IN_USE message, and the node stays.
    await editor.getByRole('button', { name: 'Places', exact: true }).click();
    await editor.getByTestId('editor-node-search').fill('Dostyk');
    await expect.poll(() => editor.getByTestId('editor-node').inputValue()).toBe('KZ-DOSTYK');
    const nodeForm = page.getByTestId('node-form');
    await nodeForm.getByRole('heading', { name: 'Place: Dostyk' }).waitFor();
    expect(await nodeForm.getByLabel('Name in Russian', { exact: true }).inputValue()).toBe('Достык');
    expect(await nodeForm.getByLabel('Transshipment: time in minutes', { exact: true }).inputValue()).toMatch(/^\d+$/);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await nodeForm.getByRole('button', { name: 'Delete this place' }).click();
    await expect.poll(() => nodeForm.getByRole('alert').first().textContent().catch(() => null)).toMatch(/^Node KZ-DOSTYK is used by \d+ links; delete them first\.$/);
    expect(dialogs).toEqual(['Delete the place Dostyk? This cannot be undone.']);
    expect((await fetch(`${session.base}/api/logistics/nodes/KZ-DOSTYK`)).status).toBe(200);

    // After a reload, the page reads the saved network: the closed link shows as closed, the new link is listed.
    await page.reload();
    await expect.poll(mapLinks, { timeout: 30_000 }).toBe(linksBefore + 1);
    await editor.getByRole('button', { name: 'Links', exact: true }).click();
    await editor.getByTestId('editor-link-search').fill('rail-alashankou-dostyk');
    await expect.poll(() => page.getByTestId('link-form').getByLabel('Status', { exact: true }).inputValue()).toBe('closed');
    await editor.getByTestId('editor-link-search').fill('Bishkek');
    expect(await editor.getByTestId('editor-link').locator('option', { hasText: 'road-almaty-bishkek-e2e' }).count()).toBe(1);

    // In Russian the editor and the server's message speak Russian.
    await page.getByTestId('language-switcher').selectOption('ru');
    await editor.getByRole('heading', { name: 'Правка сети' }).waitFor();
    await editor.getByRole('button', { name: 'Пункты', exact: true }).click();
    await editor.getByTestId('editor-node-search').fill('Достык');
    await expect.poll(() => editor.getByTestId('editor-node').inputValue()).toBe('KZ-DOSTYK');
    await page.getByTestId('node-form').getByRole('button', { name: 'Удалить этот пункт' }).click();
    await expect.poll(() => page.getByTestId('node-form').getByRole('alert').first().textContent().catch(() => null)).toMatch(/^Узел KZ-DOSTYK используют участки \(\d+\); сначала удалите их\.$/);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
