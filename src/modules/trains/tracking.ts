/**
 * Tracking of departures: the operator's events (departed, at a stop, border crossed, gauge changed, delayed,
 * arrived), each recorded with who and when, the bookings they move along, and the ETA they imply (eta.ts).
 */
import type { Database, Queryable } from '../../db/database.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { assertMove, type BookingState } from './booking-states.ts';
import { estimateArrival, type Eta, type TrackingKind } from './eta.ts';
import { getBooking, getDeparture, lockDeparture, lockDepartureOf, recordEvent, type Actor, type Booking, type Departure } from './store.ts';

export interface DepartureEventInput {
  kind: TrackingKind;
  /** A stop of the departure; 'departed' defaults to the first, 'arrived' to the last. */
  node?: string | undefined;
  /** When it happened, minutes since the Unix epoch; default now. */
  at?: number | undefined;
  delayMinutes?: number | undefined;
  reason?: string | undefined;
}

export interface DepartureEvent {
  id: number;
  kind: TrackingKind;
  node: string | null;
  /** Minutes since the Unix epoch. */
  at: number;
  delayMinutes: number | null;
  reason: string | null;
}

export interface DepartureTracking extends Eta {
  departure: Departure;
  events: DepartureEvent[];
}

const MINUTE = 60_000;
const NEEDS_NODE: readonly TrackingKind[] = ['arrived_at', 'border_crossed', 'gauge_changed'];

function operates(actor: Actor, departure: Departure): boolean {
  return actor.role === 'admin' || (actor.role === 'provider' && actor.organisationId === departure.operatorId);
}

function missing(field: string, kind: TrackingKind): DomainError {
  return new DomainError('VALIDATION_FAILED', { problem: `missing field body.${field}` }, [{ path: `body.${field}`, keyword: 'required', message: `is required for ${kind}` }]);
}

function nodeOf(departure: Departure, event: DepartureEventInput): string | null {
  const node = event.node ?? (event.kind === 'departed' ? departure.stops[0]!.node : event.kind === 'arrived' ? departure.stops.at(-1)!.node : undefined);
  if (node === undefined) {
    if (NEEDS_NODE.includes(event.kind)) throw missing('node', event.kind);
    return null;
  }
  if (!departure.stops.some((stop) => stop.node === node)) throw new DomainError('NODE_NOT_ON_ROUTE', { departure: departure.id, node });
  return node;
}

/** Moves every booking of a departure in state `from` to `to`, each move an event of the actor. */
async function moveBookings(tx: Queryable, departureId: string, from: BookingState, to: BookingState, actor: Actor, note: string): Promise<void> {
  const bookings = await tx.query<{ id: string; state: BookingState }>('SELECT id, state FROM train_bookings WHERE departure_id = $1 AND state = $2 ORDER BY seq FOR UPDATE', [departureId, from]);
  for (const booking of bookings) {
    assertMove(booking.id, booking.state, to);
    await tx.query('UPDATE train_bookings SET state = $2, updated_at = now() WHERE id = $1', [booking.id, to]);
    await recordEvent(tx, booking.id, to, actor.userId, note);
  }
}

interface EventRow {
  id: number;
  kind: TrackingKind;
  node: string | null;
  at: Date | string;
  delay_minutes: number | null;
  reason: string | null;
}

const eventOf = (row: EventRow): DepartureEvent => ({
  id: row.id,
  kind: row.kind,
  node: row.node,
  at: Math.floor(new Date(row.at).getTime() / MINUTE),
  delayMinutes: row.delay_minutes,
  reason: row.reason,
});

/** The events of a departure recorded after the one with id `afterId` (0: all), in the order recorded. */
export async function eventsSince(db: Queryable, departureId: string, afterId: number): Promise<DepartureEvent[]> {
  const rows = await db.query<EventRow>('SELECT id, kind, node, at, delay_minutes, reason FROM train_departure_events WHERE departure_id = $1 AND id > $2 ORDER BY id', [departureId, afterId]);
  return rows.map(eventOf);
}

