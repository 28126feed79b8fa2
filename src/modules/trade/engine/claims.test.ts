import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../org/model.ts';
import { computed, notComputable } from './computed.ts';
import { checkClaim, type CheckedIndicator } from './claims.ts';

type Qualifier = Indicator['qualifier'];

const claim = (metric: string, value: string, unit: string, qualifier: Qualifier = 'exact'): CheckedIndicator => ({
  metric,
  value,
  unit,
  qualifier,
});

const statusOf = (indicator: CheckedIndicator, value: number | bigint, tolerancePercent = 0) =>
  checkClaim(indicator, computed(value), tolerancePercent).status;

describe('checkClaim on a value in USD', () => {
  const trade2021 = claim('trade_value', '343300000000', 'USD');

  it('compares computed cents with reported dollars exactly, and reports the figures in dollars', () => {
    expect(checkClaim(trade2021, computed(34_333_433_000_000n), 1)).toEqual({
      status: 'consistent',
      unit: 'USD',
      reported: '343300000000',
      computed: '343334330000',
      difference: '34330000',
      differencePercent: 0.01,
      allowedDifference: '3433000000',
    });
  });

  it("accepts a figure the publisher would have rounded to 3433億: up to ± 0.05 bn, not a cent more", () => {
    expect(statusOf(trade2021, 34_335_000_000_000n)).toBe('consistent');
    expect(statusOf(trade2021, 34_335_000_000_001n)).toBe('inconsistent');
    expect(statusOf(trade2021, 34_325_000_000_000n)).toBe('consistent');
    expect(statusOf(trade2021, 34_324_999_999_999n)).toBe('inconsistent');
  });

  it('accepts up to the tolerance when it is wider than the rounding', () => {
    expect(statusOf(trade2021, 34_673_300_000_000n, 1)).toBe('consistent');
    expect(statusOf(trade2021, 34_673_300_000_001n, 1)).toBe('inconsistent');
  });

  it('is computed in cents only: a floating-point value in dollars is a mistake of the caller', () => {
    expect(() => checkClaim(trade2021, computed(343.3e9), 1)).toThrow(TypeError);
  });
});

describe('checkClaim on growth and multiples', () => {
  it('takes 40 % as 40 ± 0.5, the rounding of a whole percentage', () => {
    const growth = claim('trade_growth_yoy', '40', 'percent');
    expect(statusOf(growth, 40.5)).toBe('consistent');
    expect(statusOf(growth, 39.5)).toBe('consistent');
    expect(statusOf(growth, 40.51)).toBe('inconsistent');
    expect(statusOf(growth, 39.49)).toBe('inconsistent');
  });

  it('takes 28 times as 28 ± 0.5, or the tolerance when that is wider', () => {
    const multiple = claim('trade_multiple_vs_base', '28', 'times');
    expect(statusOf(multiple, 28.37, 1)).toBe('consistent');
    expect(statusOf(multiple, 28.6, 1)).toBe('inconsistent');
    expect(statusOf(multiple, 29.4, 5)).toBe('consistent');
    expect(statusOf(multiple, 29.41, 5)).toBe('inconsistent');
  });

  it('gives the difference in the unit and relative to the reported figure', () => {
    const check = checkClaim(claim('trade_growth_yoy', '25', 'percent'), computed(26), 1);
    expect(check).toMatchObject({ status: 'inconsistent', computed: '26', difference: '1', differencePercent: 4 });
  });

  it('has no relative difference from a reported 0, yet still judges it', () => {
    const check = checkClaim(claim('trade_growth_yoy', '0', 'percent'), computed(0.3), 1);
    expect(check).toMatchObject({ status: 'consistent', differencePercent: null, allowedDifference: '0.5' });
  });
});

describe('checkClaim qualifiers', () => {
  it("'about' is held to the same rule as a plain figure, never a stricter one", () => {
    const gdp = claim('gdp', '23000000000000', 'USD', 'about');
    const plain = { ...gdp, qualifier: 'exact' as const };
    for (const cents of [2_345_000_000_000_000n, 2_350_000_000_000_001n, 2_249_000_000_000_000n]) {
      expect(checkClaim(gdp, computed(cents), 1).status).toBe(checkClaim(plain, computed(cents), 1).status);
    }
    expect(statusOf(gdp, 2_350_000_000_000_000n, 1)).toBe('consistent');
  });

  it("'over' holds for any figure above the reported one, and down to the tolerance below it", () => {
    const population = claim('population', '3200000000', 'persons', 'over');
    expect(statusOf(population, 5_000_000_000, 1)).toBe('consistent');
    expect(statusOf(population, 3_168_000_000, 1)).toBe('consistent');
    expect(statusOf(population, 3_167_999_999, 1)).toBe('inconsistent');
    expect(statusOf(population, 3_199_999_999, 0)).toBe('inconsistent');
  });
});

describe('checkClaim on ranks', () => {
  const second = claim('trading_partner_rank', '2', 'rank');

  it('holds only for the same rank, whatever the tolerance', () => {
    expect(statusOf(second, 2)).toBe('consistent');
    expect(statusOf(second, 2n)).toBe('consistent');
    expect(statusOf(second, 1, 50)).toBe('inconsistent');
    expect(statusOf(second, 3, 50)).toBe('inconsistent');
  });
});

describe('checkClaim without a computed figure', () => {
  it('is not computable, says why, and invents no figures', () => {
    const missingMarch = notComputable('incomplete_period', ['2022-03']);
    const check = checkClaim(claim('trade_value', '226800000000', 'USD'), missingMarch, 1);
    expect(check).toEqual({
      status: 'not_computable',
      unit: 'USD',
      reported: '226800000000',
      computed: null,
      difference: null,
      differencePercent: null,
      allowedDifference: null,
      reason: 'incomplete_period',
    });
  });

  it('refuses a tolerance that is negative or not a number', () => {
    const growth = claim('trade_growth_yoy', '40', 'percent');
    expect(() => checkClaim(growth, computed(40), -1)).toThrow(RangeError);
    expect(() => checkClaim(growth, computed(40), Number.NaN)).toThrow(RangeError);
  });
});
