/**
 * The platform's own operational figures for international trains: trains run and TEU carried per month, the year to
 * date against the same months a year before, by corridor, border crossing, origin and destination country, the load
 * factor and the destination countries served. Pure: it counts the runs it is given (a run is a departure that left,
 * with the TEU of the bookings that travelled on it).
 */

export interface RunRecord {
  /** 'YYYY-MM' of the departure from the first stop (UTC). */
  month: string;
  capacityTeu: number;
  teuCarried: number;
  originCountry: string;
  destinationCountry: string;
  /** Border-crossing nodes it stops at or passes. */
  borderCrossings: readonly string[];
  /** Corridors of the network links it runs on. */
  corridors: readonly string[];
}

export interface Tally {
  trains: number;
  teu: number;
  /** TEU carried over TEU offered; null without runs. */
  loadFactor: number | null;
}

export interface OperationalFigures {
  year: number;
  /** The last month counted in the year to date, 1–12. */
  throughMonth: number;
  months: ({ month: string } & Tally)[];
  yearToDate: Tally;
  sameMonthsYearBefore: Tally;
  /** Growth of trains run against the same months a year before, in percent; null when there were none. */
  trainsGrowthPercent: number | null;
  teuGrowthPercent: number | null;
  byCorridor: ({ corridor: string } & Tally)[];
  byBorderCrossing: ({ node: string } & Tally)[];
  byOriginCountry: ({ country: string } & Tally)[];
  byDestinationCountry: ({ country: string } & Tally)[];
  /** Countries the year's runs reached. */
  destinationCountries: number;
}

function tally(runs: readonly RunRecord[]): Tally {
  const teu = runs.reduce((sum, run) => sum + run.teuCarried, 0);
  const offered = runs.reduce((sum, run) => sum + run.capacityTeu, 0);
  return { trains: runs.length, teu, loadFactor: offered > 0 ? teu / offered : null };
}

function growth(now: number, before: number): number | null {
  return before > 0 ? ((now - before) / before) * 100 : null;
}

/** Tallies per key, most trains first, then by key. */
function grouped(runs: readonly RunRecord[], keysOf: (run: RunRecord) => readonly string[]): [string, Tally][] {
  const groups = new Map<string, RunRecord[]>();
  for (const run of runs) for (const key of new Set(keysOf(run))) groups.set(key, [...(groups.get(key) ?? []), run]);
  return [...groups].map(([key, members]): [string, Tally] => [key, tally(members)]).sort((a, b) => b[1].trains - a[1].trains || a[0].localeCompare(b[0]));
}

const pad = (month: number) => String(month).padStart(2, '0');

/** The figures of `year` up to and including month `throughMonth`, from the runs of that year and the one before. */
export function operationalFigures(runs: readonly RunRecord[], year: number, throughMonth: number): OperationalFigures {
  const inYear = (y: number) => runs.filter((run) => run.month >= `${y}-01` && run.month <= `${y}-${pad(throughMonth)}`);
  const current = inYear(year);
  const before = inYear(year - 1);
  const months = Array.from({ length: throughMonth }, (_, i) => {
    const month = `${year}-${pad(i + 1)}`;
    return { month, ...tally(current.filter((run) => run.month === month)) };
  });
  const yearToDate = tally(current);
  const sameMonthsYearBefore = tally(before);
  return {
    year,
    throughMonth,
    months,
    yearToDate,
    sameMonthsYearBefore,
    trainsGrowthPercent: growth(yearToDate.trains, sameMonthsYearBefore.trains),
    teuGrowthPercent: growth(yearToDate.teu, sameMonthsYearBefore.teu),
    byCorridor: grouped(current, (run) => run.corridors).map(([corridor, figures]) => ({ corridor, ...figures })),
    byBorderCrossing: grouped(current, (run) => run.borderCrossings).map(([node, figures]) => ({ node, ...figures })),
    byOriginCountry: grouped(current, (run) => [run.originCountry]).map(([country, figures]) => ({ country, ...figures })),
    byDestinationCountry: grouped(current, (run) => [run.destinationCountry]).map(([country, figures]) => ({ country, ...figures })),
    destinationCountries: new Set(current.map((run) => run.destinationCountry)).size,
  };
}
