/**
 * Train services, their departures and bookings of container slots, in the database. A booking's capacity check and
 * its hold on the slots are one conditional UPDATE of the departure's row, in the booking's transaction: under any
 * concurrency, across server instances sharing one database, confirmed bookings never exceed the capacity (and a
 * CHECK on the row says so again). A retried request with the same `Idempotency-Key` gets the first answer.
 */
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { DomainError } from '../../errors/domain-error.ts';
import type { Role } from '../accounts/model.ts';
import { assertMove, holdsSlots, promotions, type BookingState } from './booking-states.ts';
import type { Departure as PlannerDeparture } from '../logistics/engine/types.ts';
import { parseContainerNumber } from './container-number.ts';
import type { RunRecord } from './operations.ts';
import { scheduledRuns, validateService, type ScheduledRun, type ServiceStop, type WeeklyTimetable } from './timetable.ts';

export type ContainerSize = 20 | 40;

export interface ContainerCount {
  size: ContainerSize;
  count: number;
}

export interface ServiceInput {
  name: string;
  mode?: 'rail' | 'sea' | undefined;
  stops: ServiceStop[];
  sizes: ContainerSize[];
  /** Price of a whole run per container, by size. */
  usd: Partial<Record<ContainerSize, number>>;
  capacityTeu: number;
  cutoffMinutes: number;
  timetable: WeeklyTimetable;
}

export interface Service extends ServiceInput {
  id: string;
  operatorId: string;
}

export interface Departure {
  id: string;
  serviceId: string;
  serviceName: string;
  operatorId: string;
  mode: 'rail' | 'sea';
  /** Minutes since the Unix epoch (UTC) at which it leaves its first stop. */
  departsAt: number;
  stops: ScheduledRun['stops'];
  capacityTeu: number;
  teuLeft: number;
  status: 'scheduled' | 'cancelled' | 'departed' | 'arrived';
  cutoffMinutes: number;
  sizes: ContainerSize[];
  usd: Partial<Record<ContainerSize, number>>;
}

export interface BookingEvent {
  state: BookingState;
  actorId: string | null;
  /** Minutes since the Unix epoch. */
  at: number;
  note: string | null;
}

export interface Booking {
  id: string;
  departureId: string;
  shipperId: string;
  containers: ContainerCount[];
  teu: number;
  state: BookingState;
  containerNumbers: { number: string; size: ContainerSize }[];
  events: BookingEvent[];
}

/** Who acts: a booking is seen by its shipper, the operator of its service (a provider of that organisation) and admins. */
export interface Actor {
  userId: string;
  role: Role;
  organisationId: string | null;
}

export interface BookingRequest {
  departureId: string;
  containers: ContainerCount[];
  /** Container numbers, when known at booking, each of a size booked. */
  containerNumbers?: { number: string; size: ContainerSize }[] | undefined;
  /** Join the waitlist when the slots are not there (default); false: refuse with `DEPARTURE_FULL`. */
  waitlist?: boolean | undefined;
  idempotencyKey?: string | undefined;
}

export const teuOf = (containers: readonly ContainerCount[]): number => containers.reduce((sum, { size, count }) => sum + count * (size / 20), 0);

const MINUTE = 60_000;
const toMinutes = (time: Date | string): number => Math.floor(new Date(time).getTime() / MINUTE);

async function checkStopsInNetwork(tx: Queryable, stops: readonly ServiceStop[]): Promise<void> {
  const nodes = [...new Set(stops.map((stop) => stop.node))];
  const rows = await tx.query<{ id: string }>('SELECT id FROM logistics_nodes WHERE id = ANY($1::text[])', [nodes]);
  const known = new Set(rows.map((row) => row.id));
  const problems = stops.flatMap((stop, i) => (known.has(stop.node) ? [] : [{ field: `stops[${i}].node`, problem: `${stop.node} is not a node of the network` }]));
  if (problems.length > 0) throw new DomainError('INVALID_TIMETABLE', { field: problems[0]!.field }, problems);
}

/** The minutes of the day a timetable's runs may leave in: its validity and any extra departures. */
function timetableWindow(timetable: WeeklyTimetable): { from: number; to: number } {
  const day = (date: string) => toMinutes(`${date}T00:00Z`);
  const extras = (timetable.extra ?? []).map(toMinutes);
  return { from: Math.min(day(timetable.validFrom), ...extras), to: Math.max(day(timetable.validTo) + 24 * 60, ...extras.map((at) => at + 1)) };
}

