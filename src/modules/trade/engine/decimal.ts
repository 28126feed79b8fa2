import { DomainError } from '../../../errors/domain-error.ts';
import type { UsdCents } from '../model.ts';

/** units / 10^scale, exactly: published figures are compared without passing through floating point. */
export interface ExactDecimal {
  units: bigint;
  scale: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

function fromParts(sign: string, whole: string, fraction: string, exponent: number): ExactDecimal {
  const units = BigInt(`${sign}${whole}${fraction}`);
  const scale = fraction.length - exponent;
  return scale >= 0 ? { units, scale } : { units: units * 10n ** BigInt(-scale), scale: 0 };
}

/** Reads a decimal as indicators store it ('343300000000', '-0.5'). */
export function parseDecimal(text: string): ExactDecimal {
  const match = DECIMAL.exec(text);
  if (!match) throw new DomainError('VALIDATION_FAILED', { problem: `${text} is not an exact decimal` });
  return fromParts(match[1] ?? '', match[2] ?? '', match[3] ?? '', 0);
}

/** The decimal a double prints as: its shortest round-trip form, so 40.008 stays 40.008. */
export function decimalFromNumber(value: number): ExactDecimal {
  const match = Number.isFinite(value) ? NUMBER_TEXT.exec(String(value)) : null;
  if (!match) throw new RangeError(`${value} is not a finite number`);
  return fromParts(match[1] ?? '', match[2] ?? '', match[3] ?? '', Number(match[4] ?? '0'));
}

export function decimalFromCents(cents: UsdCents): ExactDecimal {
  return { units: cents, scale: 2 };
}

/** Dollars as text ('343.3', '1200.05') to cents; finer fractions than a cent are refused rather than rounded. */
export function centsFromDollars(text: string): UsdCents {
  const { units, scale } = parseDecimal(text);
  if (scale > 2) {
    const [whole, rest] = [units / 10n ** BigInt(scale - 2), units % 10n ** BigInt(scale - 2)];
    if (rest !== 0n) throw new DomainError('VALIDATION_FAILED', { problem: `${text} is not a whole number of cents` });
    return whole;
  }
  return units * 10n ** BigInt(2 - scale);
}

function rescale(value: ExactDecimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

/** Both values as integers of one common scale. */
export function aligned(a: ExactDecimal, b: ExactDecimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [rescale(a, scale), rescale(b, scale), scale];
}

export function subtract(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const [x, y, scale] = aligned(a, b);
  return { units: x - y, scale };
}

export function multiply(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function absolute(value: ExactDecimal): ExactDecimal {
  return value.units < 0n ? { units: -value.units, scale: value.scale } : value;
}

export function compare(a: ExactDecimal, b: ExactDecimal): -1 | 0 | 1 {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function larger(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return compare(a, b) >= 0 ? a : b;
}

/** Plain notation without trailing fractional zeros: '343300000000', '-0.05'. */
export function formatDecimal({ units, scale }: ExactDecimal): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${units < 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Half a unit of the last significant digit of a published figure: the most its rounding can hide. Written decimals
 * count every digit ('40.50' ⇒ 0.005). Integers stored in base units from 億 or billion count trailing zeros as
 * placeholders ('343300000000' ⇒ 50000000) unless `zerosSignificant`, for figures stored as written ('40' ⇒ 0.5).
 */
export function roundingOf(text: string, zerosSignificant: boolean): ExactDecimal {
  const { units, scale } = parseDecimal(text);
  if (scale > 0 || zerosSignificant || units === 0n) return { units: 5n, scale: scale + 1 };
  const placeholders = /0*$/.exec(units.toString())?.[0].length ?? 0;
  return { units: 5n * 10n ** BigInt(placeholders), scale: 1 };
}
