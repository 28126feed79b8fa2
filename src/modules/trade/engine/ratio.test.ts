import { describe, expect, it } from 'vitest';
import { notComputable } from './computed.ts';
import { growthPercent, multipleOf, ratio, sharePercent } from './ratio.ts';

const BN = 100_000_000_000n; // one billion dollars in cents

describe('ratio', () => {
  it('divides exactly representable quotients exactly', () => {
    expect(ratio(1n, 4n)).toEqual({ ok: true, value: 0.25 });
    expect(ratio(-3n, 2n)).toEqual({ ok: true, value: -1.5 });
    expect(ratio(3n, -2n)).toEqual({ ok: true, value: -1.5 });
    expect(ratio(0n, 7n)).toEqual({ ok: true, value: 0 });
  });

  it('gives the nearest double for values up to 1e17 cents, where Number(a) / Number(b) has already rounded', () => {
    const cents = 9_007_199_254_740_993n; // 2^53 + 1: about 90 bn dollars
    expect(ratio(cents, 3n)).toEqual({ ok: true, value: 3_002_399_751_580_331 });
    expect(Number(cents) / 3).not.toBe(3_002_399_751_580_331);
    expect(ratio(1n, 3n)).toEqual({ ok: true, value: 1 / 3 });
    expect(ratio(1n, 10n ** 17n)).toEqual({ ok: true, value: 1e-17 });
    expect(ratio(10n ** 17n, 3n)).toEqual({ ok: true, value: 1e17 / 3 });
  });

  it('has no value over zero rather than Infinity or NaN', () => {
    expect(ratio(5n, 0n)).toEqual(notComputable('zero_base'));
    expect(ratio(0n, 0n)).toEqual(notComputable('zero_base'));
  });
});

describe('growthPercent', () => {
  it('is (current − previous) / previous × 100', () => {
    expect(growthPercent(140n, 100n)).toEqual({ ok: true, value: 40 });
    expect(growthPercent(75n, 100n)).toEqual({ ok: true, value: -25 });
    expect(growthPercent(0n, 100n)).toEqual({ ok: true, value: -100 });
  });

  it('of an unchanged value is exactly 0', () => {
    expect(growthPercent(343n * BN, 343n * BN)).toEqual({ ok: true, value: 0 });
  });

  it('is not computable from a zero base', () => {
    expect(growthPercent(5n, 0n)).toEqual(notComputable('zero_base'));
    expect(growthPercent(0n, 0n)).toEqual(notComputable('zero_base'));
  });

  it('names the side that is missing, the current one first', () => {
    expect(growthPercent(undefined, 100n)).toEqual(notComputable('missing_current'));
    expect(growthPercent(100n, null)).toEqual(notComputable('missing_base'));
    expect(growthPercent(undefined, undefined)).toEqual(notComputable('missing_current'));
    expect(growthPercent(100n, { ok: false, reason: 'no_data' })).toEqual(notComputable('missing_base'));
  });

  it('passes on why a computed operand failed, with what was missing', () => {
    const partial = notComputable('incomplete_period', ['2021-03']);
    expect(growthPercent(100n, partial)).toEqual(partial);
    expect(growthPercent({ ok: true, value: 150n }, { ok: true, value: 100n })).toEqual({ ok: true, value: 50 });
  });
});

describe('multipleOf', () => {
  it('is current / base: 343.3 bn against 12.26 bn is 28.0 times', () => {
    const result = multipleOf(3433n * BN / 10n, 1226n * BN / 100n);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toBeCloseTo(28.0016, 4);
  });

  it('is not computable from a zero or missing base', () => {
    expect(multipleOf(1n, 0n)).toEqual(notComputable('zero_base'));
    expect(multipleOf(1n, undefined)).toEqual(notComputable('missing_base'));
  });
});

describe('sharePercent', () => {
  it('is part / whole × 100', () => {
    expect(sharePercent(1n, 8n)).toEqual({ ok: true, value: 12.5 });
    expect(sharePercent(8n, 8n)).toEqual({ ok: true, value: 100 });
  });

  it('has no shares of an empty whole', () => {
    expect(sharePercent(0n, 0n)).toEqual(notComputable('zero_base'));
  });
});
