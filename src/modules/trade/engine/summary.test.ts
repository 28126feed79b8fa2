import { describe, expect, it } from 'vitest';
import { notComputable } from './computed.ts';
import { buildSeries, type SeriesPoint } from './series.ts';
import { summarise } from './summary.ts';

const months = (year: number, values: readonly bigint[]): SeriesPoint[] =>
  values.map((value, i) => ({ year, month: i + 1, value }));

describe('summarise', () => {
  it('compares a year with the year before and, given a base, gives the multiple of it', () => {
    const series = buildSeries([
      { year: 2001, month: 0, value: 25n },
      { year: 2020, month: 0, value: 500n },
      { year: 2021, month: 0, value: 700n },
    ]);
    expect(summarise({ series, period: '2021', basePeriod: '2001' })).toEqual({
      period: '2021',
      value: { ok: true, value: 700n },
      previousPeriod: '2020',
      previous: { ok: true, value: 500n },
      growth: { ok: true, value: 40 },
      basePeriod: '2001',
      multiple: { ok: true, value: 28 },
    });
  });

  it('compares January–July with January–July a year earlier, on hand-computed months', () => {
    // 2021: 10+20+30+40+50+60+70 = 280; 2022: 15+25+35+45+55+65+110 = 350; 350 / 280 = 1.25.
    const series = buildSeries([
      ...months(2021, [10n, 20n, 30n, 40n, 50n, 60n, 70n, 80n, 90n, 100n, 110n, 120n]),
      ...months(2022, [15n, 25n, 35n, 45n, 55n, 65n, 110n]),
    ]);
    const summary = summarise({ series, period: '2022-01/2022-07' });
    expect(summary.previousPeriod).toBe('2021-01/2021-07');
    expect(summary.value).toEqual({ ok: true, value: 350n });
    expect(summary.previous).toEqual({ ok: true, value: 280n });
    expect(summary.growth).toEqual({ ok: true, value: 25 });
    expect(summary).not.toHaveProperty('multiple');
  });

  it('gives 0 % growth for a series that does not change', () => {
    const series = buildSeries([...months(2021, Array(12).fill(7n)), ...months(2022, Array(12).fill(7n))]);
    expect(summarise({ series, period: '2022' }).growth).toEqual({ ok: true, value: 0 });
    expect(summarise({ series, period: '2022-01/2022-05' }).growth).toEqual({ ok: true, value: 0 });
  });

  it('has no growth without the previous period, and says so', () => {
    const series = buildSeries([{ year: 2021, month: 0, value: 700n }]);
    const summary = summarise({ series, period: '2021', basePeriod: '2001' });
    expect(summary.value).toEqual({ ok: true, value: 700n });
    expect(summary.growth).toEqual(notComputable('missing_base'));
    expect(summary.multiple).toEqual(notComputable('missing_base'));
  });

  it('has no year-to-date growth when a month of the earlier period is missing, naming it', () => {
    const series = buildSeries([
      ...months(2021, [10n, 20n, 30n]).filter((point) => point.month !== 2),
      ...months(2022, [10n, 20n, 30n]),
    ]);
    expect(summarise({ series, period: '2022-01/2022-03' }).growth).toEqual(
      notComputable('incomplete_period', ['2021-02']),
    );
  });

  it('has no growth from a zero base', () => {
    const series = buildSeries([
      { year: 2020, month: 0, value: 0n },
      { year: 2021, month: 0, value: 9n },
    ]);
    expect(summarise({ series, period: '2021' }).growth).toEqual(notComputable('zero_base'));
  });
});