async function trackingOf(db: Queryable, departureId: string): Promise<DepartureTracking> {
  const departure = await getDeparture(db, departureId);
  const events = await eventsSince(db, departureId, 0);
  return { departure, events, ...estimateArrival(departure.stops, events) };
}

/** Where a departure is and when it should arrive: a timetable position is not private, so any logged-in user sees it. */
export async function departureTracking(db: Queryable, actor: Actor | undefined, departureId: string): Promise<DepartureTracking> {
  if (!actor) throw new DomainError('NOT_AUTHENTICATED');
  return trackingOf(db, departureId);
}

/**
 * Records an event of a departure for its operator (or an admin; `DEPARTURE_NOT_FOUND` for anyone else). Departing
 * and arriving move the departure's loaded and departed bookings along, in the same transaction. `now` in minutes.
 */
export async function postDepartureEvent(db: Database, actor: Actor, departureId: string, event: DepartureEventInput, now: number): Promise<DepartureTracking> {
  return db.transaction((tx) => recordDepartureEvent(tx, actor, departureId, event, now));
}

/** `postDepartureEvent` within a transaction the caller holds (an import of many events, all or none). */
export async function recordDepartureEvent(tx: Queryable, actor: Actor, departureId: string, event: DepartureEventInput, now: number): Promise<DepartureTracking> {
  if (event.kind === 'delayed' && event.delayMinutes === undefined) throw missing('delayMinutes', event.kind);
  // One event of a departure at a time: ids then commit in order, so a stream reading "after id n" misses none.
  await lockDeparture(tx, departureId);
  const departure = await getDeparture(tx, departureId);
  if (!operates(actor, departure)) throw new DomainError('DEPARTURE_NOT_FOUND', { departure: departureId });
  const node = nodeOf(departure, event);
  await tx.query('INSERT INTO train_departure_events (departure_id, kind, node, at, delay_minutes, reason, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    departureId,
    event.kind,
    node,
    new Date((event.at ?? now) * MINUTE),
    event.kind === 'delayed' ? event.delayMinutes : null,
    event.reason ?? null,
    actor.userId,
  ]);
  // The status only moves forward: a late 'departed' after the arrival leaves it arrived.
  if (event.kind === 'departed') {
    await tx.query(`UPDATE train_departures SET status = 'departed' WHERE id = $1 AND status = 'scheduled'`, [departureId]);
    await moveBookings(tx, departureId, 'loaded', 'departed', actor, 'departure departed');
  }
  if (event.kind === 'arrived') {
    await tx.query(`UPDATE train_departures SET status = 'arrived' WHERE id = $1 AND status IN ('scheduled', 'departed')`, [departureId]);
    await moveBookings(tx, departureId, 'departed', 'arrived', actor, 'departure arrived');
  }
  return trackingOf(tx, departureId);
}

/** A booking loaded onto its train or delivered to the consignee, by the operator of its service or an admin. */
export async function postBookingEvent(db: Database, actor: Actor, bookingId: string, state: 'loaded' | 'delivered', note?: string): Promise<Booking> {
  return db.transaction((tx) => recordBookingEvent(tx, actor, bookingId, state, note));
}

/** `postBookingEvent` within a transaction the caller holds. */
export async function recordBookingEvent(tx: Queryable, actor: Actor, bookingId: string, state: 'loaded' | 'delivered', note?: string): Promise<Booking> {
  await lockDepartureOf(tx, bookingId);
  const booking = await getBooking(tx, actor, bookingId, true);
  const departure = await getDeparture(tx, booking.departureId);
  if (!operates(actor, departure)) throw new DomainError('FORBIDDEN', { role: actor.role });
  assertMove(bookingId, booking.state, state);
  await tx.query('UPDATE train_bookings SET state = $2, updated_at = now() WHERE id = $1', [bookingId, state]);
  await recordEvent(tx, bookingId, state, actor.userId, note ?? null);
  return getBooking(tx, actor, bookingId);
}
