import type { UsdCents } from '../model.ts';
import type { Computed } from './computed.ts';
import { formatPeriod, parsePeriod, previousPeriod, type Period } from './periods.ts';
import { growthPercent, multipleOf } from './ratio.ts';
import { periodTotal, type TradeSeries } from './series.ts';

export interface SummaryRequest {
  series: TradeSeries;
  period: Period | string;
  /** A reference period for a multiple, such as 2001 for the founding of the SCO. */
  basePeriod?: Period | string | undefined;
}

export interface Summary {
  period: string;
  value: Computed<UsdCents>;
  previousPeriod: string;
  previous: Computed<UsdCents>;
  /** Year on year for a year; for a month range, those months against the same months a year earlier. */
  growth: Computed<number>;
  basePeriod?: string;
  multiple?: Computed<number>;
}

const asPeriod = (period: Period | string): Period => (typeof period === 'string' ? parsePeriod(period) : period);

export function summarise({ series, period, basePeriod }: SummaryRequest): Summary {
  const current = asPeriod(period);
  const earlier = previousPeriod(current);
  const value = periodTotal(series, current);
  const previous = periodTotal(series, earlier);
  const summary: Summary = {
    period: formatPeriod(current),
    value,
    previousPeriod: formatPeriod(earlier),
    previous,
    growth: growthPercent(value, previous),
  };
  if (basePeriod === undefined) return summary;
  const base = asPeriod(basePeriod);
  return { ...summary, basePeriod: formatPeriod(base), multiple: multipleOf(value, periodTotal(series, base)) };
}