/** Adds a service for an operator and its departures from the timetable, each with the service's capacity free. */
export async function createService(tx: Queryable, operatorId: string, input: ServiceInput): Promise<{ service: Service; departures: number }> {
  const unpriced = input.sizes.filter((size) => input.usd[size] === undefined);
  if (unpriced.length > 0) {
    throw new DomainError('VALIDATION_FAILED', { problem: `no price for ${unpriced[0]}' containers` }, unpriced.map((size) => ({ path: `body.usd.${size}`, keyword: 'required', message: `a service that takes ${size}' containers prices them` })));
  }
  validateService(input.stops, input.timetable);
  await checkStopsInNetwork(tx, input.stops);
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO train_services (name, operator_id, mode, stops, sizes, usd20, usd40, capacity_teu, cutoff_minutes, timetable)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [input.name, operatorId, input.mode ?? 'rail', JSON.stringify(input.stops), input.sizes, input.usd[20] ?? null, input.usd[40] ?? null, input.capacityTeu, input.cutoffMinutes, JSON.stringify(input.timetable)],
  );
  const runs = scheduledRuns(input.stops, input.timetable, timetableWindow(input.timetable));
  await insertRuns(tx, row!.id, input.capacityTeu, runs);
  return { service: { id: row!.id, operatorId, ...input, mode: input.mode ?? 'rail' }, departures: runs.length };
}

/** Stores runs of a service as departures with the whole capacity free; a run already there stays as it is. */
async function insertRuns(tx: Queryable, serviceId: string, capacityTeu: number, runs: readonly ScheduledRun[]): Promise<void> {
  if (runs.length === 0) return;
  await tx.query(
    `INSERT INTO train_departures (service_id, departs_at, stops, first_node, last_node, capacity_teu)
     SELECT $1, to_timestamp(r.departs_at * 60), r.stops, r.stops->0->>'node', r.stops->(jsonb_array_length(r.stops) - 1)->>'node', $2
     FROM jsonb_to_recordset($3::jsonb) AS r(departs_at bigint, stops jsonb)
     ON CONFLICT (service_id, departs_at) DO NOTHING`,
    [serviceId, capacityTeu, JSON.stringify(runs.map((run) => ({ departs_at: run.departsAt, stops: run.stops })))],
  );
}

/**
 * Adds an extra run of a service leaving its first stop at `departsAt` (minutes since the Unix epoch), for its
 * operator or an admin (`SERVICE_NOT_FOUND` for anyone else); the timetable keeps it among its extras. Adding a run
 * that is already there changes nothing. Returns the departure.
 */
export async function addExtraDeparture(db: Database, actor: Actor, serviceId: string, departsAt: number): Promise<Departure> {
  return db.transaction(async (tx) => {
    const [service] = await tx.query<ServiceRow>('SELECT id, name, operator_id, mode, stops, sizes, usd20, usd40, capacity_teu, cutoff_minutes, timetable FROM train_services WHERE id = $1 FOR UPDATE', [serviceId]);
    if (!service || (actor.role !== 'admin' && !(actor.role === 'provider' && actor.organisationId === service.operator_id))) throw new DomainError('SERVICE_NOT_FOUND', { service: serviceId });
    const extra = new Date(departsAt * MINUTE).toISOString().replace(/:00\.000Z$/, 'Z');
    const timetable: WeeklyTimetable = { ...service.timetable, extra: [...new Set([...(service.timetable.extra ?? []), extra])].sort() };
    validateService(service.stops, timetable);
    const runs = scheduledRuns(service.stops, { ...timetable, weekdays: [], extra: [extra] }, { from: departsAt, to: departsAt + 1 });
    await insertRuns(tx, service.id, service.capacity_teu, runs);
    await tx.query('UPDATE train_services SET timetable = $2 WHERE id = $1', [service.id, JSON.stringify(timetable)]);
    const [row] = await tx.query<DepartureRow>(`${DEPARTURE_SELECT} WHERE d.service_id = $1 AND d.departs_at = $2`, [service.id, new Date(departsAt * MINUTE)]);
    return departureOf(row!);
  });
}

interface ServiceRow {
  id: string;
  name: string;
  operator_id: string;
  mode: 'rail' | 'sea';
  stops: ServiceStop[];
  sizes: number[];
  usd20: string | null;
  usd40: string | null;
  capacity_teu: number;
  cutoff_minutes: number;
  timetable: WeeklyTimetable;
}

