import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../errors/domain-error.ts';
import { notComputable } from './computed.ts';
import {
  annualTotal,
  buildSeries,
  periodTotal,
  pointLabel,
  seriesPoints,
  valueAt,
  type SeriesPoint,
} from './series.ts';

const months = (year: number, values: readonly bigint[]): SeriesPoint[] =>
  values.map((value, i) => ({ year, month: i + 1, value }));

describe('buildSeries', () => {
  it('keeps one value per year and month, adding up rows that share them (members of a group)', () => {
    const series = buildSeries([
      { year: 2021, month: 3, value: 10n },
      { year: 2021, month: 3, value: 5n },
      { year: 2021, month: 0, value: 100n },
    ]);
    expect(valueAt(series, 2021, 3)).toBe(15n);
    expect(valueAt(series, 2021, 0)).toBe(100n);
    expect(valueAt(series, 2021, 4)).toBeUndefined();
  });

  it.each([
    [2021, 13],
    [2021, -1],
    [2021.5, 1],
  ])('refuses year %d month %d as INVALID_PERIOD', (year, month) => {
    expect(() => buildSeries([{ year, month, value: 1n }])).toThrow(DomainError);
  });
});

describe('annualTotal', () => {
  it('is the annual value when one is reported, even beside monthly values', () => {
    const series = buildSeries([{ year: 2021, month: 0, value: 1000n }, ...months(2021, Array(12).fill(1n))]);
    expect(annualTotal(series, 2021)).toEqual({ ok: true, value: 1000n });
  });

  it('is otherwise the sum of all twelve months', () => {
    const series = buildSeries(months(2021, [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n, 12n]));
    expect(annualTotal(series, 2021)).toEqual({ ok: true, value: 78n });
  });

  it('is incomplete when a month is missing, naming the month', () => {
    const series = buildSeries(months(2021, Array(11).fill(1n)));
    expect(annualTotal(series, 2021)).toEqual(notComputable('incomplete_period', ['2021-12']));
  });

  it('has no data for a year with nothing reported', () => {
    expect(annualTotal(buildSeries([]), 2021)).toEqual(notComputable('no_data'));
  });
});

describe('periodTotal', () => {
  const series = buildSeries([
    ...months(2022, [30n, 28n, 32n, 31n, 33n, 34n, 36n]),
    { year: 2020, month: 0, value: 2452n },
  ]);

  it('of a month range is the sum of its months', () => {
    expect(periodTotal(series, '2022-01/2022-07')).toEqual({ ok: true, value: 224n });
    expect(periodTotal(series, '2022-03/2022-04')).toEqual({ ok: true, value: 63n });
    expect(periodTotal(series, '2022-07')).toEqual({ ok: true, value: 36n });
  });

  it('of a year is its annual total', () => {
    expect(periodTotal(series, '2020')).toEqual({ ok: true, value: 2452n });
    expect(periodTotal(series, '2020-01/2020-12')).toEqual({ ok: true, value: 2452n });
  });

  it('is incomplete when any month of the range is missing, naming each', () => {
    expect(periodTotal(series, '2022-05/2022-09')).toEqual(notComputable('incomplete_period', ['2022-08', '2022-09']));
  });

  it('cannot split an annual value into months', () => {
    expect(periodTotal(series, '2020-01/2020-07')).toEqual(notComputable('no_data'));
  });
});

describe('seriesPoints', () => {
  it('lists every point in time order, a year before its months, whatever order the rows came in', () => {
    const series = buildSeries([
      { year: 2022, month: 2, value: 3n },
      { year: 2021, month: 0, value: 1n },
      { year: 2022, month: 1, value: 2n },
      { year: 2022, month: 0, value: 4n },
    ]);
    expect(seriesPoints(series).map(pointLabel)).toEqual(['2021', '2022', '2022-01', '2022-02']);
    expect(seriesPoints(series).map((point) => point.value)).toEqual([1n, 4n, 2n, 3n]);
  });
});
