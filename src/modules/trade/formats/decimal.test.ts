import { describe, expect, it } from 'vitest';
import { centsToDecimal, decimalToCents } from './decimal.ts';

describe('exact decimal values', () => {
  it.each([
    ['123', 0, 12300n],
    ['123.45', 0, 12345n],
    ['123.456', 0, 12346n],
    ['-0.004', 0, 0n],
    ['-1.005', 0, -101n],
    ['343300000000', 0, 34330000000000n],
    ['1.5e3', 0, 150000n],
    ['2E-2', 0, 2n],
    ['12.345', 3, 1234500n],
    ['0.001', 3, 100n],
    ['98765432109876.543', 3, 9876543210987654300n],
    ['.5', 0, 50n],
  ])('reads %s (scale 10^%i) as %i cents', (text, scale, cents) => {
    expect(decimalToCents(text, scale)).toBe(cents);
  });

  it.each(['', 'abc', '1,5', '1.2.3', '--1', 'NaN', 'Infinity', '.'])('refuses %j', (text) => {
    expect(decimalToCents(text)).toBeUndefined();
  });

  it('sums a million small values without drift, unlike floating point', () => {
    let cents = 0n;
    let float = 0;
    for (let i = 0; i < 1_000_000; i++) {
      cents += decimalToCents('0.1')!;
      float += 0.1;
    }
    expect(centsToDecimal(cents)).toBe('100000.00');
    expect(float).not.toBe(100000);
  });

  it('writes cents back as dollars', () => {
    expect(centsToDecimal(12345n)).toBe('123.45');
    expect(centsToDecimal(-5n)).toBe('-0.05');
    expect(centsToDecimal(0n)).toBe('0.00');
  });
});