function pricesOf(row: { usd20: string | null; usd40: string | null }): Partial<Record<ContainerSize, number>> {
  const usd: Partial<Record<ContainerSize, number>> = {};
  if (row.usd20 !== null) usd[20] = Number(row.usd20);
  if (row.usd40 !== null) usd[40] = Number(row.usd40);
  return usd;
}

/** Every service, by name. */
export async function listServices(db: Queryable): Promise<Service[]> {
  const rows = await db.query<ServiceRow>('SELECT id, name, operator_id, mode, stops, sizes, usd20, usd40, capacity_teu, cutoff_minutes, timetable FROM train_services ORDER BY name, id');
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    operatorId: row.operator_id,
    mode: row.mode,
    stops: row.stops,
    sizes: row.sizes.map((size) => size as ContainerSize),
    usd: pricesOf(row),
    capacityTeu: row.capacity_teu,
    cutoffMinutes: row.cutoff_minutes,
    timetable: row.timetable,
  }));
}

interface DepartureRow {
  id: string;
  service_id: string;
  service_name: string;
  operator_id: string;
  mode: 'rail' | 'sea';
  departs_at: Date | string;
  stops: ScheduledRun['stops'];
  capacity_teu: number;
  teu_held: number;
  status: Departure['status'];
  cutoff_minutes: number;
  sizes: number[];
  usd20: string | null;
  usd40: string | null;
}

const DEPARTURE_SELECT = `SELECT d.id, d.service_id, s.name AS service_name, s.operator_id, s.mode, d.departs_at, d.stops, d.capacity_teu,
  d.teu_held, d.status, s.cutoff_minutes, s.sizes, s.usd20, s.usd40
  FROM train_departures d JOIN train_services s ON s.id = d.service_id`;

function departureOf(row: DepartureRow): Departure {
  return {
    id: row.id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    operatorId: row.operator_id,
    mode: row.mode,
    departsAt: toMinutes(row.departs_at),
    stops: row.stops,
    capacityTeu: row.capacity_teu,
    teuLeft: row.capacity_teu - row.teu_held,
    status: row.status,
    cutoffMinutes: row.cutoff_minutes,
    sizes: row.sizes.map((size) => size as ContainerSize),
    usd: pricesOf(row),
  };
}

export interface DepartureFilter {
  /** A node the departure stops at before `to` (any stop when absent). */
  from?: string | undefined;
  to?: string | undefined;
  /** Leaving its first stop in [after, before), minutes since the Unix epoch. */
  after?: number | undefined;
  before?: number | undefined;
  /** At least this many TEU still free. */
  teu?: number | undefined;
}

/** Scheduled departures by time, with the slots each has left. */
export async function listDepartures(db: Queryable, filter: DepartureFilter = {}): Promise<Departure[]> {
  const rows = await db.query<DepartureRow>(
    `${DEPARTURE_SELECT}
     WHERE d.status = 'scheduled'
       AND ($1::timestamptz IS NULL OR d.departs_at >= $1) AND ($2::timestamptz IS NULL OR d.departs_at < $2)
       AND d.capacity_teu - d.teu_held >= $3
     ORDER BY d.departs_at, d.id`,
    [filter.after === undefined ? null : new Date(filter.after * MINUTE), filter.before === undefined ? null : new Date(filter.before * MINUTE), filter.teu ?? 0],
  );
  const stopsAt = (departure: Departure, node: string | undefined) => (node === undefined ? 0 : departure.stops.findIndex((stop) => stop.node === node));
  return rows.map(departureOf).filter((departure) => {
    const from = stopsAt(departure, filter.from);
    const to = filter.to === undefined ? departure.stops.length - 1 : departure.stops.findIndex((stop, i) => i > from && stop.node === filter.to);
    return from >= 0 && to > from;
  });
}

/** What the route planner needs to know of the timetables: it compiles its departures again when this changes. */
export async function timetablesVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ services: number; departures: number; latest: string }>(
    "SELECT (SELECT count(*) FROM train_services)::int AS services, (SELECT count(*) FROM train_departures)::int AS departures, coalesce((SELECT max(created_at) FROM train_services)::text, '') AS latest",
  );
  return `${row!.services}/${row!.departures}/${row!.latest}`;
}

