import { DomainError } from '../../../errors/domain-error.ts';

/** A calendar year, or a run of months within one year (a single month when first = last). */
export type Period = { kind: 'year'; year: number } | { kind: 'months'; year: number; first: number; last: number };

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const RANGE = /^(\d{4})-(0[1-9]|1[0-2])\/(\d{4})-(0[1-9]|1[0-2])$/;

/** Reads '2021', '2022-07' or '2022-01/2022-07'; other shapes, including ranges across years, give undefined. */
export function tryParsePeriod(text: string): Period | undefined {
  const year = YEAR.exec(text);
  if (year) return { kind: 'year', year: Number(year[1]) };
  const month = MONTH.exec(text);
  if (month) return { kind: 'months', year: Number(month[1]), first: Number(month[2]), last: Number(month[2]) };
  const range = RANGE.exec(text);
  if (!range || range[1] !== range[3]) return undefined;
  const [first, last] = [Number(range[2]), Number(range[4])];
  return first <= last ? { kind: 'months', year: Number(range[1]), first, last } : undefined;
}

/** As tryParsePeriod, for periods that must be valid: anything else is the caller's INVALID_PERIOD. */
export function parsePeriod(text: string): Period {
  const period = tryParsePeriod(text);
  if (!period) throw new DomainError('INVALID_PERIOD', { value: text });
  return period;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/** Back to text; a one-month range comes out as the month alone. */
export function formatPeriod(period: Period): string {
  if (period.kind === 'year') return pad(period.year, 4);
  const first = formatMonth(period.year, period.first);
  return period.first === period.last ? first : `${first}/${formatMonth(period.year, period.last)}`;
}

/** The same months one year earlier: what a year-on-year or year-to-date change compares against. */
export function previousPeriod(period: Period): Period {
  return { ...period, year: period.year - 1 };
}

/** Months 1–12 the period spans, in order. */
export function monthsCovered(period: Period): number[] {
  const [first, last] = period.kind === 'year' ? [1, 12] : [period.first, period.last];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** January to some month: the span Chinese customs statistics report as 1–N月. */
export function isYearToDate(period: Period): boolean {
  return period.kind === 'months' && period.first === 1;
}

/** January to December counts as the year itself. */
export function isWholeYear(period: Period): boolean {
  return period.kind === 'year' || (period.first === 1 && period.last === 12);
}
