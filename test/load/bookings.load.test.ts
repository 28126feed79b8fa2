/**
 * Booking under load on several server instances sharing one PostgreSQL, as the product is meant to be deployed:
 * three instances of `src/server.ts`, 2,000 concurrent booking requests of mixed sizes over departures with 100 TEU
 * in all, a tenth of them retries with the same Idempotency-Key; then the same with one instance killed (SIGKILL)
 * in the middle. Confirmed bookings must never exceed a departure's capacity, no request may be booked twice, no
 * success a client saw may be lost, and the event log must reconcile with the slots held.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayPostgres } from '../../src/db/testing.ts';
import { seededRandom } from '../../src/modules/logistics/synthetic/seeded-random.ts';
import { startServer, type StartedServer } from '../server-process.ts';

const adminUrl = process.env.TEST_DATABASE_URL;

type Instance = StartedServer;
const startInstance = (databaseUrl: string) => startServer({ DATABASE_URL: databaseUrl });

interface Session {
  cookie: string;
  csrfToken: string;
}

async function userSession(url: string, email: string, role: 'member' | 'provider'): Promise<Session> {
  const password = 'a long enough password';
  const organisation = role === 'member' ? { name: `Shipper ${email}`, kind: 'enterprise' } : { name: 'Load Test Rail', kind: 'logistics' };
  const registered = await fetch(`${url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, displayName: email, role, organisation }),
  });
  expect(registered.status).toBe(201);
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('scohub_session='))!.split(';')[0]!;
  return { cookie, csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken };
}

const post = (url: string, session: Session, body: object, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...headers }, body: JSON.stringify(body) });

interface Request {
  shipper: number;
  key: string;
  body: { departureId: string; containers: { size: 20 | 40; count: number }[]; waitlist: boolean };
}

/** `count` booking requests over `departures`, mixed sizes, a quarter refusing the waitlist; a tenth retries of earlier ones. */
function bookingRequests(departures: readonly string[], count: number, shippers: number, seed: number, prefix: string): Request[] {
  const random = seededRandom(seed);
  const requests: Request[] = [];
  while (requests.length < count) {
    if (requests.length > 10 && random() < 0.1) {
      requests.push(requests[Math.floor(random() * requests.length)]!);
      continue;
    }
    const size = random() < 0.5 ? 20 : 40;
    requests.push({
      shipper: Math.floor(random() * shippers),
      key: `${prefix}-${requests.length}`,
      body: { departureId: departures[Math.floor(random() * departures.length)]!, containers: [{ size, count: 1 + Math.floor(random() * 2) }], waitlist: random() >= 0.25 },
    });
  }
  return requests;
}

interface Outcome {
  request: Request;
  status: number;
  booking?: { id: string; state: string; teu: number };
  code?: string;
}

async function send(instances: readonly Instance[], sessions: readonly Session[], requests: readonly Request[], onAnswer?: (done: number) => void): Promise<Outcome[]> {
  let done = 0;
  return Promise.all(
    requests.map(async (request, i): Promise<Outcome> => {
      const instance = instances[i % instances.length]!;
      try {
        const response = await post(`${instance.url}/api/trains/bookings`, sessions[request.shipper]!, request.body, { 'idempotency-key': request.key });
        const body = (await response.json()) as { id: string; state: string; teu: number; error?: { code: string } };
        return response.status === 201 ? { request, status: 201, booking: body } : { request, status: response.status, code: body.error?.code ?? '' };
      } catch {
        // The instance died under the request: the client saw no answer.
        return { request, status: 0 };
      } finally {
        onAnswer?.(++done);
      }
    }),
  );
}