/** Scheduled departures leaving at `since` or later, as the route planner takes them, with the TEU each has left. */
export async function plannerDepartures(db: Queryable, since: number): Promise<PlannerDeparture[]> {
  const rows = await db.query<DepartureRow>(`${DEPARTURE_SELECT} WHERE d.status = 'scheduled' AND d.departs_at >= $1 ORDER BY d.departs_at, d.id`, [new Date(since * MINUTE)]);
  return rows.map((row) => {
    const departure = departureOf(row);
    return {
      id: departure.id,
      serviceId: departure.serviceId,
      serviceName: departure.serviceName,
      mode: departure.mode,
      stops: departure.stops,
      teuLeft: departure.teuLeft,
      usd: { 20: departure.usd[20] ?? 0, 40: departure.usd[40] ?? 0 },
      cutoffMinutes: departure.cutoffMinutes,
      sizes: departure.sizes,
    };
  });
}

/** The TEU left on each departure leaving at `since` or later: none on one no longer scheduled. */
export async function freeTeu(db: Queryable, since: number): Promise<Map<string, number>> {
  const rows = await db.query<{ id: string; teu_left: number }>(
    `SELECT id, CASE WHEN status = 'scheduled' THEN capacity_teu - teu_held ELSE 0 END AS teu_left FROM train_departures WHERE departs_at >= $1`,
    [new Date(since * MINUTE)],
  );
  return new Map(rows.map((row) => [row.id, row.teu_left]));
}

/**
 * Locks a departure's row for the rest of the transaction. Every change to a departure or its bookings takes this
 * lock first, before any booking row, so that two of them never wait on each other (one lock order everywhere).
 */
export async function lockDeparture(tx: Queryable, id: string): Promise<void> {
  await tx.query('SELECT id FROM train_departures WHERE id = $1 FOR UPDATE', [id]);
}

/** Locks, in one order (by id), the departures of the given bookings and departures: for a change touching several. */
export async function lockDepartures(tx: Queryable, departures: readonly string[], bookings: readonly string[] = []): Promise<void> {
  await tx.query(
    `SELECT id FROM train_departures
     WHERE id = ANY($1::uuid[]) OR id IN (SELECT departure_id FROM train_bookings WHERE id = ANY($2::uuid[]))
     ORDER BY id FOR UPDATE`,
    [departures, bookings],
  );
}

/** Locks the departure of a booking (see `lockDeparture`); nothing when there is no such booking. */
export async function lockDepartureOf(tx: Queryable, booking: string): Promise<void> {
  await lockDepartures(tx, [], [booking]);
}

export async function getDeparture(db: Queryable, id: string): Promise<Departure> {
  const [row] = await db.query<DepartureRow>(`${DEPARTURE_SELECT} WHERE d.id = $1`, [id]);
  if (!row) throw new DomainError('DEPARTURE_NOT_FOUND', { departure: id });
  return departureOf(row);
}

interface BookingRow {
  id: string;
  departure_id: string;
  shipper_id: string;
  containers: ContainerCount[];
  teu: number;
  state: BookingState;
  request_hash: string | null;
  operator_id: string;
}

const BOOKING_SELECT = `SELECT b.id, b.departure_id, b.shipper_id, b.containers, b.teu, b.state, b.request_hash, s.operator_id
  FROM train_bookings b JOIN train_departures d ON d.id = b.departure_id JOIN train_services s ON s.id = d.service_id`;

function maySee(actor: Actor, row: BookingRow): boolean {
  return actor.role === 'admin' || row.shipper_id === actor.userId || (actor.role === 'provider' && actor.organisationId === row.operator_id);
}

async function bookingOf(db: Queryable, row: BookingRow): Promise<Booking> {
  const events = await db.query<{ state: BookingState; actor_id: string | null; at: Date | string; note: string | null }>(
    'SELECT state, actor_id, at, note FROM train_booking_events WHERE booking_id = $1 ORDER BY id',
    [row.id],
  );
  const numbers = await db.query<{ number: string; size: number }>('SELECT number, size FROM train_booking_containers WHERE booking_id = $1 ORDER BY number', [row.id]);
  return {
    id: row.id,
    departureId: row.departure_id,
    shipperId: row.shipper_id,
    containers: row.containers,
    teu: row.teu,
    state: row.state,
    containerNumbers: numbers.map(({ number, size }) => ({ number, size: size as ContainerSize })),
    events: events.map((event) => ({ state: event.state, actorId: event.actor_id, at: toMinutes(event.at), note: event.note })),
  };
}

