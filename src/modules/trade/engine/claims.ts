import type { Indicator } from '../../org/model.ts';
import type { Computed, NotComputableReason } from './computed.ts';
import {
  absolute,
  aligned,
  compare,
  decimalFromCents,
  decimalFromNumber,
  formatDecimal,
  larger,
  multiply,
  parseDecimal,
  roundingOf,
  subtract,
  type ExactDecimal,
} from './decimal.ts';
import { ratio } from './ratio.ts';

export type ClaimStatus = 'consistent' | 'inconsistent' | 'not_computable';

/** Figures are exact decimals in the indicator's unit: dollars for USD, percent, times, rank. */
export interface ClaimCheck {
  status: ClaimStatus;
  unit: string;
  reported: string;
  computed: string | null;
  /** computed − reported. */
  difference: string | null;
  differencePercent: number | null;
  /** The largest difference the rule accepts; for 'over', how far below the reported figure the computed may be. */
  allowedDifference: string | null;
  reason?: NotComputableReason;
}

export type CheckedIndicator = Pick<Indicator, 'metric' | 'value' | 'unit' | 'qualifier'>;

/** Percentages and multiples are stored as written, so their trailing zeros are digits ('40' % is 40 ± 0.5). */
const WRITTEN_IN_FULL = new Set(['percent', 'times', 'rank']);

const isRank = (indicator: CheckedIndicator): boolean =>
  indicator.metric === 'trading_partner_rank' || indicator.unit === 'rank';

function inUnit(indicator: CheckedIndicator, value: number | bigint): ExactDecimal {
  if (indicator.unit === 'USD') {
    if (typeof value !== 'bigint') throw new TypeError(`${indicator.metric} in USD is computed in bigint cents`);
    return decimalFromCents(value);
  }
  return typeof value === 'bigint' ? { units: value, scale: 0 } : decimalFromNumber(value);
}

function allowance(indicator: CheckedIndicator, reported: ExactDecimal, tolerancePercent: number): ExactDecimal {
  if (isRank(indicator)) return { units: 0n, scale: 0 };
  const fraction = multiply(decimalFromNumber(tolerancePercent), { units: 1n, scale: 2 });
  const tolerance = multiply(absolute(reported), fraction);
  if (indicator.qualifier === 'over') return tolerance;
  return larger(tolerance, roundingOf(indicator.value, WRITTEN_IN_FULL.has(indicator.unit)));
}

/**
 * Whether a computed figure bears out a published one, tolerancePercent being relative to the published figure.
 * Ranks must match exactly. 'over' holds when the computed figure is at least the reported one less the tolerance.
 * 'exact' and 'about' hold within the larger of the tolerance and the publisher's rounding (343.3 bn ⇒ ± 0.05 bn,
 * 40 % ⇒ ± 0.5, 28 times ⇒ ± 0.5): a hedged figure is never held to a stricter rule than a plain one.
 */
export function checkClaim(
  indicator: CheckedIndicator,
  computed: Computed<number | bigint>,
  tolerancePercent: number,
): ClaimCheck {
  if (!Number.isFinite(tolerancePercent) || tolerancePercent < 0) {
    throw new RangeError(`tolerance ${tolerancePercent} % is not a finite non-negative number`);
  }
  const reported = parseDecimal(indicator.value);
  const base = { unit: indicator.unit, reported: formatDecimal(reported) };
  if (!computed.ok) {
    return {
      ...base,
      status: 'not_computable',
      computed: null,
      difference: null,
      differencePercent: null,
      allowedDifference: null,
      reason: computed.reason,
    };
  }
  const value = inUnit(indicator, computed.value);
  const difference = subtract(value, reported);
  const allowed = allowance(indicator, reported, tolerancePercent);
  const consistent =
    indicator.qualifier === 'over' && !isRank(indicator)
      ? compare(difference, { units: -allowed.units, scale: allowed.scale }) >= 0
      : compare(absolute(difference), allowed) <= 0;
  const [differenceUnits, reportedUnits] = aligned(difference, reported);
  const percent = ratio(100n * differenceUnits, reportedUnits);
  return {
    ...base,
    status: consistent ? 'consistent' : 'inconsistent',
    computed: formatDecimal(value),
    difference: formatDecimal(difference),
    differencePercent: percent.ok ? percent.value : null,
    allowedDifference: formatDecimal(allowed),
  };
}
