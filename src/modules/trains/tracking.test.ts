import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openMigratedDatabase, testDatabaseKinds } from '../../db/testing.ts';
import { codeOf } from '../../errors/testing.ts';
import { createAdmin, registerUser } from '../accounts/users.ts';
import { useSmallNetwork } from '../logistics/fixtures/small-network.ts';
import { blockTrain } from './fixtures.ts';
import { bookDeparture, createService, getBooking, getDeparture, listDepartures, type Actor } from './store.ts';
import { departureTracking, eventsSince, postBookingEvent, postDepartureEvent } from './tracking.ts';

/** Minutes since the Unix epoch of a UTC date-time. */
const at = (iso: string) => Date.parse(iso) / 60_000;

describe.each(testDatabaseKinds())('departure tracking on $name', (kind) => {
  let db: Database;
  let shipper: Actor;
  let operator: Actor;
  let otherProvider: Actor;
  let admin: Actor;
  const NOW = at('2026-11-25T00:00Z');
  let capacity = 20;

  const actor = async (email: string, role: 'member' | 'provider', organisation: string): Promise<Actor> => {
    const user = await db.transaction((tx) =>
      registerUser(tx, { email, password: 'a long enough password', displayName: email, role, organisation: { name: organisation, kind: role === 'member' ? 'enterprise' : 'logistics' } }),
    );
    return { userId: user.id, role, organisationId: user.organisation!.id };
  };

  /** The first departure of a new service of its own (Ürümqi 0, Alashankou 600–900, Dostyk 1000 minutes). */
  const newDeparture = async () => {
    capacity += 1;
    await db.transaction((tx) => createService(tx, operator.organisationId!, blockTrain(2026, capacity, [1, 4])));
    return (await listDepartures(db, { after: at('2026-12-01T00:00Z') })).find((d) => d.capacityTeu === capacity)!;
  };

  /** A booking of one 20' container, confirmed, on the departure. */
  const booked = async (departureId: string) => bookDeparture(db, shipper, { departureId, containers: [{ size: 20, count: 1 }] }, NOW);

  beforeAll(async () => {
    db = await openMigratedDatabase(kind);
    await useSmallNetwork(db);
    shipper = await actor('shipper@example.com', 'member', 'Xinjiang Cotton Export');
    operator = await actor('operator@example.com', 'provider', 'Silk Road Rail');
    otherProvider = await actor('forwarder@example.com', 'provider', 'Another Forwarder');
    const user = await createAdmin(db, { email: 'admin@example.com', password: 'a long enough password', displayName: 'Admin' });
    admin = { userId: user.id, role: 'admin', organisationId: null };
  });
  afterAll(async () => {
    await db.close();
  });

  it('shows the planned arrival before any event, to anyone logged in', async () => {
    const departure = await newDeparture();
    const tracking = await departureTracking(db, shipper, departure.id);
    expect(tracking).toMatchObject({ departure: { id: departure.id, status: 'scheduled' }, events: [], eta: departure.departsAt + 1000, delayMinutes: 0, arrived: false });
    expect(tracking.lastPosition).toBeUndefined();
    expect(await codeOf(departureTracking(db, undefined, departure.id))).toBe('NOT_AUTHENTICATED');
    expect(await codeOf(departureTracking(db, shipper, '00000000-0000-0000-0000-000000000000'))).toBe('DEPARTURE_NOT_FOUND');
  });

  it('takes events from the operator of the service and admins only; to anyone else the departure does not exist', async () => {
    const departure = await newDeparture();
    for (const stranger of [otherProvider, shipper]) {
      expect(await codeOf(postDepartureEvent(db, stranger, departure.id, { kind: 'delayed', delayMinutes: 30 }, NOW))).toBe('DEPARTURE_NOT_FOUND');
    }
    await postDepartureEvent(db, operator, departure.id, { kind: 'delayed', delayMinutes: 30, reason: 'locomotive change' }, NOW);
    const tracking = await postDepartureEvent(db, admin, departure.id, { kind: 'delayed', delayMinutes: 45 }, NOW + 5);
    expect(tracking.events).toMatchObject([
      { kind: 'delayed', node: null, at: NOW, delayMinutes: 30, reason: 'locomotive change' },
      { kind: 'delayed', at: NOW + 5, delayMinutes: 45, reason: null },
    ]);
    expect(tracking).toMatchObject({ eta: departure.departsAt + 1045, delayMinutes: 45 });
    const [audit] = await db.query<{ actor_id: string }>('SELECT actor_id FROM train_departure_events WHERE departure_id = $1 ORDER BY id', [departure.id]);
    expect(audit!.actor_id).toBe(operator.userId);
  });

  it('accepts only the stops of the departure as the place of an event, and needs one where there is no default', async () => {
    const departure = await newDeparture();
    const error = await postDepartureEvent(db, operator, departure.id, { kind: 'border_crossed', node: 'RU-MOSCOW' }, NOW).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NODE_NOT_ON_ROUTE', params: { departure: departure.id, node: 'RU-MOSCOW' } });
    expect(await codeOf(postDepartureEvent(db, operator, departure.id, { kind: 'gauge_changed' }, NOW))).toBe('VALIDATION_FAILED');
    expect(await codeOf(postDepartureEvent(db, operator, departure.id, { kind: 'delayed' }, NOW))).toBe('VALIDATION_FAILED');
    expect(await eventsSince(db, departure.id, 0)).toEqual([]);
  });

  it('departs from the first stop by default, taking its loaded bookings along, each move an event of the operator', async () => {
    const departure = await newDeparture();
    const loaded = await booked(departure.id);
    const notLoaded = await booked(departure.id);
    await postBookingEvent(db, operator, loaded.id, 'loaded', 'on wagon 12');
    const tracking = await postDepartureEvent(db, operator, departure.id, { kind: 'departed', at: departure.departsAt + 20 }, NOW);
    expect(tracking).toMatchObject({ departure: { status: 'departed' }, eta: departure.departsAt + 1020, delayMinutes: 20, lastPosition: { node: 'CN-URUMQI', kind: 'departed' } });
    const moved = await getBooking(db, shipper, loaded.id);
    expect(moved.state).toBe('departed');
    expect(moved.events.slice(-2)).toMatchObject([
      { state: 'loaded', actorId: operator.userId, note: 'on wagon 12' },
      { state: 'departed', actorId: operator.userId, note: 'departure departed' },
    ]);
    expect((await getBooking(db, shipper, notLoaded.id)).state).toBe('confirmed');
  });

  it('arrives at the last stop by default, taking its departed bookings along, and the ETA becomes the arrival', async () => {
    const departure = await newDeparture();
    const booking = await booked(departure.id);
    await postBookingEvent(db, operator, booking.id, 'loaded');
    await postDepartureEvent(db, operator, departure.id, { kind: 'departed', at: departure.departsAt }, NOW);
    await postDepartureEvent(db, operator, departure.id, { kind: 'arrived_at', node: 'CN-ALASHANKOU', at: departure.departsAt + 650 }, NOW);
    const tracking = await postDepartureEvent(db, admin, departure.id, { kind: 'arrived', at: departure.departsAt + 1100 }, NOW);
    expect(tracking).toMatchObject({ departure: { status: 'arrived' }, eta: departure.departsAt + 1100, delayMinutes: 100, arrived: true, lastPosition: { node: 'KZ-DOSTYK', kind: 'arrived' } });
    expect(tracking.events.map((e) => e.kind)).toEqual(['departed', 'arrived_at', 'arrived']);
    const arrived = await getBooking(db, shipper, booking.id);
    expect(arrived.state).toBe('arrived');
    expect(arrived.events.at(-1)).toMatchObject({ state: 'arrived', actorId: admin.userId, note: 'departure arrived' });
    expect((await getDeparture(db, departure.id)).status).toBe('arrived');
  });

  it('lets the operator load and deliver a booking, never the shipper, and only in the order of its life', async () => {
    const departure = await newDeparture();
    const booking = await booked(departure.id);
    expect(await codeOf(postBookingEvent(db, shipper, booking.id, 'loaded'))).toBe('FORBIDDEN');
    expect(await codeOf(postBookingEvent(db, otherProvider, booking.id, 'loaded'))).toBe('BOOKING_NOT_FOUND');
    expect(await codeOf(postBookingEvent(db, operator, booking.id, 'delivered'))).toBe('BOOKING_STATE_CONFLICT');
    expect((await postBookingEvent(db, operator, booking.id, 'loaded')).state).toBe('loaded');
    await postDepartureEvent(db, operator, departure.id, { kind: 'departed' }, NOW);
    await postDepartureEvent(db, operator, departure.id, { kind: 'arrived' }, NOW + 1000);
    const delivered = await postBookingEvent(db, admin, booking.id, 'delivered', 'signed for in Dostyk');
    expect(delivered.state).toBe('delivered');
    expect(delivered.events.map((e) => e.state)).toEqual(['requested', 'confirmed', 'loaded', 'departed', 'arrived', 'delivered']);
  });

  it('gives the events recorded after a given one, for the live stream', async () => {
    const departure = await newDeparture();
    const first = await postDepartureEvent(db, operator, departure.id, { kind: 'departed' }, NOW);
    await postDepartureEvent(db, operator, departure.id, { kind: 'border_crossed', node: 'CN-ALASHANKOU' }, NOW + 900);
    const after = await eventsSince(db, departure.id, first.events[0]!.id);
    expect(after.map((e) => [e.kind, e.node, e.at])).toEqual([['border_crossed', 'CN-ALASHANKOU', NOW + 900]]);
    expect(await eventsSince(db, departure.id, after[0]!.id)).toEqual([]);
  });
});