/** The bookings an actor may see, newest first: a shipper's own, those on an operator's services, or all for admins. */
export async function listBookings(db: Queryable, actor: Actor, limit = 200): Promise<Booking[]> {
  const rows = await db.query<BookingRow>(
    `${BOOKING_SELECT}
     WHERE $1 = 'admin' OR b.shipper_id = $2 OR ($1 = 'provider' AND s.operator_id = $3)
     ORDER BY b.seq DESC LIMIT $4`,
    [actor.role, actor.userId, actor.organisationId, limit],
  );
  return Promise.all(rows.map((row) => bookingOf(db, row)));
}

/** A booking the actor may see; `BOOKING_NOT_FOUND` for any other, so that ids of others' bookings reveal nothing. */
export async function getBooking(db: Queryable, actor: Actor, id: string, lock = false): Promise<Booking> {
  const [row] = await db.query<BookingRow>(`${BOOKING_SELECT} WHERE b.id = $1${lock ? ' FOR UPDATE OF b' : ''}`, [id]);
  if (!row || !maySee(actor, row)) throw new DomainError('BOOKING_NOT_FOUND', { booking: id });
  return bookingOf(db, row);
}

/** Records a booking's move to `state`, with who made it (null: the platform) and why. */
export async function recordEvent(tx: Queryable, booking: string, state: BookingState, actor: string | null, note: string | null = null): Promise<void> {
  await tx.query('INSERT INTO train_booking_events (booking_id, state, actor_id, note) VALUES ($1, $2, $3, $4)', [booking, state, actor, note]);
}

/** What makes two booking requests the same request, for `Idempotency-Key`. */
function requestHash(request: BookingRequest): string {
  const containers = [...request.containers].sort((a, b) => a.size - b.size || a.count - b.count);
  const numbers = (request.containerNumbers ?? []).map(({ number, size }) => `${parseContainerNumber(number)}/${size}`).sort();
  return createHash('sha256').update(JSON.stringify([request.departureId, containers, numbers, request.waitlist !== false])).digest('hex');
}

function checkContainerNumbers(request: BookingRequest): { number: string; size: ContainerSize }[] {
  const problems: { number: string; expectedCheckDigit?: number }[] = [];
  const numbers = (request.containerNumbers ?? []).flatMap(({ number, size }) => {
    try {
      return [{ number: parseContainerNumber(number), size }];
    } catch (error) {
      if (error instanceof DomainError && Array.isArray(error.details)) problems.push(...(error.details as typeof problems));
      return [];
    }
  });
  if (problems.length > 0) throw new DomainError('INVALID_CONTAINER_NUMBER', { number: problems[0]!.number }, problems);
  // Each container once, and no more numbers of a size than containers of that size booked.
  const given = new Set<string>();
  const wrong: { path: string; keyword: string; message: string }[] = [];
  numbers.forEach(({ number, size }, i) => {
    if (given.has(number)) wrong.push({ path: `body.containerNumbers.${i}.number`, keyword: 'uniqueItems', message: `${number} is given twice` });
    given.add(number);
    const booked = request.containers.filter((c) => c.size === size).reduce((sum, c) => sum + c.count, 0);
    if (numbers.slice(0, i + 1).filter((n) => n.size === size).length > booked) wrong.push({ path: `body.containerNumbers.${i}.size`, keyword: 'maxItems', message: `more ${size}' numbers than ${size}' containers booked (${booked})` });
  });
  if (wrong.length > 0) throw new DomainError('VALIDATION_FAILED', { problem: wrong[0]!.message }, wrong);
  return numbers;
}

/**
 * Books container slots on a departure for the actor: confirmed when the slots are there (held at once), else
 * waitlisted (or refused with `DEPARTURE_FULL` when the request asks not to wait). No booking after the cut-off.
 * `now` is minutes since the Unix epoch.
 */
