import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorCode, loggedIn, type Client } from '../../../test/http.ts';
import type { Database } from '../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../db/testing.ts';
import type { App } from '../../http/app-types.ts';
import { useSmallNetwork } from '../logistics/fixtures/small-network.ts';
import { blockTrain } from './fixtures.ts';

/** Tracking over HTTP on the small test network: Ürümqi 0, Alashankou 600–900, Dostyk 1000 minutes. */

function expectStatus<T>(response: LightMyRequestResponse, status: number): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

/** The next year's December: departures always in the future. */
const YEAR = new Date().getUTCFullYear() + 1;

interface TrackingAnswer {
  departure: { id: string; status: string; departsAt: string };
  events: { id: number; kind: string; node: string | null; at: string; delayMinutes: number | null; reason: string | null }[];
  eta: string;
  delayMinutes: number;
  lastPosition?: { node: string; at: string; kind: string };
  arrived: boolean;
}

/** Reads server-sent events from a response body, one message (its event name and JSON data) at a time. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<{ event: string; data: TrackingAnswer }> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n').filter((line) => !line.startsWith(':'));
          if (lines.length === 0) continue;
          const field = (name: string) => lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
          return { event: field('event') ?? 'message', data: JSON.parse(field('data') ?? 'null') as TrackingAnswer };
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

describe.each(testDatabaseKinds())('train tracking API on $name', (kind) => {
  let db: Database;
  let app: App;
  let operator: Client;
  let otherOperator: Client;
  let shipper: Client;
  let departures: { id: string; departsAt: string }[];
  let next = 0;

  const post = (url: string, client: Client | undefined, payload: object) => app.inject({ method: 'POST', url, headers: client?.headers ?? {}, payload });
  const get = (url: string, client?: Client) => app.inject({ method: 'GET', url, headers: client?.headers ?? {} });
  const freshDeparture = () => departures[next++]!;
  const minutesAfter = (departure: { departsAt: string }, minutes: number) => new Date(Date.parse(departure.departsAt) + minutes * 60_000).toISOString();

  beforeAll(async () => {
    db = await openSeededDatabase(kind);
    await useSmallNetwork(db);
    app = await buildTestApp(db);
    operator = await loggedIn(app, db, 'provider');
    otherOperator = await loggedIn(app, db, 'provider');
    shipper = await loggedIn(app, db, 'member');
    expectStatus(await post('/api/trains/services', operator, blockTrain(YEAR, 10, [1, 3, 5])), 201);
    departures = expectStatus<{ departures: { id: string; departsAt: string }[] }>(await get(`/api/trains/departures?date=${YEAR}-12-01&days=31`), 200).departures;
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('is registered inside the trains routes', () => {
    const registered = app.hasRoute({ method: 'POST', url: '/api/trains/departures/:id/events' });
    expect(registered, 'add `await trackingRoutes(db)(app);` inside trainRoutes in src/modules/trains/routes.ts').toBe(true);
  });

  it('records the operator’s events and answers the timeline with the ETA from the remaining legs', async () => {
    const departure = freshDeparture();
    const url = `/api/trains/departures/${departure.id}/events`;
    expectStatus(await post(url, operator, { kind: 'departed', at: minutesAfter(departure, 30) }), 201);
    const tracking = expectStatus<TrackingAnswer>(await post(url, operator, { kind: 'delayed', at: minutesAfter(departure, 300), delayMinutes: 120, reason: 'wagon inspection at the border' }), 201);
    expect(tracking).toMatchObject({
      departure: { id: departure.id, status: 'departed' },
      events: [
        { kind: 'departed', node: 'CN-URUMQI', at: minutesAfter(departure, 30), delayMinutes: null },
        { kind: 'delayed', node: null, delayMinutes: 120, reason: 'wagon inspection at the border' },
      ],
      eta: minutesAfter(departure, 1120),
      delayMinutes: 120,
      lastPosition: { node: 'CN-URUMQI', kind: 'departed' },
      arrived: false,
    });
    expect(expectStatus<TrackingAnswer>(await get(`/api/trains/departures/${departure.id}/tracking`, shipper), 200)).toEqual(tracking);
  });

  it('takes events from the operator of the service only, at its stops only', async () => {
    const departure = freshDeparture();
    const url = `/api/trains/departures/${departure.id}/events`;
    expect(errorCode(await post(url, shipper, { kind: 'departed' }))).toBe('FORBIDDEN');
    expect(errorCode(await post(url, otherOperator, { kind: 'departed' }))).toBe('DEPARTURE_NOT_FOUND');
    expect(errorCode(await post(url, undefined, { kind: 'departed' }))).toBe('NOT_AUTHENTICATED');
    expect(errorCode(await post(url, operator, { kind: 'border_crossed', node: 'RU-MOSCOW' }))).toBe('NODE_NOT_ON_ROUTE');
    expect(errorCode(await post(url, operator, { kind: 'teleported' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await post(url, operator, { kind: 'delayed', delayMinutes: -5 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await get(`/api/trains/departures/${departure.id}/tracking`))).toBe('NOT_AUTHENTICATED');
  });

  it('loads, departs, arrives and delivers a booking, the shipper seeing every move with who made it', async () => {
    const departure = freshDeparture();
    const booking = expectStatus<{ id: string }>(await post('/api/trains/bookings', shipper, { departureId: departure.id, containers: [{ size: 40, count: 1 }] }), 201);
    const bookingEvents = `/api/trains/bookings/${booking.id}/events`;
    expect(errorCode(await post(bookingEvents, shipper, { state: 'loaded' }))).toBe('FORBIDDEN');
    expect(errorCode(await post(bookingEvents, otherOperator, { state: 'loaded' }))).toBe('BOOKING_NOT_FOUND');
    expect(errorCode(await post(bookingEvents, operator, { state: 'delivered' }))).toBe('BOOKING_STATE_CONFLICT');
    expect(expectStatus<{ state: string }>(await post(bookingEvents, operator, { state: 'loaded', note: 'wagon 12' }), 200).state).toBe('loaded');
    expectStatus(await post(`/api/trains/departures/${departure.id}/events`, operator, { kind: 'departed' }), 201);
    const arrival = expectStatus<TrackingAnswer>(await post(`/api/trains/departures/${departure.id}/events`, operator, { kind: 'arrived', at: minutesAfter(departure, 990) }), 201);
    expect(arrival).toMatchObject({ departure: { status: 'arrived' }, eta: minutesAfter(departure, 990), delayMinutes: -10, arrived: true, lastPosition: { node: 'KZ-DOSTYK' } });
    const delivered = expectStatus<{ state: string; events: { state: string; note: string | null }[] }>(await post(bookingEvents, operator, { state: 'delivered' }), 200);
    expect(delivered.state).toBe('delivered');
    const seen = expectStatus<{ events: { state: string; actorId: string | null; note: string | null }[] }>(await get(`/api/trains/bookings/${booking.id}`, shipper), 200);
    expect(seen.events.map((e) => [e.state, e.note])).toEqual([
      ['requested', null],
      ['confirmed', null],
      ['loaded', 'wagon 12'],
      ['departed', 'departure departed'],
      ['arrived', 'departure arrived'],
      ['delivered', null],
    ]);
    expect(new Set(seen.events.slice(2).map((e) => e.actorId)).size).toBe(1);
  });

  it('streams the tracking view to an open page, and again when an event is posted', async () => {
    const departure = freshDeparture();
    const url = `/api/trains/departures/${departure.id}/stream`;
    expect(errorCode(await get(url))).toBe('NOT_AUTHENTICATED');
    expect(errorCode(await get('/api/trains/departures/00000000-0000-0000-0000-000000000000/stream', shipper))).toBe('DEPARTURE_NOT_FOUND');

    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}${url}`, { headers: { cookie: shipper.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const stream = eventReader(response.body!);
    try {
      const first = await stream.next();
      expect(first).toMatchObject({ event: 'tracking', data: { departure: { id: departure.id, status: 'scheduled' }, events: [], eta: minutesAfter(departure, 1000) } });

      expectStatus(await post(`/api/trains/departures/${departure.id}/events`, operator, { kind: 'border_crossed', node: 'CN-ALASHANKOU', at: minutesAfter(departure, 960) }), 201);
      const update = await stream.next();
      expect(update).toMatchObject({ event: 'tracking', data: { events: [{ kind: 'border_crossed', node: 'CN-ALASHANKOU' }], eta: minutesAfter(departure, 1060), delayMinutes: 60 } });

      // Once the train has arrived the stream says so and ends, rather than poll on.
      expectStatus(await post(`/api/trains/departures/${departure.id}/events`, operator, { kind: 'arrived', at: minutesAfter(departure, 1070) }), 201);
      expect(await stream.next()).toMatchObject({ event: 'tracking', data: { arrived: true } });
      await expect(stream.next()).rejects.toThrow('the stream ended');
    } finally {
      await stream.close();
    }
    // Opened again, the stream of an arrived train answers 204: a browser's EventSource then stops reconnecting.
    expect((await fetch(`${address}${url}`, { headers: { cookie: shipper.cookie } })).status).toBe(204);
  });
});
