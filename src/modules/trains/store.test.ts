import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openMigratedDatabase, testDatabaseKinds } from '../../db/testing.ts';
import { registerUser } from '../accounts/users.ts';
import { useSmallNetwork } from '../logistics/fixtures/small-network.ts';
import { blockTrain } from './fixtures.ts';
import { importOperatorMessages, readOperatorMessages } from './operator-messages.ts';
import { postDepartureEvent } from './tracking.ts';
import { bookDeparture, cancelBooking, cancelDeparture, createService, getBooking, listDepartures, runRecords, type Actor, type ServiceInput } from './store.ts';
import { codeOf } from '../../errors/testing.ts';
import { DomainError } from '../../errors/domain-error.ts';

/** Minutes since the Unix epoch of a UTC date-time. */
const at = (iso: string) => Date.parse(iso) / 60_000;

/** Mondays and Thursdays in December 2026 (`blockTrain`), `capacityTeu` a run. */
const service = (capacityTeu = 10): ServiceInput => blockTrain(2026, capacityTeu, [1, 4]);

describe.each(testDatabaseKinds())('train bookings on $name', (kind) => {
  let db: Database;
  let shipper: Actor;
  let otherShipper: Actor;
  let operator: Actor;
  let otherProvider: Actor;
  const admin: Actor = { userId: '00000000-0000-0000-0000-000000000000', role: 'admin', organisationId: null };
  const NOW = at('2026-11-25T00:00Z');

  const actor = async (email: string, role: 'member' | 'provider', organisation: string): Promise<Actor> => {
    const user = await db.transaction((tx) =>
      registerUser(tx, { email, password: 'a long enough password', displayName: email, role, organisation: { name: organisation, kind: role === 'member' ? 'enterprise' : 'logistics' } }),
    );
    return { userId: user.id, role, organisationId: user.organisation!.id };
  };

  /** A new service of its own (so tests do not share slots) and its first departure. */
  const departureOf = async (capacityTeu = 10) => {
    await db.transaction((tx) => createService(tx, operator.organisationId!, service(capacityTeu)));
    const departures = await listDepartures(db, { after: at('2026-12-01T00:00Z') });
    return departures.filter((d) => d.capacityTeu === capacityTeu).at(-1)!;
  };

  beforeAll(async () => {
    db = await openMigratedDatabase(kind);
    await useSmallNetwork(db);
    shipper = await actor('shipper@example.com', 'member', 'Xinjiang Cotton Export');
    otherShipper = await actor('other@example.com', 'member', 'Almaty Traders');
    operator = await actor('operator@example.com', 'provider', 'Silk Road Rail');
    otherProvider = await actor('forwarder@example.com', 'provider', 'Another Forwarder');
  });
  afterAll(async () => {
    await db.close();
  });

  it('generates the departures of a timetable, each with the whole capacity free', async () => {
    const { departures } = await db.transaction((tx) => createService(tx, operator.organisationId!, service(8)));
    // December 2026: Mondays 7, 14, 21, 28 and Thursdays 3, 10, 17, 24, 31.
    expect(departures).toBe(9);
    const listed = (await listDepartures(db, { after: at('2026-12-01T00:00Z'), before: at('2027-01-01T00:00Z') })).filter((d) => d.capacityTeu === 8);
    expect(listed.map((d) => new Date(d.departsAt * 60_000).toISOString().slice(0, 10))).toEqual([
      '2026-12-03', '2026-12-07', '2026-12-10', '2026-12-14', '2026-12-17', '2026-12-21', '2026-12-24', '2026-12-28', '2026-12-31',
    ]);
    expect(listed[0]).toMatchObject({ teuLeft: 8, stops: [{ node: 'CN-URUMQI', departAt: at('2026-12-03T08:30Z') }, { node: 'CN-ALASHANKOU' }, { node: 'KZ-DOSTYK', arriveAt: at('2026-12-03T08:30Z') + 1000 }] });
  });

  it('refuses a service that stops at a place not in the network, naming the stop', async () => {
    const bad = service();
    bad.stops[1]!.node = 'CN-NOWHERE';
    const error = await db.transaction((tx) => createService(tx, operator.organisationId!, bad)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_TIMETABLE', params: { field: 'stops[1].node' } });
  });

  it('confirms while slots last, then waitlists, and never holds more than the capacity', async () => {
    const departure = await departureOf(5);
    const first = await bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 40, count: 2 }] }, NOW);
    expect(first).toMatchObject({ state: 'confirmed', teu: 4 });
    expect(first.events.map((e) => e.state)).toEqual(['requested', 'confirmed']);
    const second = await bookDeparture(db, otherShipper, { departureId: departure.id, containers: [{ size: 40, count: 1 }] }, NOW);
    expect(second.state).toBe('waitlisted');
    expect(await codeOf(bookDeparture(db, otherShipper, { departureId: departure.id, containers: [{ size: 40, count: 1 }], waitlist: false }, NOW))).toBe('DEPARTURE_FULL');
    const third = await bookDeparture(db, otherShipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }] }, NOW);
    expect(third.state).toBe('confirmed');
    expect((await listDepartures(db, { after: departure.departsAt, before: departure.departsAt + 1, teu: 1 })).find((d) => d.id === departure.id)).toBeUndefined();
  });

  it('takes no booking after the cut-off, for a size the service does not take, or on a departure that does not exist', async () => {
    const departure = await departureOf(6);
    const cutoff = departure.departsAt - 360;
    expect(await codeOf(bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }] }, cutoff))).toBe('CUTOFF_PASSED');
    expect((await bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }] }, cutoff - 1)).state).toBe('confirmed');
    await db.query(`UPDATE train_services SET sizes = '{40}' WHERE id = $1`, [departure.serviceId]);
    expect(await codeOf(bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }] }, NOW))).toBe('CONTAINER_SIZE_NOT_ACCEPTED');
    expect(await codeOf(bookDeparture(db, shipper, { departureId: '00000000-0000-4000-8000-000000000000', containers: [{ size: 40, count: 1 }] }, NOW))).toBe('DEPARTURE_NOT_FOUND');
  });

  it('answers a retry with the same Idempotency-Key with the first booking, and refuses the key for another request', async () => {
    const departure = await departureOf(7);
    const request = { departureId: departure.id, containers: [{ size: 40 as const, count: 1 }], idempotencyKey: 'order-17' };
    const first = await bookDeparture(db, shipper, request, NOW);
    const again = await bookDeparture(db, shipper, request, NOW);
    expect(again).toEqual(first);
    expect((await listDepartures(db, {})).find((d) => d.id === departure.id)!.teuLeft).toBe(5);
    expect(await codeOf(bookDeparture(db, shipper, { ...request, containers: [{ size: 40, count: 2 }] }, NOW))).toBe('IDEMPOTENCY_KEY_REUSED');
    // The key is the shipper's own: another shipper may use the same one.
    expect((await bookDeparture(db, otherShipper, request, NOW)).id).not.toBe(first.id);
  });

  it('checks container numbers by their ISO 6346 check digit, naming every bad one', async () => {
    const departure = await departureOf(9);
    const booked = await bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 40, count: 2 }], containerNumbers: [{ number: 'csqu 305438-3', size: 40 }] }, NOW);
    expect(booked.containerNumbers).toEqual([{ number: 'CSQU3054383', size: 40 }]);
    const error = await bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 40, count: 2 }], containerNumbers: [{ number: 'CSQU3054384', size: 40 }, { number: 'XX1', size: 40 }] }, NOW).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_CONTAINER_NUMBER', params: { number: 'CSQU3054384' }, details: [{ number: 'CSQU3054384', expectedCheckDigit: 3 }, { number: 'XX1' }] });
  });

  it('frees the slots of a cancelled booking for the waitlist first, first come, first served', async () => {
    const departure = await departureOf(4);
    const big = await bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 40, count: 2 }] }, NOW);
    const waitingBig = await bookDeparture(db, otherShipper, { departureId: departure.id, containers: [{ size: 40, count: 2 }] }, NOW);
    const waitingSmall = await bookDeparture(db, otherShipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }] }, NOW);
    expect([big.state, waitingBig.state, waitingSmall.state]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    const cancelled = await cancelBooking(db, shipper, big.id);
    expect(cancelled.state).toBe('cancelled');
    expect((await getBooking(db, otherShipper, waitingBig.id)).state).toBe('confirmed');
    expect((await getBooking(db, otherShipper, waitingSmall.id)).state).toBe('waitlisted');
    expect((await getBooking(db, otherShipper, waitingBig.id)).events.at(-1)).toMatchObject({ state: 'confirmed', actorId: shipper.userId, note: 'from the waitlist' });
  });

  it('cancels a departure with its bookings for its operator only, and not once containers are loaded', async () => {
    const departure = await departureOf(13);
    const confirmed = await bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 40, count: 1 }] }, NOW);
    expect(await codeOf(cancelDeparture(db, otherProvider, departure.id))).toBe('DEPARTURE_NOT_FOUND');
    expect(await codeOf(cancelDeparture(db, shipper, departure.id))).toBe('DEPARTURE_NOT_FOUND');
    const cancelled = await cancelDeparture(db, operator, departure.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', teuLeft: 13 });
    expect((await getBooking(db, shipper, confirmed.id)).events.at(-1)).toMatchObject({ state: 'cancelled', note: 'departure cancelled' });
    expect(await codeOf(bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }] }, NOW))).toBe('CUTOFF_PASSED');

    const loadedOn = await departureOf(14);
    const loaded = await bookDeparture(db, shipper, { departureId: loadedOn.id, containers: [{ size: 20, count: 1 }] }, NOW);
    await db.query(`UPDATE train_bookings SET state = 'loaded' WHERE id = $1`, [loaded.id]);
    expect(await codeOf(cancelDeparture(db, operator, loadedOn.id))).toBe('DEPARTURE_UNDER_WAY');
  });

  it('promotes nobody from the waitlist of a train that has left', async () => {
    const departure = await departureOf(15);
    const first = await bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 20, count: 15 }] }, NOW);
    const waiting = await bookDeparture(db, otherShipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }] }, NOW);
    await db.query(`UPDATE train_departures SET status = 'departed' WHERE id = $1`, [departure.id]);
    await cancelBooking(db, shipper, first.id);
    expect((await getBooking(db, otherShipper, waiting.id)).state).toBe('waitlisted');
  });

  it('refuses a container number given twice, or more numbers of a size than containers of it booked', async () => {
    const departure = await departureOf(16);
    const twice = bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 40, count: 2 }], containerNumbers: [{ number: 'CSQU3054383', size: 40 }, { number: 'csqu 305438-3', size: 40 }] }, NOW);
    expect(await codeOf(twice)).toBe('VALIDATION_FAILED');
    const tooMany = bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }], containerNumbers: [{ number: 'CSQU3054383', size: 40 }] }, NOW);
    expect(await codeOf(tooMany)).toBe('VALIDATION_FAILED');
  });

  it('refuses a service without a price for a size it takes, or a timetable longer than two years', async () => {
    const unpriced = { ...service(), usd: { 20: 900 } };
    expect(await codeOf(db.transaction((tx) => createService(tx, operator.organisationId!, unpriced)))).toBe('VALIDATION_FAILED');
    const endless = { ...service(), timetable: { ...service().timetable, validFrom: '2026-01-01', validTo: '2099-12-31' } };
    expect(await codeOf(db.transaction((tx) => createService(tx, operator.organisationId!, endless)))).toBe('INVALID_TIMETABLE');
  });

  it('cancels only from requested, confirmed or waitlisted', async () => {
    const departure = await departureOf(3);
    const booking = await bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }] }, NOW);
    await db.query(`UPDATE train_bookings SET state = 'loaded' WHERE id = $1`, [booking.id]);
    expect(await codeOf(cancelBooking(db, shipper, booking.id))).toBe('BOOKING_STATE_CONFLICT');
  });

  it('shows a booking to its shipper, its operator and admins only', async () => {
    const departure = await departureOf(2);
    const booking = await bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }] }, NOW);
    for (const viewer of [shipper, operator, admin]) expect((await getBooking(db, viewer, booking.id)).id).toBe(booking.id);
    for (const viewer of [otherShipper, otherProvider]) expect(await codeOf(getBooking(db, viewer, booking.id))).toBe('BOOKING_NOT_FOUND');
    expect(await codeOf(cancelBooking(db, otherShipper, booking.id))).toBe('BOOKING_NOT_FOUND');
  });

  it('counts a departure that left as a run, with the TEU that travelled, its countries, border crossings and corridors', async () => {
    const departure = await departureOf(12);
    const travelled = await bookDeparture(db, shipper, { departureId: departure.id, containers: [{ size: 40, count: 2 }] }, NOW);
    await bookDeparture(db, otherShipper, { departureId: departure.id, containers: [{ size: 20, count: 1 }] }, NOW);
    await db.query(`UPDATE train_departures SET status = 'departed' WHERE id = $1`, [departure.id]);
    // Only bookings that travelled count: the second was never loaded.
    await db.query(`UPDATE train_bookings SET state = 'departed' WHERE id = $1`, [travelled.id]);
    const runs = await runRecords(db, 2026);
    expect(runs).toContainEqual({
      month: '2026-12',
      capacityTeu: 12,
      teuCarried: 4,
      originCountry: 'CHN',
      destinationCountry: 'KAZ',
      borderCrossings: ['CN-ALASHANKOU', 'KZ-DOSTYK'],
      corridors: ['test-rail'],
    });
    expect(await runRecords(db, 2024)).toEqual([]);
  });

  it('never confirms more than the capacity under concurrent bookings, retries included', async () => {
    const departure = await departureOf(11);
    const requests = Array.from({ length: 32 }, (_, i) => {
      const size: 20 | 40 = i % 3 === 0 ? 20 : 40;
      return { who: i % 2 === 0 ? shipper : otherShipper, request: { departureId: departure.id, containers: [{ size, count: 1 }], idempotencyKey: `load-${i}` } };
    });
    // A quarter of them sent twice at once, as a client retrying a request it saw no answer to.
    const sent = [...requests, ...requests.filter((_, i) => i % 4 === 0)];
    const answers = await Promise.all(sent.map(({ who, request }) => bookDeparture(db, who, request, NOW)));
    const unique = new Map(answers.map((booking) => [booking.id, booking]));
    expect(unique.size).toBe(32);
    answers.slice(32).forEach((retry, k) => expect(retry.id).toBe(answers[k * 4]!.id));
    const confirmedTeu = [...unique.values()].filter((b) => b.state === 'confirmed').reduce((sum, b) => sum + b.teu, 0);
    const [row] = await db.query<{ teu_held: number }>('SELECT teu_held FROM train_departures WHERE id = $1', [departure.id]);
    expect(row!.teu_held).toBe(confirmedTeu);
    expect(confirmedTeu).toBeLessThanOrEqual(11);
    expect(confirmedTeu).toBeGreaterThanOrEqual(10);
  });

  it('never deadlocks or loses a slot when bookings, cancellations, departure events and imports run at once', async () => {
    const a = await departureOf(17);
    const b = await departureOf(18);
    const seeded = await Promise.all([a, b].flatMap((d) => [shipper, otherShipper].map((who) => bookDeparture(db, who, { departureId: d.id, containers: [{ size: 40, count: 4 }] }, NOW))));
    const csv = (first: string, second: string) => readOperatorMessages(['departure,kind,delay_minutes', `${first},delayed,30`, `${second},delayed,60`].join('\n'));
    const work: Promise<unknown>[] = [
      ...seeded.map((booking) => cancelBooking(db, booking.shipperId === shipper.userId ? shipper : otherShipper, booking.id)),
      ...Array.from({ length: 12 }, (_, i) => bookDeparture(db, i % 2 ? shipper : otherShipper, { departureId: (i % 2 ? a : b).id, containers: [{ size: 20, count: 1 + (i % 3) }] }, NOW)),
      importOperatorMessages(db, operator, csv(a.id, b.id), NOW),
      importOperatorMessages(db, operator, csv(b.id, a.id), NOW),
      postDepartureEvent(db, operator, a.id, { kind: 'delayed', delayMinutes: 15 }, NOW),
      cancelDeparture(db, operator, b.id),
    ];
    const outcomes = await Promise.allSettled(work);
    // Refusals of the domain (a booking on the cancelled departure, a cancelled booking) are fine; nothing else is.
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' && !(outcome.reason instanceof DomainError) ? [String(outcome.reason)] : []));
    expect(failures).toEqual([]);
    const rows = await db.query<{ id: string; teu_held: number; confirmed: number }>(
      `SELECT d.id, d.teu_held, coalesce((SELECT sum(teu) FROM train_bookings WHERE departure_id = d.id AND state = 'confirmed'), 0)::int AS confirmed FROM train_departures d WHERE d.id = ANY($1::uuid[])`,
      [[a.id, b.id]],
    );
    for (const row of rows) expect(row.teu_held).toBe(row.confirmed);
  });
});
