import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../errors/domain-error.ts';
import { centsFromDollars, decimalFromNumber, formatDecimal, parseDecimal, roundingOf } from './decimal.ts';

describe('exact decimals', () => {
  it.each([
    ['343300000000', '343300000000'],
    ['-0.50', '-0.5'],
    ['0.05', '0.05'],
    ['007', '7'],
  ])('reads %s and writes it as %s', (text, written) => {
    expect(formatDecimal(parseDecimal(text))).toBe(written);
  });

  it('refuses text that is not a plain decimal', () => {
    for (const text of ['1e9', '3,433', '', '.5', '1.']) expect(() => parseDecimal(text)).toThrow(DomainError);
  });

  it('takes a double at the decimal it prints as, exponents included', () => {
    const growth = (100 * 3433) / 2452 - 100;
    expect(formatDecimal(decimalFromNumber(growth))).toBe(String(growth));
    expect(formatDecimal(decimalFromNumber(1e-7))).toBe('0.0000001');
    expect(formatDecimal(decimalFromNumber(1.5e21))).toBe('1500000000000000000000');
    expect(formatDecimal(decimalFromNumber(-0))).toBe('0');
    expect(() => decimalFromNumber(Number.NaN)).toThrow(RangeError);
  });

  it('converts dollars to cents exactly, refusing fractions of a cent', () => {
    expect(centsFromDollars('343300000000')).toBe(34_330_000_000_000n);
    expect(centsFromDollars('12.1')).toBe(1210n);
    expect(centsFromDollars('0.070')).toBe(7n);
    expect(() => centsFromDollars('0.001')).toThrow(DomainError);
  });
});

describe('roundingOf a published figure', () => {
  it.each([
    ['343300000000', false, '50000000', '3433億 dollars: ± half of 1億'],
    ['40', true, '0.5', '40 %, written in full'],
    ['28', true, '0.5', '28 times'],
    ['40.5', true, '0.05', 'one decimal'],
    ['40.50', true, '0.005', 'a written trailing zero counts'],
    ['0', false, '0.5', 'zero has only its units digit'],
  ])('of %s (zeros significant: %s) is ± %s: %s', (text, zerosSignificant, half) => {
    expect(formatDecimal(roundingOf(text, zerosSignificant))).toBe(half);
  });
});
