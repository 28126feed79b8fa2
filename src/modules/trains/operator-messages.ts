/**
 * Operators' messages as CSV, for operators whose systems export events rather than call the API: one event per row,
 * of a departure (where it is) or of a booking (loaded, delivered). The file is read whole, every problem is reported
 * with its line and field, and the events are recorded in one transaction: all of them, or none.
 *
 *   departure,booking,kind,node,at,delay_minutes,reason
 *   2b1c…,,border_crossed,KZ-DOSTYK,2026-12-03T22:10Z,,
 *   2b1c…,,delayed,,2026-12-04T02:00Z,180,wagon repair at Dostyk
 *   ,9f0e…,delivered,,2026-12-06T09:00Z,,
 */
import { parse } from 'csv-parse/sync';
import type { Database } from '../../db/database.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { localise } from '../../errors/messages.ts';
import { errorCatalogue } from '../../errors/catalogue.ts';
import { TRACKING_KINDS, type TrackingKind } from './eta.ts';
import { lockDepartures, type Actor } from './store.ts';
import { recordBookingEvent, recordDepartureEvent } from './tracking.ts';

export const MESSAGE_COLUMNS = ['departure', 'booking', 'kind', 'node', 'at', 'delay_minutes', 'reason'] as const;
const BOOKING_KINDS = ['loaded', 'delivered'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?Z$/;
/** The longest delay a message may report: 90 days, as over the API. */
const MAX_DELAY_MINUTES = 90 * 24 * 60;
/** Rows one file may hold. */
export const MAX_MESSAGES = 10_000;

export type OperatorMessage =
  | { line: number; departure: string; kind: TrackingKind; node?: string | undefined; at?: number | undefined; delayMinutes?: number | undefined; reason?: string | undefined }
  | { line: number; booking: string; kind: (typeof BOOKING_KINDS)[number]; at?: number | undefined; reason?: string | undefined };

export interface MessageProblem {
  line: number;
  field: string;
  problem: string;
}

function refused(problems: MessageProblem[]): DomainError {
  const first = problems[0]!;
  return new DomainError('OPERATOR_MESSAGES_INVALID', { line: first.line, field: first.field, problems: problems.length }, problems);
}

/** The messages of a CSV file, or `OPERATOR_MESSAGES_INVALID` listing every problem with its line and field. */
export function readOperatorMessages(text: string): OperatorMessage[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), skip_empty_lines: true, trim: true });
  } catch (error) {
    throw refused([{ line: (error as { lines?: number }).lines ?? 1, field: 'file', problem: error instanceof Error ? error.message : String(error) }]);
  }
  const header = Object.keys(rows[0] ?? {});
  const missing = ['kind'].filter((name) => rows.length > 0 && !header.includes(name));
  if (missing.length > 0) throw refused([{ line: 1, field: missing[0]!, problem: `the header has no column ${missing[0]}; columns: ${MESSAGE_COLUMNS.join(', ')}` }]);
  if (rows.length > MAX_MESSAGES) throw refused([{ line: MAX_MESSAGES + 2, field: 'file', problem: `more than ${MAX_MESSAGES} messages; split the file` }]);
  const problems: MessageProblem[] = [];
  const messages: OperatorMessage[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const problem = (field: string, text: string) => problems.push({ line, field, problem: text });
    const at = row.at ? (UTC_TIME.test(row.at) ? Math.floor(Date.parse(row.at) / 60_000) : Number.NaN) : undefined;
    if (Number.isNaN(at)) problem('at', `"${row.at}" is not a UTC date-time such as 2026-12-03T22:10Z`);
    const reason = row.reason || undefined;
    if (reason !== undefined && reason.length > 500) problem('reason', 'longer than 500 characters');
    const kind = row.kind ?? '';
    if (row.departure && row.booking) return problem('booking', 'a row names a departure or a booking, not both');
    if (row.booking) {
      if (!UUID.test(row.booking)) problem('booking', `"${row.booking}" is not a booking id`);
      if (!(BOOKING_KINDS as readonly string[]).includes(kind)) return problem('kind', `a booking's message is ${BOOKING_KINDS.join(' or ')}, not "${kind}"`);
      messages.push({ line, booking: row.booking, kind: kind as (typeof BOOKING_KINDS)[number], at, reason });
      return;
    }
    if (!row.departure) return problem('departure', 'a row names a departure or a booking');
    if (!UUID.test(row.departure)) problem('departure', `"${row.departure}" is not a departure id`);
    if (!(TRACKING_KINDS as readonly string[]).includes(kind)) return problem('kind', `"${kind}" is not one of ${TRACKING_KINDS.join(', ')}`);
    const delay = row.delay_minutes ? Number(row.delay_minutes) : undefined;
    if (delay !== undefined && !(Number.isInteger(delay) && delay >= 0 && delay <= MAX_DELAY_MINUTES)) problem('delay_minutes', `"${row.delay_minutes}" is not a whole number of minutes from 0 to ${MAX_DELAY_MINUTES}`);
    if (kind === 'delayed' && delay === undefined) problem('delay_minutes', 'a delay needs the minutes expected at arrival');
    messages.push({ line, departure: row.departure, kind: kind as TrackingKind, node: row.node || undefined, at, delayMinutes: delay, reason });
  });
  if (problems.length > 0) throw refused(problems);
  return messages;
}

/**
 * Records the messages for the actor in one transaction. A message the domain refuses (a departure the actor does not
 * run, a place the train does not pass, a booking not yet loaded) is reported with its line, in `locale`, and
 * nothing is recorded.
 */
export async function importOperatorMessages(db: Database, actor: Actor, messages: readonly OperatorMessage[], now: number, locale: Parameters<typeof localise>[1] = 'en'): Promise<{ departures: number; bookings: number }> {
  return db.transaction(async (tx) => {
    // Every departure the file touches, locked at once in one order: two imports, or an import and an operator's
    // action, never wait on each other.
    await lockDepartures(
      tx,
      messages.flatMap((message) => ('departure' in message ? [message.departure] : [])),
      messages.flatMap((message) => ('booking' in message ? [message.booking] : [])),
    );
    const problems: MessageProblem[] = [];
    let departures = 0;
    let bookings = 0;
    for (const message of messages) {
      try {
        if ('booking' in message) {
          await recordBookingEvent(tx, actor, message.booking, message.kind, message.reason);
          bookings += 1;
        } else {
          await recordDepartureEvent(tx, actor, message.departure, message, now);
          departures += 1;
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const field = error.code === 'NODE_NOT_ON_ROUTE' ? 'node' : 'booking' in message ? 'booking' : 'departure';
        problems.push({ line: message.line, field, problem: localise(errorCatalogue[error.code].messages, locale, error.params) });
      }
    }
    if (problems.length > 0) throw refused(problems);
    return { departures, bookings };
  });
}
