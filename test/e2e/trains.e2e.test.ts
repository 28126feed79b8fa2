import type { APIRequestContext, BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath, logIn, useBrowserSession } from './server.ts';

/** Next year's March: every departure of the service lies ahead. */
const YEAR = new Date().getUTCFullYear() + 1;
const SERVICE_NAME = 'Alashankou–Dostyk border shuttle';
const SHIPPER = { email: 'shipper-trains@example.org', password: 'silk road freight 2026', displayName: 'Almaty Shipper' };

/** A weekly shuttle across the China–Kazakhstan border on the reference network: Alashankou to Dostyk in 3 hours. */
const SERVICE = {
  name: SERVICE_NAME,
  stops: [
    { node: 'CN-ALASHANKOU', departOffsetMinutes: 0 },
    { node: 'KZ-DOSTYK', arriveOffsetMinutes: 180 },
  ],
  sizes: [20, 40],
  usd: { 20: 400, 40: 700 },
  capacityTeu: 6,
  cutoffMinutes: 360,
  timetable: { weekdays: [3], departureTime: '08:00', validFrom: `${YEAR}-03-01`, validTo: `${YEAR}-03-31` },
};

describe.skipIf(!chromiumPath)('trains page end to end', () => {
  const session = useBrowserSession();

  /** Registers an account through the API in a browser context (whose cookies then hold its session). */
  async function register(context: BrowserContext, role: 'member' | 'provider', account: { email: string; password: string; displayName: string }, organisation: object) {
    const response = await context.request.post(`${session.base}/api/auth/register`, {
      headers: { Origin: session.base },
      data: { ...account, role, organisation, locale: 'en' },
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  /** A POST as the context's logged-in user, with its session's CSRF token. */
  async function postAs(request: APIRequestContext, path: string, data: object) {
    const csrfToken = ((await (await request.get(`${session.base}/api/auth/session`)).json()) as { csrfToken: string }).csrfToken;
    return request.post(`${session.base}${path}`, { headers: { Origin: session.base, 'X-CSRF-Token': csrfToken }, data });
  }

  it('books slots on a departure, then follows the train live as its operator records it crossing the border', { timeout: 180_000 }, async () => {
    // The operator, a logistics provider, adds its service through the API.
    const operator = await session.browser.newContext();
    await register(operator, 'provider', { email: 'operator-trains@example.org', password: 'border shuttle 2026', displayName: 'Shuttle Operator' }, { name: 'Dostyk Rail Shuttle LLP', kind: 'logistics', country: 'KAZ' });
    const created = await postAs(operator.request, '/api/trains/services', SERVICE);
    expect(created.status(), await created.text()).toBe(201);
    expect(((await created.json()) as { departures: number }).departures).toBeGreaterThanOrEqual(4);

    // The shipper, a member, logs in through the page and looks for departures in March with room for two 20′ boxes.
    const { context, page, pageErrors } = await session.openPage();
    await register(await session.browser.newContext(), 'member', SHIPPER, { name: 'Almaty Dried Fruit LLP', kind: 'enterprise', country: 'KAZ' });
    await page.goto(`${session.base}/trains`);
    await page.getByRole('heading', { level: 1, name: 'Container trains' }).waitFor();
    await logIn(page, SHIPPER);
    await page.getByRole('heading', { level: 1, name: 'Container trains' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/trains');
    await expect.poll(() => page.getByRole('navigation').getByRole('link', { name: 'Trains', exact: true }).getAttribute('aria-current')).toBe('page');

    const search = page.getByTestId('trains-search');
    // The stops of the services are offered by name once the network and the services are in.
    await expect.poll(() => search.getByLabel('From', { exact: true }).locator('option', { hasText: 'Alashankou' }).count(), { timeout: 30_000 }).toBe(1);
    await search.getByLabel('From', { exact: true }).selectOption('CN-ALASHANKOU');
    await search.getByLabel('To', { exact: true }).selectOption('KZ-DOSTYK');
    await page.getByTestId('trains-date').fill(`${YEAR}-03-01`);
    await search.getByLabel('Number of days').fill('31');
    await search.getByLabel('20′ containers').fill('2');
    await search.getByLabel('40′ containers').fill('0');
    await page.getByTestId('trains-search-submit').click();

    // Every Wednesday of March, grouped by day, each with the whole capacity left and the route named.
    const departures = page.getByTestId('departure');
    await expect.poll(() => departures.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    const first = departures.first();
    expect(await first.textContent()).toContain(SERVICE_NAME);
    expect(await first.textContent()).toMatch(/Alashankou → Dostyk/);
    expect(await first.getByTestId('teu-left').textContent()).toBe('6 of 6 TEU left');
    expect(await first.textContent()).toContain('Booking closes');
    expect(await page.locator('.departure-day h3').first().textContent()).toMatch(/Wednesday/);
    const departureId = (await first.getAttribute('data-departure'))!;
    const departsAt = Date.parse((await first.locator('time.departure-time').getAttribute('datetime'))!);

    // Booking two 20′ containers on the first one is confirmed, and the slots are taken off what it has left.
    await first.getByTestId('departure-book').click();
    const form = first.getByTestId('booking-form');
    expect(await form.getByLabel('Number of 20′ containers').inputValue()).toBe('2');
    expect(await form.getByLabel('Join the waitlist if the slots are no longer free').isChecked()).toBe(true);
    // The first attempt is lost on the network; the retry sends the same Idempotency-Key, so nothing is booked twice.
    const sentKeys: string[] = [];
    await page.route('**/api/trains/bookings', async (route) => {
      sentKeys.push(route.request().headers()['idempotency-key'] ?? '');
      if (sentKeys.length === 1) await route.abort('connectionreset');
      else await route.continue();
    });
    await form.getByTestId('booking-submit').click();
    await form.getByText('The server could not be reached', { exact: false }).waitFor();
    expect(await form.getByTestId('booking-submit').textContent()).toBe('Try again');
    await form.getByTestId('booking-submit').click();
    await expect.poll(() => sentKeys.length).toBe(2);
    expect(sentKeys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sentKeys[1]).toBe(sentKeys[0]);
    await page.unroute('**/api/trains/bookings');
    const result = page.getByTestId('booking-result');
    await result.waitFor();
    expect(await result.getAttribute('data-state')).toBe('confirmed');
    expect(await result.textContent()).toContain('Booking confirmed: 2 TEU');
    await expect.poll(() => page.locator(`[data-departure="${departureId}"] [data-testid="teu-left"]`).textContent()).toBe('4 of 6 TEU left');

    // The booking is listed as confirmed; its timeline opens with the planned stops and nothing recorded yet.
    const row = page.getByTestId('booking-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('booking-state').textContent()).toBe('Confirmed');
    await row.getByTestId('booking-open').click();
    const panel = page.getByTestId('tracking-panel');
    await panel.getByRole('heading', { level: 2, name: new RegExp(`Timeline: ${SERVICE_NAME}`) }).waitFor();
    await expect.poll(() => panel.getByTestId('tracking-stream').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    expect(await panel.getByTestId('tracking-stops').textContent()).toMatch(/Alashankou[\s\S]*Dostyk/);
    await panel.getByTestId('tracking-no-events').waitFor();
    expect(await panel.getByTestId('tracking-position').textContent()).toBe('Not departed yet');
    expect(await panel.getByTestId('tracking-delay').textContent()).toBe('On time');
    const map = panel.getByTestId('tracking-map');
    await expect.poll(() => map.getAttribute('data-stops'), { timeout: 15_000 }).toBe('2');
    expect(await map.getAttribute('data-position')).toBe('');
    // The shipper is no operator: no form to record events.
    expect(await page.getByTestId('operator-event-form').count()).toBe(0);

    // A marker on the window (globalThis in the page) survives only if the page is never reloaded or left.
    await page.evaluate(() => {
      (globalThis as unknown as { trainsMarker: string }).trainsMarker = 'still here';
    });

    // The operator records the train crossing into Kazakhstan at Dostyk, through the API.
    const posted = await postAs(operator.request, `/api/trains/departures/${departureId}/events`, {
      kind: 'border_crossed',
      node: 'KZ-DOSTYK',
      at: new Date(departsAt + 200 * 60_000).toISOString(),
    });
    expect(posted.status(), await posted.text()).toBe(201);

    // The open page shows it by itself: the event on the timeline, the last position, and the marker on the map.
    const events = panel.getByTestId('tracking-events');
    await events.waitFor({ timeout: 15_000 });
    const event = events.locator('li');
    expect(await event.count()).toBe(1);
    expect(await event.first().getAttribute('data-kind')).toBe('border_crossed');
    expect(await event.first().textContent()).toMatch(/Border crossed[\s\S]*Dostyk/);
    await expect.poll(() => panel.getByTestId('tracking-position').getAttribute('data-node')).toBe('KZ-DOSTYK');
    expect(await panel.getByTestId('tracking-position').textContent()).toMatch(/^Dostyk \(Border crossed, /);
    await expect.poll(() => map.getAttribute('data-position')).toBe('KZ-DOSTYK');
    expect(await panel.locator('[aria-current="location"]').textContent()).toContain('Dostyk');
    // Seen at Dostyk 20 minutes after the planned arrival there: the ETA moves 20 minutes later.
    await expect.poll(() => panel.getByTestId('tracking-delay').textContent()).toBe('0.3 h late');
    expect(await page.evaluate(() => (globalThis as unknown as { trainsMarker?: string }).trainsMarker)).toBe('still here');

    // The figures keep the platform's own apart from the officially reported ones.
    await page.getByTestId('trains-stats-platform').getByRole('heading', { name: 'On this platform' }).waitFor();
    await page.getByTestId('trains-stats-reported').getByRole('heading', { name: 'Officially reported' }).waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
    await operator.close();
  });

  it('gives the operator of the service a form to record events on its departures', { timeout: 120_000 }, async () => {
    const { context, page, pageErrors } = await session.openPage();
    const login = await context.request.post(`${session.base}/api/auth/login`, {
      headers: { Origin: session.base },
      data: { email: 'operator-trains@example.org', password: 'border shuttle 2026' },
    });
    expect(login.status()).toBe(200);
    await page.goto(`${session.base}/trains`);
    await page.getByTestId('current-user').waitFor();
    await page.getByTestId('trains-date').fill(`${YEAR}-03-01`);
    await page.getByTestId('trains-search').getByLabel('Number of days').fill('31');
    await page.getByTestId('trains-search-submit').click();
    const departures = page.getByTestId('departure');
    await expect.poll(() => departures.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    // Operators track, they do not book.
    expect(await page.getByTestId('departure-book').count()).toBe(0);
    const second = departures.nth(1);
    await second.getByTestId('departure-track').click();

    const form = page.getByTestId('operator-event-form');
    await form.getByRole('heading', { name: 'Record an event' }).waitFor();
    await form.getByLabel('Event').selectOption('delayed');
    await form.getByLabel('Expected delay at arrival (minutes)').fill('90');
    await form.getByLabel('Reason').fill('Wagon inspection');
    await form.getByTestId('operator-event-submit').click();
    const panel = page.getByTestId('tracking-panel');
    await expect.poll(() => panel.getByTestId('tracking-delay').textContent(), { timeout: 15_000 }).toBe('1.5 h late');
    expect(await panel.getByTestId('tracking-events').textContent()).toContain('Wagon inspection');

    // The operator sees the shipper's booking on its service and may mark it loaded.
    const row = page.getByTestId('booking-row');
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('booking-mark-loaded').click();
    await expect.poll(() => row.getByTestId('booking-state').textContent()).toBe('Loaded');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