describe.skipIf(!adminUrl)('bookings under load on three instances sharing one PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let instances: Instance[];
  let db: pg.Client;
  let operator: Session;
  const shippers: Session[] = [];

  /** A new service of five departures (Mondays of March in 2031 or 2032) of 20 TEU each, 100 TEU in all; their ids. */
  const departuresOfNewService = async (name: string, year: number): Promise<string[]> => {
    const service = {
      name,
      stops: [
        { node: 'CN-ALASHANKOU', departOffsetMinutes: 0 },
        { node: 'KZ-DOSTYK', arriveOffsetMinutes: 120 },
      ],
      sizes: [20, 40],
      usd: { 20: 800, 40: 1300 },
      capacityTeu: 20,
      cutoffMinutes: 360,
      timetable: { weekdays: [1], departureTime: '06:00', validFrom: `${year}-03-01`, validTo: `${year}-03-31` },
    };
    const created = await post(`${instances[0]!.url}/api/trains/services`, operator, service);
    expect(created.status, await created.clone().text()).toBe(201);
    const listed = (await (await fetch(`${instances[0]!.url}/api/trains/departures?date=${year}-03-01&days=31`)).json()) as { departures: { id: string; serviceName: string }[] };
    const ids = listed.departures.filter((d) => d.serviceName === name).map((d) => d.id);
    expect(ids).toHaveLength(5);
    return ids;
  };

  /** Per departure: TEU held, TEU of confirmed bookings, and TEU of bookings whose last event is a confirmation. */
  const ledger = async (departures: readonly string[]) => {
    const { rows } = await db.query<{ id: string; capacity_teu: number; teu_held: number; confirmed_teu: number; confirmed_by_events: number; bookings: number; requested_events: number }>(
      `SELECT d.id, d.capacity_teu, d.teu_held,
              coalesce((SELECT sum(b.teu) FROM train_bookings b WHERE b.departure_id = d.id AND b.state = 'confirmed'), 0)::int AS confirmed_teu,
              coalesce((SELECT sum(b.teu) FROM train_bookings b WHERE b.departure_id = d.id AND
                 (SELECT e.state FROM train_booking_events e WHERE e.booking_id = b.id ORDER BY e.id DESC LIMIT 1) = 'confirmed'), 0)::int AS confirmed_by_events,
              (SELECT count(*) FROM train_bookings b WHERE b.departure_id = d.id)::int AS bookings,
              (SELECT count(*) FROM train_booking_events e JOIN train_bookings b ON b.id = e.booking_id WHERE b.departure_id = d.id AND e.state = 'requested')::int AS requested_events
       FROM train_departures d WHERE d.id = ANY($1::uuid[])`,
      [departures],
    );
    return rows;
  };

  beforeAll(async () => {
    database = await createThrowawayPostgres(adminUrl!);
    instances = await Promise.all([0, 1, 2].map(() => startInstance(database.url)));
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    operator = await userSession(instances[0]!.url, 'operator@load.example', 'provider');
    for (let i = 0; i < 20; i++) shippers.push(await userSession(instances[i % 3]!.url, `shipper${i}@load.example`, 'member'));
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    for (const instance of instances ?? []) instance.process.kill('SIGKILL');
    await database?.drop();
  });

  it('confirms exactly the capacity of each departure, books no request twice, and keeps the events in step with the slots', async () => {
    const departures = await departuresOfNewService('Load test block train', 2031);
    const requests = bookingRequests(departures, 2000, shippers.length, 1, 'load');
    const outcomes = await send(instances, shippers, requests);

    expect(outcomes.filter((o) => o.status === 0 || o.status >= 500)).toEqual([]);
    const refused = outcomes.filter((o) => o.status !== 201);
    expect(new Set(refused.map((o) => o.code))).toEqual(new Set(['DEPARTURE_FULL']));
    expect(refused.every((o) => !o.request.body.waitlist)).toBe(true);

    // Retries got the first answer: one booking per key, and never two keys on one booking.
    const byKey = new Map<string, Set<string>>();
    for (const { request, booking } of outcomes) if (booking) byKey.set(request.key, (byKey.get(request.key) ?? new Set()).add(booking.id));
    expect([...byKey.values()].every((ids) => ids.size === 1)).toBe(true);
    const [{ count }] = (await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM train_bookings WHERE departure_id = ANY($1::uuid[])`, [departures])).rows as [{ count: number }];
    expect(count).toBe(byKey.size);

    for (const row of await ledger(departures)) {
      expect(row.teu_held).toBe(row.capacity_teu);
      expect(row.confirmed_teu).toBe(row.teu_held);
      expect(row.confirmed_by_events).toBe(row.teu_held);
      expect(row.requested_events).toBe(row.bookings);
    }
  }, 180_000);

  it('loses no booking a client was told of, and sells no slot twice, when an instance is killed under load', async () => {
    const departures = await departuresOfNewService('Crash test block train', 2032);
    const requests = bookingRequests(departures, 2000, shippers.length, 2, 'crash');
    const victim = instances[2]!;
    const outcomes = await send(instances, shippers, requests, (done) => {
      if (done === 600) victim.process.kill('SIGKILL');
    });
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    expect(outcomes.some((o) => o.status === 0)).toBe(true);

    // Every success a client saw is in the database, in the state it was told.
    const told = outcomes.filter((o) => o.booking);
    const { rows } = await db.query<{ id: string; state: string }>(`SELECT id, state FROM train_bookings WHERE id = ANY($1::uuid[])`, [told.map((o) => o.booking!.id)]);
    const stored = new Map(rows.map((row) => [row.id, row.state]));
    for (const { booking } of told) expect(stored.get(booking!.id)).toBe(booking!.state);

    // Clients retry what got no answer on the instances left: each key ends with one booking.
    const unanswered = outcomes.filter((o) => o.status === 0).map((o) => o.request);
    const retried = await send(instances.slice(0, 2), shippers, unanswered);
    expect(retried.filter((o) => o.status === 0 || o.status >= 500)).toEqual([]);
    const byKey = new Map<string, Set<string>>();
    for (const { request, booking } of [...outcomes, ...retried]) if (booking) byKey.set(request.key, (byKey.get(request.key) ?? new Set()).add(booking.id));
    expect([...byKey.values()].every((ids) => ids.size === 1)).toBe(true);

    for (const row of await ledger(departures)) {
      expect(row.teu_held).toBeLessThanOrEqual(row.capacity_teu);
      expect(row.confirmed_teu).toBe(row.teu_held);
      expect(row.confirmed_by_events).toBe(row.teu_held);
      expect(row.requested_events).toBe(row.bookings);
    }
  }, 180_000);
});
