import { describe, expect, it } from 'vitest';
import { operationalFigures, type RunRecord } from './operations.ts';

const run = (month: string, teuCarried: number, extra: Partial<RunRecord> = {}): RunRecord => ({
  month,
  capacityTeu: 100,
  teuCarried,
  originCountry: 'CHN',
  destinationCountry: 'KAZ',
  borderCrossings: ['CN-ALASHANKOU'],
  corridors: ['china-europe-western'],
  ...extra,
});

describe('operational figures of international trains', () => {
  const runs = [
    run('2025-01', 40),
    run('2025-03', 60),
    run('2025-09', 90),
    run('2026-01', 80),
    run('2026-02', 50, { destinationCountry: 'UZB', borderCrossings: ['CN-KHORGOS'], corridors: ['china-central-west-asia'] }),
    run('2026-02', 70, { destinationCountry: 'POL', borderCrossings: ['CN-ALASHANKOU', 'BY-BREST'], corridors: ['china-europe-western', 'new-eurasian-land-bridge'] }),
    run('2026-06', 100),
  ];
  const figures = operationalFigures(runs, 2026, 3);

  it('counts trains run and TEU carried per month of the year to date, with the load factor', () => {
    expect(figures.months).toEqual([
      { month: '2026-01', trains: 1, teu: 80, loadFactor: 0.8 },
      { month: '2026-02', trains: 2, teu: 120, loadFactor: 0.6 },
      { month: '2026-03', trains: 0, teu: 0, loadFactor: null },
    ]);
    expect(figures.yearToDate).toEqual({ trains: 3, teu: 200, loadFactor: 200 / 300 });
  });

  it('compares the year to date with the same months a year before, not the whole year', () => {
    expect(figures.sameMonthsYearBefore).toEqual({ trains: 2, teu: 100, loadFactor: 0.5 });
    expect(figures.trainsGrowthPercent).toBe(50);
    expect(figures.teuGrowthPercent).toBe(100);
    expect(operationalFigures(runs, 2025, 12).trainsGrowthPercent).toBeNull();
  });

  it('splits the year to date by corridor, border crossing, origin and destination, a run counted once in each of its groups', () => {
    expect(figures.byCorridor).toEqual([
      { corridor: 'china-europe-western', trains: 2, teu: 150, loadFactor: 0.75 },
      { corridor: 'china-central-west-asia', trains: 1, teu: 50, loadFactor: 0.5 },
      { corridor: 'new-eurasian-land-bridge', trains: 1, teu: 70, loadFactor: 0.7 },
    ]);
    expect(figures.byBorderCrossing.map((b) => [b.node, b.trains])).toEqual([['CN-ALASHANKOU', 2], ['BY-BREST', 1], ['CN-KHORGOS', 1]]);
    expect(figures.byOriginCountry).toEqual([{ country: 'CHN', trains: 3, teu: 200, loadFactor: 200 / 300 }]);
    expect(figures.byDestinationCountry.map((d) => [d.country, d.trains])).toEqual([['KAZ', 1], ['POL', 1], ['UZB', 1]]);
    expect(figures.destinationCountries).toBe(3);
  });
});
