import type { Indicator } from '../../org/model.ts';
import type { FlowSelector, UsdCents } from '../model.ts';
import { notComputable, type Computed } from './computed.ts';
import { formatPeriod, previousPeriod, tryParsePeriod } from './periods.ts';
import { rankOf, type PartnerRank } from './ranking.ts';
import { growthPercent, multipleOf } from './ratio.ts';
import { periodTotal, type TradeSeries } from './series.ts';

export type ClaimKind = 'value' | 'growth' | 'multiple' | 'rank';

/** The trade data a published claim needs: the reporter's total trade with the partner (an ISO3 or a group code). */
export interface ClaimQuery {
  kind: ClaimKind;
  reporter: string;
  partner: string;
  period: string;
  basePeriod?: string;
  flow: Extract<FlowSelector, 'total'>;
}

const KIND_OF_METRIC: Readonly<Record<string, ClaimKind>> = {
  trade_value: 'value',
  trade_growth_yoy: 'growth',
  trade_multiple_vs_base: 'multiple',
  trading_partner_rank: 'rank',
};

export type QueriedIndicator = Pick<Indicator, 'metric' | 'reporter' | 'partner' | 'period' | 'basePeriod'>;

/**
 * What to compute to check the indicator, or undefined when trade data cannot answer it: another metric (area,
 * trains run), no reporter or partner, a period other than a year or months of one year, or a multiple without a base.
 * Growth without a stated base compares with the same months a year earlier.
 */
export function claimQuery(indicator: QueriedIndicator): ClaimQuery | undefined {
  const kind = Object.hasOwn(KIND_OF_METRIC, indicator.metric) ? KIND_OF_METRIC[indicator.metric] : undefined;
  const period = tryParsePeriod(indicator.period);
  const { reporter, partner } = indicator;
  if (kind === undefined || period === undefined || reporter === null || partner === null) return undefined;
  const query: ClaimQuery = { kind, reporter, partner, period: formatPeriod(period), flow: 'total' };
  if (kind !== 'growth' && kind !== 'multiple') return query;
  const base = indicator.basePeriod === null ? undefined : tryParsePeriod(indicator.basePeriod);
  if (indicator.basePeriod !== null && base === undefined) return undefined;
  if (base === undefined && kind === 'multiple') return undefined;
  return { ...query, basePeriod: formatPeriod(base ?? previousPeriod(period)) };
}

/** The reporter's total trade with the partner over time, and the reporter's partners ranked for the period. */
export interface ClaimEvidence {
  series?: TradeSeries;
  ranking?: readonly PartnerRank[];
}

/** The figure a query asks for, from the evidence given: cents for a value, a number for the rest. */
export function answerClaim(query: ClaimQuery, evidence: ClaimEvidence): Computed<UsdCents | number> {
  const { series, ranking } = evidence;
  if (query.kind === 'rank') return ranking ? rankOf(ranking, query.partner) : notComputable('no_data');
  if (!series) return notComputable('no_data');
  const current = periodTotal(series, query.period);
  if (query.kind === 'value') return current;
  const base = query.basePeriod === undefined ? undefined : periodTotal(series, query.basePeriod);
  return query.kind === 'growth' ? growthPercent(current, base) : multipleOf(current, base);
}
