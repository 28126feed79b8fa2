import { describe, expect, it } from 'vitest';
import { checkClaim } from './claims.ts';
import { computed, type Computed } from './computed.ts';
import { decimalFromCents, formatDecimal } from './decimal.ts';
import { productMix, topProducts, type MixLevel } from './products.ts';
import { rankPartners } from './ranking.ts';
import { growthPercent, multipleOf, sharePercent } from './ratio.ts';
import { buildSeries, periodTotal } from './series.ts';
import { seededRandom } from '../../logistics/synthetic/seeded-random.ts';

const CASES = 300;

function draws(seed: number) {
  const next = seededRandom(seed);
  const integer = (below: number): number => Math.floor(next() * below);
  /** Up to 1e17 cents, spread over every order of magnitude. */
  const cents = (): bigint => {
    const wide = BigInt(integer(2 ** 32)) * 2n ** 32n + BigInt(integer(2 ** 32));
    return wide % 10n ** BigInt(1 + integer(17));
  };
  return { integer, cents };
}

const valueOf = (result: Computed<number>): number => {
  if (!result.ok) throw new Error(`expected a value, got ${result.reason}`);
  return result.value;
};

describe('invariants over random cases', () => {
  it('growth of an unchanged value is 0, and growth is the multiple less one, in percent', () => {
    const { cents } = draws(1);
    for (let i = 0; i < CASES; i += 1) {
      const [current, previous] = [cents(), cents() + 1n];
      expect(growthPercent(previous, previous)).toEqual({ ok: true, value: 0 });
      const growth = valueOf(growthPercent(current, previous));
      const multiple = valueOf(multipleOf(current, previous));
      expect(Math.sign(growth)).toBe(current > previous ? 1 : current < previous ? -1 : 0);
      expect(Math.abs(growth - (multiple - 1) * 100)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(growth)));
    }
  });

  it('shares of a complete set of parts add up to 100, for ranked partners as for any parts', () => {
    const { integer, cents } = draws(2);
    for (let i = 0; i < CASES; i += 1) {
      const values = new Map(Array.from({ length: 1 + integer(40) }, (_, p) => [`P${p}`, cents() + 1n] as const));
      const whole = [...values.values()].reduce((sum, value) => sum + value, 0n);
      const direct = [...values.values()].reduce((sum, value) => sum + valueOf(sharePercent(value, whole)), 0);
      const ranked = rankPartners(values).reduce((sum, entry) => sum + valueOf(entry.sharePercent), 0);
      expect(Math.abs(direct - 100)).toBeLessThan(1e-9);
      expect(Math.abs(ranked - 100)).toBeLessThan(1e-9);
    }
  });

  it('ranks never decrease down the ranking, and equal values always share a rank', () => {
    const { integer } = draws(3);
    for (let i = 0; i < CASES; i += 1) {
      const values = new Map(Array.from({ length: 1 + integer(20) }, (_, p) => [`P${p}`, BigInt(integer(5))] as const));
      const ranking = rankPartners(values);
      ranking.forEach((entry, index) => {
        const before = ranking[index - 1];
        expect(entry.rank).toBe(before === undefined ? 1 : before.value === entry.value ? before.rank : index + 1);
      });
    }
  });

  it('aggregating products keeps the total, and the top products with OTHER sum to it exactly', () => {
    const { integer, cents } = draws(4);
    for (let i = 0; i < CASES; i += 1) {
      const values = new Map<string, bigint>();
      for (let p = 0; p < 1 + integer(30); p += 1) values.set(String(integer(1_000_000)).padStart(6, '0'), cents());
      const totals = ([6, 4, 2] as MixLevel[]).map((level) => productMix(values, level).total);
      expect(new Set(totals).size).toBe(1);
      const mix = productMix(values, ([2, 4, 6] as const)[integer(3)] ?? 2);
      const top = topProducts(mix, integer(mix.products.length + 2));
      expect(top.products.reduce((sum, part) => sum + part.value, 0n)).toBe(mix.total);
    }
  });

  it('January to month k plus month k+1 to December is the year, whatever the split', () => {
    const { integer, cents } = draws(5);
    for (let i = 0; i < CASES; i += 1) {
      const series = buildSeries(Array.from({ length: 12 }, (_, m) => ({ year: 2021, month: m + 1, value: cents() })));
      const k = 1 + integer(11);
      const head = periodTotal(series, `2021-01/2021-${String(k).padStart(2, '0')}`);
      const tail = periodTotal(series, `2021-${String(k + 1).padStart(2, '0')}/2021-12`);
      const year = periodTotal(series, '2021');
      expect(head.ok && tail.ok && year.ok && head.value + tail.value === year.value).toBe(true);
    }
  });

  it('a computed value equal to the reported one is always consistent, even with no tolerance', () => {
    const { cents } = draws(6);
    for (let i = 0; i < CASES; i += 1) {
      const value = cents();
      const reported = formatDecimal(decimalFromCents(value));
      const claim = { metric: 'trade_value', value: reported, unit: 'USD', qualifier: 'exact' as const };
      expect(checkClaim(claim, computed(value), 0)).toMatchObject({ status: 'consistent', difference: '0' });
    }
  });
});
