import { DomainError } from '../../../errors/domain-error.ts';
import type { UsdCents } from '../model.ts';
import { computed, notComputable, type Computed } from './computed.ts';
import { formatMonth, formatPeriod, isWholeYear, monthsCovered, parsePeriod, type Period } from './periods.ts';

/** One value of a series; month 0 is the whole year, as TradeRecord has it. */
export interface SeriesPoint {
  year: number;
  month: number;
  value: UsdCents;
}

/** Values of one trade figure over time, keyed year × 100 + month. */
export type TradeSeries = ReadonlyMap<number, UsdCents>;

const keyOf = (year: number, month: number): number => year * 100 + month;

/** Rows for the same year and month add up, so a group's series can be built from its members' rows. */
export function buildSeries(rows: Iterable<SeriesPoint>): TradeSeries {
  const series = new Map<number, UsdCents>();
  for (const { year, month, value } of rows) {
    if (!Number.isInteger(year) || year < 0 || year > 9999 || !Number.isInteger(month) || month < 0 || month > 12) {
      throw new DomainError('INVALID_PERIOD', { value: `${year}-${month}` });
    }
    const key = keyOf(year, month);
    series.set(key, (series.get(key) ?? 0n) + value);
  }
  return series;
}

/** The value reported for a year (month 0) or a month, if any. */
export function valueAt(series: TradeSeries, year: number, month: number): UsdCents | undefined {
  return series.get(keyOf(year, month));
}

function sumOfMonths(series: TradeSeries, year: number, months: readonly number[]): Computed<UsdCents> {
  let sum = 0n;
  const missing: string[] = [];
  for (const month of months) {
    const value = valueAt(series, year, month);
    if (value === undefined) missing.push(formatMonth(year, month));
    else sum += value;
  }
  if (missing.length === months.length) return notComputable('no_data');
  return missing.length > 0 ? notComputable('incomplete_period', missing) : computed(sum);
}

/** The annual value if one is reported, otherwise the sum of all twelve months; a partial year is not a year. */
export function annualTotal(series: TradeSeries, year: number): Computed<UsdCents> {
  const annual = valueAt(series, year, 0);
  return annual === undefined ? sumOfMonths(series, year, monthsCovered({ kind: 'year', year })) : computed(annual);
}

/** The total over a period; a month range needs every one of its months, since an annual value cannot be split. */
export function periodTotal(series: TradeSeries, period: Period | string): Computed<UsdCents> {
  const parsed = typeof period === 'string' ? parsePeriod(period) : period;
  if (isWholeYear(parsed)) return annualTotal(series, parsed.year);
  return sumOfMonths(series, parsed.year, monthsCovered(parsed));
}

/** Every point in time order, a year's annual value before its months. */
export function seriesPoints(series: TradeSeries): SeriesPoint[] {
  return [...series.keys()]
    .sort((a, b) => a - b)
    .map((key) => ({ year: Math.floor(key / 100), month: key % 100, value: series.get(key) ?? 0n }));
}

/** The label of a point: '2021' for an annual value, '2021-07' for a month. */
export function pointLabel(point: Pick<SeriesPoint, 'year' | 'month'>): string {
  return point.month === 0 ? formatPeriod({ kind: 'year', year: point.year }) : formatMonth(point.year, point.month);
}