export async function bookDeparture(db: Database, actor: Actor, request: BookingRequest, now: number): Promise<Booking> {
  const numbers = checkContainerNumbers(request);
  const hash = requestHash(request);
  const key = request.idempotencyKey;
  if (key !== undefined) {
    const earlier = await bookingByKey(db, actor, key, hash);
    if (earlier) return earlier;
  }
  try {
    return await db.transaction(async (tx) => {
      // Locked first: a booking decided "waitlisted" must not miss slots a cancellation frees meanwhile, nor land on
      // a departure cancelled meanwhile.
      await lockDeparture(tx, request.departureId);
      const departure = await getDeparture(tx, request.departureId);
      for (const { size } of request.containers) {
        if (!departure.sizes.includes(size)) throw new DomainError('CONTAINER_SIZE_NOT_ACCEPTED', { service: departure.serviceName, size });
      }
      const cutoff = departure.departsAt - departure.cutoffMinutes;
      if (departure.status !== 'scheduled' || now >= cutoff) throw new DomainError('CUTOFF_PASSED', { departure: departure.id, cutoff: new Date(cutoff * MINUTE).toISOString() });
      const teu = teuOf(request.containers);
      const held = await tx.query<{ teu_left: number }>(
        `UPDATE train_departures SET teu_held = teu_held + $2
         WHERE id = $1 AND status = 'scheduled' AND teu_held + $2 <= capacity_teu RETURNING capacity_teu - teu_held AS teu_left`,
        [departure.id, teu],
      );
      let state: BookingState = 'confirmed';
      if (held.length === 0) {
        if (request.waitlist === false) {
          const { teuLeft } = await getDeparture(tx, departure.id);
          throw new DomainError('DEPARTURE_FULL', { departure: departure.id, teuLeft, teu });
        }
        state = 'waitlisted';
      }
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO train_bookings (departure_id, shipper_id, shipper_organisation_id, containers, teu, state, idempotency_key, request_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [departure.id, actor.userId, actor.organisationId, JSON.stringify(request.containers), teu, state, key ?? null, hash],
      );
      const id = row!.id;
      await recordEvent(tx, id, 'requested', actor.userId);
      await recordEvent(tx, id, state, actor.userId);
      if (numbers.length > 0) {
        await tx.query(
          `INSERT INTO train_booking_containers (booking_id, number, size) SELECT $1, n.number, n.size FROM jsonb_to_recordset($2::jsonb) AS n(number text, size smallint)`,
          [id, JSON.stringify(numbers)],
        );
      }
      return getBooking(tx, actor, id);
    });
  } catch (error) {
    // A retry racing the first request: its insert waited for the first to commit, then met the key.
    if (key !== undefined && isUniqueViolation(error, 'train_bookings_idempotency')) {
      const earlier = await bookingByKey(db, actor, key, hash);
      if (earlier) return earlier;
    }
    throw error;
  }
}

