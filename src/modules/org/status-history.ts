import { DomainError } from '../../errors/domain-error.ts';
import type { DatePrecision, Status, StatusEntry } from './model.ts';

/** Sorts entries oldest first; an undated entry is taken to precede every dated one. */
export function sortHistory<T extends Pick<StatusEntry, 'since'>>(history: readonly T[]): T[] {
  return [...history].sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
}

/** The entry in effect on `asOf` (YYYY-MM-DD): the latest whose date is not after it. */
export function entryAsOf<T extends Pick<StatusEntry, 'since'>>(history: readonly T[], asOf: string): T | undefined {
  let current: T | undefined;
  for (const entry of sortHistory(history)) {
    if (entry.since === null || entry.since <= asOf) current = entry;
  }
  return current;
}

export function statusAsOf(history: readonly StatusEntry[], asOf: string): Status | null {
  return entryAsOf(history, asOf)?.status ?? null;
}

/** Checks a calendar date YYYY-MM-DD, rejecting impossible days such as 2023-02-30. */
export function assertCalendarDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return value;
  }
  throw new DomainError('INVALID_DATE', { value });
}

/** Reads a source's date as given: a full date, a year alone, or nothing. */
export function parseSourceDate(value: string | null | undefined): { since: string | null; sincePrecision: DatePrecision } {
  const text = value?.trim() ?? '';
  if (text === '') return { since: null, sincePrecision: 'unknown' };
  if (/^\d{4}$/.test(text)) return { since: assertCalendarDate(`${text}-01-01`), sincePrecision: 'year' };
  return { since: assertCalendarDate(text), sincePrecision: 'day' };
}

/** Today's date in UTC as YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
