import { computed, notComputable, type Computed } from './computed.ts';

/** A reported amount, a computed one, or nothing reported at all. */
export type Operand = bigint | Computed<bigint> | null | undefined;

/** Digits kept in the integer quotient: more than a double holds, so the one rounding left is Number()'s own. */
const QUOTIENT_DIGITS = 21;

const digitCount = (n: bigint): number => n.toString().length;

/**
 * numerator / denominator as the nearest double (within a couple of ulps) for any bigints, however large:
 * the division happens on integers scaled to 21 digits, so no intermediate value is rounded to a float.
 */
export function ratio(numerator: bigint, denominator: bigint): Computed<number> {
  if (denominator === 0n) return notComputable('zero_base');
  if (numerator === 0n) return computed(0);
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const shift = Math.max(0, QUOTIENT_DIGITS - digitCount(n) + digitCount(d));
  const magnitude = Number((n * 10n ** BigInt(shift)) / d) / 10 ** shift;
  return computed(negative ? -magnitude : magnitude);
}

/** An operand as an amount; a source that reported nothing becomes `absent`, other failures pass through. */
function amount(operand: Operand, absent: 'missing_current' | 'missing_base'): Computed<bigint> {
  if (operand === null || operand === undefined) return notComputable(absent);
  if (typeof operand === 'bigint') return computed(operand);
  if (!operand.ok && operand.reason === 'no_data') return notComputable(absent, operand.missing);
  return operand;
}

function both(current: Operand, base: Operand): Computed<[bigint, bigint]> {
  const c = amount(current, 'missing_current');
  if (!c.ok) return c;
  const b = amount(base, 'missing_base');
  if (!b.ok) return b;
  return computed([c.value, b.value]);
}

/** (current − previous) / previous × 100. */
export function growthPercent(current: Operand, previous: Operand): Computed<number> {
  const pair = both(current, previous);
  if (!pair.ok) return pair;
  const [c, p] = pair.value;
  return ratio(100n * (c - p), p);
}

/** How many times the base the current amount is (343.3 bn against 12.26 bn is 28.0). */
export function multipleOf(current: Operand, base: Operand): Computed<number> {
  const pair = both(current, base);
  if (!pair.ok) return pair;
  return ratio(pair.value[0], pair.value[1]);
}

/** part / whole × 100; an empty whole has no shares. */
export function sharePercent(part: Operand, whole: Operand): Computed<number> {
  const pair = both(part, whole);
  if (!pair.ok) return pair;
  return ratio(100n * pair.value[0], pair.value[1]);
}
