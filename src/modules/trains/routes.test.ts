import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorCode, loggedIn, multipart, type Client } from '../../../test/http.ts';
import type { Database } from '../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../db/testing.ts';
import type { App } from '../../http/app-types.ts';
import { useSmallNetwork } from '../logistics/fixtures/small-network.ts';
import { blockTrain } from './fixtures.ts';

/** The trains API over HTTP on the small test network: Ürümqi – Alashankou – Dostyk. */

function expectStatus<T>(response: LightMyRequestResponse, status: number): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

/** The next year's first of December: departures always in the future. */
const YEAR = new Date().getUTCFullYear() + 1;

/** Mondays only, 4 TEU a run. */
const SERVICE = blockTrain(YEAR, 4, [1]);

interface DepartureAnswer {
  id: string;
  departsAt: string;
  teuLeft: number;
  bookingClosesAt: string;
  stops: { node: string }[];
}
interface BookingAnswer {
  id: string;
  state: string;
  teu: number;
  events: { state: string; actorId: string | null }[];
}

describe.each(testDatabaseKinds())('trains API on $name', (kind) => {
  let db: Database;
  let app: App;
  let operator: Client;
  let shipper: Client;
  let otherShipper: Client;
  let departures: DepartureAnswer[];

  const post = (url: string, client: Client | undefined, payload?: object, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, headers: { ...client?.headers, ...headers }, ...(payload ? { payload } : {}) });
  const get = (url: string, client?: Client) => app.inject({ method: 'GET', url, headers: client?.headers ?? {} });

  beforeAll(async () => {
    db = await openSeededDatabase(kind);
    await useSmallNetwork(db);
    app = await buildTestApp(db);
    operator = await loggedIn(app, db, 'provider');
    shipper = await loggedIn(app, db, 'member');
    otherShipper = await loggedIn(app, db, 'member');
    const created = expectStatus<{ service: { id: string; name: string }; departures: number }>(await post('/api/trains/services', operator, SERVICE), 201);
    expect(created.departures).toBeGreaterThanOrEqual(4);
    departures = expectStatus<{ departures: DepartureAnswer[] }>(await get(`/api/trains/departures?date=${YEAR}-12-01&days=31`), 200).departures;
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('lets only providers add services, and lists them to anyone', async () => {
    expect(errorCode(await post('/api/trains/services', shipper, SERVICE))).toBe('FORBIDDEN');
    expect(errorCode(await post('/api/trains/services', undefined, SERVICE))).toBe('NOT_AUTHENTICATED');
    const { services } = expectStatus<{ services: { name: string; timetable: { weekdays: number[] } }[] }>(await get('/api/trains/services'), 200);
    expect(services.map((service) => [service.name, service.timetable.weekdays])).toEqual([[SERVICE.name, [1]]]);
  });

  it('refuses a timetable whose stops are out of order in time, naming the field in the asker’s language', async () => {
    const bad = { ...SERVICE, stops: [SERVICE.stops[0], { ...SERVICE.stops[1], arriveOffsetMinutes: 0 }, SERVICE.stops[2]] };
    const response = await post('/api/trains/services', operator, bad, { 'accept-language': 'ru' });
    const body = expectStatus<{ error: { code: string; message: string; details: { field: string }[] } }>(response, 400);
    expect(body.error.code).toBe('INVALID_TIMETABLE');
    expect(body.error.message).toContain('stops[1].arriveOffsetMinutes');
    expect(body.error.message).toContain('Остановки');
  });

  it('lists the departures between two stops from a date, with the slots left and when booking closes', async () => {
    const mondays = departures.map((d) => new Date(d.departsAt).getUTCDay());
    expect(new Set(mondays)).toEqual(new Set([1]));
    expect(departures[0]).toMatchObject({ teuLeft: 4, stops: [{ node: 'CN-URUMQI' }, { node: 'CN-ALASHANKOU' }, { node: 'KZ-DOSTYK' }] });
    expect(Date.parse(departures[0]!.departsAt) - Date.parse(departures[0]!.bookingClosesAt)).toBe(360 * 60_000);
    const between = expectStatus<{ departures: DepartureAnswer[] }>(await get(`/api/trains/departures?from=CN-ALASHANKOU&to=KZ-DOSTYK&date=${YEAR}-12-01&days=31`), 200).departures;
    expect(between.map((d) => d.id)).toEqual(departures.map((d) => d.id));
    const backwards = expectStatus<{ departures: DepartureAnswer[] }>(await get(`/api/trains/departures?from=KZ-DOSTYK&to=CN-URUMQI&date=${YEAR}-12-01&days=31`), 200).departures;
    expect(backwards).toEqual([]);
    expect(errorCode(await get('/api/trains/departures?containers=two'))).toBe('VALIDATION_FAILED');
    for (const date of ['2026-13-01', '2026-02-30']) expect(errorCode(await get(`/api/trains/departures?date=${date}`))).toBe('INVALID_TIME');
  });

  it('books slots for members only, confirmed then waitlisted, and hides full departures from a search that needs room', async () => {
    const departure = departures[0]!;
    expect(errorCode(await post('/api/trains/bookings', operator, { departureId: departure.id, containers: [{ size: 40, count: 1 }] }))).toBe('FORBIDDEN');
    const first = expectStatus<BookingAnswer>(await post('/api/trains/bookings', shipper, { departureId: departure.id, containers: [{ size: 40, count: 2 }] }), 201);
    expect(first).toMatchObject({ state: 'confirmed', teu: 4 });
    expect(first.events.map((e) => e.state)).toEqual(['requested', 'confirmed']);
    const second = expectStatus<BookingAnswer>(await post('/api/trains/bookings', otherShipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }] }), 201);
    expect(second.state).toBe('waitlisted');
    const full = await post('/api/trains/bookings', otherShipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }], waitlist: false });
    expect(full.statusCode).toBe(409);
    expect(errorCode(full)).toBe('DEPARTURE_FULL');
    const withRoom = expectStatus<{ departures: DepartureAnswer[] }>(await get(`/api/trains/departures?date=${YEAR}-12-01&days=31&containers=1x20`), 200).departures;
    expect(withRoom.map((d) => d.id)).not.toContain(departure.id);

    // Cancelling frees the slots for the waitlist first.
    const cancelled = expectStatus<BookingAnswer>(await post(`/api/trains/bookings/${first.id}/cancel`, shipper), 200);
    expect(cancelled.state).toBe('cancelled');
    expect(expectStatus<BookingAnswer>(await get(`/api/trains/bookings/${second.id}`, otherShipper), 200).state).toBe('confirmed');
    expect(errorCode(await post(`/api/trains/bookings/${first.id}/cancel`, shipper))).toBe('BOOKING_STATE_CONFLICT');
  });

  it('answers a retry with the same Idempotency-Key with the first booking, and never books twice', async () => {
    const departure = departures[1]!;
    const payload = { departureId: departure.id, containers: [{ size: 20, count: 1 }] };
    const headers = { 'idempotency-key': 'po-2041-line-1' };
    const first = expectStatus<BookingAnswer>(await post('/api/trains/bookings', shipper, payload, headers), 201);
    const retry = expectStatus<BookingAnswer>(await post('/api/trains/bookings', shipper, payload, headers), 201);
    expect(retry).toEqual(first);
    const left = expectStatus<{ departures: DepartureAnswer[] }>(await get(`/api/trains/departures?date=${YEAR}-12-01&days=31`), 200).departures.find((d) => d.id === departure.id)!;
    expect(left.teuLeft).toBe(3);
    expect(errorCode(await post('/api/trains/bookings', shipper, { ...payload, containers: [{ size: 40, count: 1 }] }, headers))).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('names every container number whose check digit is wrong', async () => {
    const response = await post('/api/trains/bookings', shipper, { departureId: departures[2]!.id, containers: [{ size: 40, count: 1 }], containerNumbers: [{ number: 'CSQU3054384', size: 40 }] });
    const body = expectStatus<{ error: { code: string; details: { number: string; expectedCheckDigit: number }[] } }>(response, 400);
    expect(body.error).toMatchObject({ code: 'INVALID_CONTAINER_NUMBER', details: [{ number: 'CSQU3054384', expectedCheckDigit: 3 }] });
  });

  it('gives the route planner the slots left: a full departure, or one with too few TEU for the shipment, is not offered', async () => {
    // A cheap Wednesday train of 2 TEU, so that its runs are among the best routes while they have room.
    const cheap = { ...blockTrain(YEAR, 2, [3]), name: 'Wednesday saver', usd: { 20: 50, 40: 80 } };
    expectStatus(await post('/api/trains/services', operator, cheap), 201);
    const wednesdays = expectStatus<{ departures: (DepartureAnswer & { serviceName: string })[] }>(await get(`/api/trains/departures?date=${YEAR}-12-01&days=31`), 200).departures;
    const saver = wednesdays.find((d) => d.serviceName === 'Wednesday saver')!;
    const departAfter = new Date(Date.parse(saver.bookingClosesAt) - 60 * 60_000).toISOString();
    const ridden = async (containers: object[]) => {
      const answer = expectStatus<{ routes: { legs: { departureId: string | null }[] }[] }>(
        await post('/api/logistics/routes', undefined, { from: 'CN-URUMQI', to: 'KZ-DOSTYK', containers, departAfter }),
        200,
      );
      return answer.routes.flatMap((route) => route.legs.map((leg) => leg.departureId));
    };
    expect(await ridden([{ size: 40, count: 1 }])).toContain(saver.id);
    expect(await ridden([{ size: 20, count: 3 }])).not.toContain(saver.id);
    expectStatus(await post('/api/trains/bookings', shipper, { departureId: saver.id, containers: [{ size: 20, count: 2 }] }), 201);
    expect(await ridden([{ size: 20, count: 1 }])).not.toContain(saver.id);
  });

  it('shows a booking to its shipper and its operator, not to other members', async () => {
    const booking = expectStatus<BookingAnswer>(await post('/api/trains/bookings', shipper, { departureId: departures[3]!.id, containers: [{ size: 20, count: 1 }] }), 201);
    expect(expectStatus<BookingAnswer>(await get(`/api/trains/bookings/${booking.id}`, operator), 200).id).toBe(booking.id);
    expect(errorCode(await get(`/api/trains/bookings/${booking.id}`, otherShipper))).toBe('BOOKING_NOT_FOUND');
    expect(errorCode(await get(`/api/trains/bookings/${booking.id}`))).toBe('NOT_AUTHENTICATED');
    const mine = expectStatus<{ bookings: BookingAnswer[] }>(await get('/api/trains/bookings', otherShipper), 200).bookings;
    expect(mine.map((b) => b.id)).not.toContain(booking.id);
    const operated = expectStatus<{ bookings: BookingAnswer[] }>(await get('/api/trains/bookings', operator), 200).bookings;
    expect(operated.map((b) => b.id)).toContain(booking.id);
  });

  it('counts the trains that left and the TEU they carried, beside the reported indicators and apart from them', async () => {
    const departure = departures[2]!;
    const booking = expectStatus<BookingAnswer>(await post('/api/trains/bookings', shipper, { departureId: departure.id, containers: [{ size: 40, count: 1 }] }), 201);
    expectStatus(await post(`/api/trains/bookings/${booking.id}/events`, operator, { state: 'loaded' }), 200);
    expectStatus(await post(`/api/trains/departures/${departure.id}/events`, operator, { kind: 'departed' }), 201);
    const stats = expectStatus<{
      operations: { yearToDate: { trains: number; teu: number; loadFactor: number }; destinationCountries: number; byBorderCrossing: { node: string; trains: number }[]; months: { month: string; trains: number }[] };
      reported: { key: string; value: string }[];
    }>(await get(`/api/trains/stats?year=${YEAR}&through=12`), 200);
    expect(stats.operations.yearToDate).toEqual({ trains: 1, teu: 2, loadFactor: 0.5 });
    expect(stats.operations.destinationCountries).toBe(1);
    expect(stats.operations.byBorderCrossing.map((b) => [b.node, b.trains])).toEqual([['CN-ALASHANKOU', 1], ['KZ-DOSTYK', 1]]);
    expect(stats.operations.months.find((m) => m.month === `${YEAR}-12`)!.trains).toBe(1);
    expect(stats.reported).toContainEqual(expect.objectContaining({ key: 'seed2022.chn.europe-railway-express.trains.2022-jan-aug', value: '10622' }));
  });

  it("records an operator's CSV of messages all together, or nothing when a row is refused, naming its line", async () => {
    const departure = departures[3]!;
    const upload = async (client: Client, csv: string) => {
      const { payload, contentType } = await multipart([{ field: 'file', filename: 'messages.csv', content: csv }]);
      return app.inject({ method: 'POST', url: '/api/trains/messages', payload, headers: { ...client.headers, 'content-type': contentType } });
    };
    const header = 'departure,booking,kind,node,at,delay_minutes,reason';
    const refused = await upload(operator, [header, `${departure.id},,departed,,,,`, `${departure.id},,border_crossed,CN-KASHGAR,,,`].join('\n'));
    const body = expectStatus<{ error: { code: string; details: { line: number; field: string }[] } }>(refused, 400);
    expect(body.error.code).toBe('OPERATOR_MESSAGES_INVALID');
    expect(body.error.details).toEqual([expect.objectContaining({ line: 3, field: 'node' })]);
    const before = expectStatus<{ events: unknown[] }>(await get(`/api/trains/departures/${departure.id}/tracking`, shipper), 200);
    expect(before.events).toEqual([]);

    const recorded = await upload(operator, [header, `${departure.id},,departed,,,,`, `${departure.id},,delayed,,,90,snow at Alashankou`].join('\n'));
    expect(expectStatus(recorded, 201)).toEqual({ departures: 2, bookings: 0 });
    const after = expectStatus<{ events: { kind: string }[]; delayMinutes: number }>(await get(`/api/trains/departures/${departure.id}/tracking`, shipper), 200);
    expect(after.events.map((e) => e.kind)).toEqual(['departed', 'delayed']);
    expect(errorCode(await upload(shipper, [header, `${departure.id},,departed,,,,`].join('\n')))).toBe('FORBIDDEN');
  });

  it('lets the operator cancel a departure before it leaves, its bookings with it', async () => {
    expectStatus(await post('/api/trains/services', operator, { ...blockTrain(YEAR, 6, [5]), name: 'Friday train' }), 201);
    const fridays = expectStatus<{ departures: (DepartureAnswer & { serviceName: string })[] }>(await get(`/api/trains/departures?date=${YEAR}-12-01&days=31`), 200).departures;
    const friday = fridays.find((d) => d.serviceName === 'Friday train')!;
    const booking = expectStatus<BookingAnswer>(await post('/api/trains/bookings', shipper, { departureId: friday.id, containers: [{ size: 20, count: 1 }] }), 201);
    expect(errorCode(await post(`/api/trains/departures/${friday.id}/cancel`, shipper))).toBe('FORBIDDEN');
    expect(expectStatus<{ status: string }>(await post(`/api/trains/departures/${friday.id}/cancel`, operator), 200).status).toBe('cancelled');
    expect(expectStatus<BookingAnswer>(await get(`/api/trains/bookings/${booking.id}`, shipper), 200).state).toBe('cancelled');
    const listed = expectStatus<{ departures: DepartureAnswer[] }>(await get(`/api/trains/departures?date=${YEAR}-12-01&days=31`), 200).departures;
    expect(listed.map((d) => d.id)).not.toContain(friday.id);
  });

  it('lets the operator add an extra run of a service, which shippers then see and can book', async () => {
    const { services } = expectStatus<{ services: { id: string; name: string }[] }>(await get('/api/trains/services'), 200);
    const block = services.find((service) => service.name === SERVICE.name)!;
    const departsAt = `${YEAR}-12-24T10:00:00.000Z`;
    expect(errorCode(await post(`/api/trains/services/${block.id}/departures`, shipper, { departsAt }))).toBe('FORBIDDEN');
    const extra = expectStatus<DepartureAnswer>(await post(`/api/trains/services/${block.id}/departures`, operator, { departsAt }), 201);
    expect(extra).toMatchObject({ departsAt, teuLeft: 4 });
    expect(expectStatus<DepartureAnswer>(await post(`/api/trains/services/${block.id}/departures`, operator, { departsAt }), 201).id).toBe(extra.id);
    const listed = expectStatus<{ departures: DepartureAnswer[] }>(await get(`/api/trains/departures?date=${YEAR}-12-24&days=1`), 200).departures;
    expect(listed.map((d) => d.id)).toContain(extra.id);
    expect(expectStatus<BookingAnswer>(await post('/api/trains/bookings', shipper, { departureId: extra.id, containers: [{ size: 20, count: 1 }] }), 201).state).toBe('confirmed');
  });
});