async function bookingByKey(db: Queryable, actor: Actor, key: string, hash: string): Promise<Booking | undefined> {
  const [row] = await db.query<BookingRow>(`${BOOKING_SELECT} WHERE b.shipper_id = $1 AND b.idempotency_key = $2`, [actor.userId, key]);
  if (!row) return undefined;
  if (row.request_hash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED', { key });
  return bookingOf(db, row);
}

/**
 * Cancels a booking (its shipper, its operator or an admin), until it is loaded. Slots it held go to the waitlist
 * first (`promotions`), in the same transaction, so no new booking can take them first.
 */
export async function cancelBooking(db: Database, actor: Actor, id: string): Promise<Booking> {
  return db.transaction(async (tx) => {
    await lockDepartureOf(tx, id);
    const booking = await getBooking(tx, actor, id, true);
    assertMove(id, booking.state, 'cancelled');
    await tx.query(`UPDATE train_bookings SET state = 'cancelled', updated_at = now() WHERE id = $1`, [id]);
    await recordEvent(tx, id, 'cancelled', actor.userId);
    if (holdsSlots(booking.state)) {
      const [freed] = await tx.query<{ teu_left: number }>(
        'UPDATE train_departures SET teu_held = teu_held - $2 WHERE id = $1 RETURNING capacity_teu - teu_held AS teu_left',
        [booking.departureId, booking.teu],
      );
      // A train that has left takes nobody from its waitlist.
      const { status } = await getDeparture(tx, booking.departureId);
      const waiting =
        status !== 'scheduled'
          ? []
          : await tx.query<{ id: string; teu: number }>(`SELECT id, teu FROM train_bookings WHERE departure_id = $1 AND state = 'waitlisted' ORDER BY seq FOR UPDATE`, [
              booking.departureId,
            ]);
      for (const promoted of promotions(waiting, freed!.teu_left)) {
        await tx.query('UPDATE train_departures SET teu_held = teu_held + $2 WHERE id = $1', [booking.departureId, promoted.teu]);
        await tx.query(`UPDATE train_bookings SET state = 'confirmed', updated_at = now() WHERE id = $1`, [promoted.id]);
        await recordEvent(tx, promoted.id, 'confirmed', actor.userId, 'from the waitlist');
      }
    }
    return getBooking(tx, actor, id);
  });
}

/**
 * The runs (departures that left) of `year` and the year before, with the TEU of the bookings that travelled on them,
 * the countries of their first and last stops, the border crossings they stop at, and the corridors of the network's
 * links of their mode between consecutive stops.
 */
export async function runRecords(db: Queryable, year: number): Promise<RunRecord[]> {
  const rows = await db.query<{ month: string; capacity_teu: number; teu_carried: number; origin_country: string; destination_country: string; border_crossings: string[]; corridors: string[] }>(
    `SELECT to_char(d.departs_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, d.capacity_teu,
            coalesce((SELECT sum(b.teu) FROM train_bookings b WHERE b.departure_id = d.id AND b.state IN ('departed', 'arrived', 'delivered')), 0)::int AS teu_carried,
            origin.country AS origin_country, destination.country AS destination_country,
            ARRAY(SELECT n.id FROM jsonb_array_elements(d.stops) AS stop JOIN logistics_nodes n ON n.id = stop->>'node' WHERE n.kind = 'border_crossing') AS border_crossings,
            ARRAY(SELECT DISTINCT corridor
                  FROM jsonb_array_elements(d.stops) WITH ORDINALITY AS a (stop, i)
                  JOIN jsonb_array_elements(d.stops) WITH ORDINALITY AS b (stop, j) ON j = i + 1
                  JOIN logistics_links l ON l.mode = s.mode
                   AND ((l.from_node = a.stop->>'node' AND l.to_node = b.stop->>'node') OR (NOT l.one_way AND l.from_node = b.stop->>'node' AND l.to_node = a.stop->>'node'))
                  CROSS JOIN unnest(l.corridors) AS corridor) AS corridors
     FROM train_departures d
     JOIN train_services s ON s.id = d.service_id
     JOIN logistics_nodes origin ON origin.id = d.first_node
     JOIN logistics_nodes destination ON destination.id = d.last_node
     WHERE d.status IN ('departed', 'arrived') AND d.departs_at >= $1 AND d.departs_at < $2`,
    [new Date(Date.UTC(year - 1, 0, 1)), new Date(Date.UTC(year + 1, 0, 1))],
  );
  return rows.map((row) => ({
    month: row.month,
    capacityTeu: row.capacity_teu,
    teuCarried: row.teu_carried,
    originCountry: row.origin_country,
    destinationCountry: row.destination_country,
    borderCrossings: row.border_crossings,
    corridors: row.corridors,
  }));
}

/**
 * Cancels a departure before it leaves, for its operator or an admin (`DEPARTURE_NOT_FOUND` for anyone else): its
 * requested, confirmed and waitlisted bookings are cancelled with it, each with an event, and its slots released.
 * One with containers loaded, or that has left, cannot be (`DEPARTURE_UNDER_WAY`).
 */
export async function cancelDeparture(db: Database, actor: Actor, departureId: string): Promise<Departure> {
  return db.transaction(async (tx) => {
    await lockDeparture(tx, departureId);
    const departure = await getDeparture(tx, departureId);
    if (actor.role !== 'admin' && !(actor.role === 'provider' && actor.organisationId === departure.operatorId)) throw new DomainError('DEPARTURE_NOT_FOUND', { departure: departureId });
    const bookings = await tx.query<{ id: string; state: BookingState }>(`SELECT id, state FROM train_bookings WHERE departure_id = $1 AND state <> 'cancelled' ORDER BY seq FOR UPDATE`, [departureId]);
    if (departure.status !== 'scheduled' || bookings.some((booking) => !['requested', 'confirmed', 'waitlisted'].includes(booking.state))) {
      throw new DomainError('DEPARTURE_UNDER_WAY', { departure: departureId });
    }
    for (const booking of bookings) {
      await tx.query(`UPDATE train_bookings SET state = 'cancelled', updated_at = now() WHERE id = $1`, [booking.id]);
      await recordEvent(tx, booking.id, 'cancelled', actor.userId, 'departure cancelled');
    }
    await tx.query(`UPDATE train_departures SET status = 'cancelled', teu_held = 0 WHERE id = $1`, [departureId]);
    return getDeparture(tx, departureId);
  });
}
