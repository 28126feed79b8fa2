import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { QUERY_NAMES, type Answers, type QueryName, type Questions } from './questions.ts';
import { median, repeatQuery, withPeakRss, type LatencyStats } from './measure.ts';

/** BACI's columns typed as the file holds them: v is exact (thousands of USD, three decimals), q may be NA. */
const COLUMNS = `{'t': 'SMALLINT', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'INTEGER', 'v': 'DECIMAL(18,3)', 'q': 'DOUBLE'}`;

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

export function loadStatement(file: string): string {
  return `CREATE TABLE flows AS SELECT * FROM read_csv(${sqlString(file)}, header = true, columns = ${COLUMNS}, nullstr = 'NA')`;
}

/** v (thousands of USD, three decimals) as dollars with cents: '1234.567' → '1234567.00'. */
export function thousandsToDollars(text: string): string {
  const [whole = '0', fraction = ''] = text.split('.');
  const digits = `${whole}${fraction.padEnd(3, '0')}`.replace(/^0+(?=\d)/, '');
  return `${digits}.00`;
}

const dollarsToCents = (dollars: string) => BigInt(dollars.replace('.', ''));
const centsToDollars = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;

/** BACI's numeric codes for the questions: the reporter, the group's members (at the period's end, and per year), code → ISO alpha-3. */
export interface CountryCodes {
  reporter: number;
  groupAtPeriodEnd: number[];
  groupByYear: Map<number, number[]>;
  iso3: Map<number, string>;
}

export interface DuckDbRun {
  /** Median of the loads into memory; memory figures are the first's. */
  loadMs: number;
  loadRunsMs: number[];
  rssBeforeMb: number;
  peakRssMb: number;
  rows: number;
  /** Load into a database file instead of memory, for comparison with a durable store. */
  fileLoadMs: number | null;
  queries: Record<QueryName, LatencyStats>;
  answers: Answers;
}

async function rowsOf(connection: DuckDBConnection, sql: string): Promise<Record<string, string | null>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, string | null>[];
}

/**
 * The same four questions on the raw table, the way an analyst would ask DuckDB, with the analysis API's rules:
 * total trade is exports to the partners plus imports from them (BACI's importer view is the exporter's record);
 * a group's total needs both flows; per partner or product, a flow reported in the period but absent for that key
 * counts as zero, and keys that come to zero are left out; a series counts each year's members.
 */
export function duckQueries(connection: DuckDBConnection, q: Questions, codes: CountryCodes) {
  const r = codes.reporter;
  const year = Number(q.period);
  const cents = (text: string | null | undefined) => (text === null || text === undefined ? null : dollarsToCents(thousandsToDollars(text)));
  const sides = `sum(v) FILTER (WHERE i = ${r})::VARCHAR AS x, sum(v) FILTER (WHERE j = ${r})::VARCHAR AS m`;
  // DuckDB's fastest form of these questions (of several tried): the reporter's rows as exporter and as importer,
  // each found by one equality, then (year, partner) matched against the members.
  const mine = (years: string) =>
    `SELECT t, k, v, i, j, j AS p FROM flows WHERE ${years} i = ${r} UNION ALL SELECT t, k, v, i, j, i AS p FROM flows WHERE ${years} j = ${r}`;
  const members = (pairs: [number, number][]) => (pairs.length > 0 ? pairs.map(([t, p]) => `(${t}, ${p})`).join(', ') : '(NULL, NULL)');
  const withGroup = (pairs: [number, number][], select: string, groupBy: string) => {
    const years = [...new Set(pairs.map(([t]) => t))];
    return `WITH mine AS (${mine(years.length > 0 ? `t IN (${years.join(', ')}) AND` : 'false AND')}), members(t, p) AS (VALUES ${members(pairs)})
     SELECT ${select}, ${sides} FROM mine WHERE (t, p) IN (SELECT t, p FROM members) GROUP BY ${groupBy}`;
  };
  const inYears = (years: number[], partners: number[]) => years.flatMap((y) => partners.map((p): [number, number] => [y, p]));
  const both = (row: Record<string, string | null>) => (row.x !== null && row.m !== null ? cents(row.x)! + cents(row.m)! : null);
  /** Per key: both flows, a missing one as zero when some key reports it; zero totals dropped. */
  const perKey = (rows: Record<string, string | null>[], key: string) => {
    const reportsX = rows.some((row) => row.x !== null);
    const reportsM = rows.some((row) => row.m !== null);
    if (!reportsX || !reportsM) return [];
    return rows.flatMap((row) => {
      const value = (cents(row.x) ?? 0n) + (cents(row.m) ?? 0n);
      return value === 0n ? [] : [{ code: row[key]!, value }];
    });
  };
  const largest = <T extends { value: bigint; code: string }>(a: T, b: T) => (a.value !== b.value ? (a.value > b.value ? -1 : 1) : a.code < b.code ? -1 : 1);
  return {
    summary: async (): Promise<Answers['summary']> => {
      const rows = await rowsOf(
        connection,
        withGroup(inYears([year, year - 1], codes.groupAtPeriodEnd), 't::VARCHAR AS t', 't'),
      );
      const at = (y: number) => {
        const row = rows.find((candidate) => candidate.t === String(y));
        const value = row ? both(row) : null;
        return value === null ? null : centsToDollars(value);
      };
      return { value: at(year), previous: at(year - 1) };
    },
    series: async (): Promise<Answers['series']> => {
      const pairs = [...codes.groupByYear].flatMap(([y, partners]) => inYears([y], partners));
      const rows = await rowsOf(connection, `${withGroup(pairs, 't::VARCHAR AS t', 't')} ORDER BY t`);
      return rows.flatMap((row) => {
        const value = both(row);
        return value === null ? [] : [{ period: row.t!, value: centsToDollars(value) }];
      });
    },
    partners: async (): Promise<Answers['partners']> => {
      const rows = await rowsOf(
        connection,
        `SELECT partner::VARCHAR AS partner, sum(x)::VARCHAR AS x, sum(m)::VARCHAR AS m FROM (
           SELECT j AS partner, sum(v) AS x, NULL::DECIMAL(38, 3) AS m FROM flows WHERE t = ${year} AND i = ${r} GROUP BY j
           UNION ALL SELECT i, NULL, sum(v) FROM flows WHERE t = ${year} AND j = ${r} GROUP BY i) sides GROUP BY partner`,
      );
      const sum = (side: 'x' | 'm') => rows.reduce((total, row) => total + (cents(row[side]) ?? 0n), 0n);
      const world = rows.some((row) => row.x !== null) && rows.some((row) => row.m !== null) ? centsToDollars(sum('x') + sum('m')) : null;
      const ranked = perKey(rows, 'partner').map((p) => ({ code: codes.iso3.get(Number(p.code))!, value: p.value }));
      return { world, top: ranked.sort(largest).slice(0, q.top).map((p) => ({ partner: p.code, value: centsToDollars(p.value) })) };
    },
    products: async (): Promise<Answers['products']> => {
      const rows = await rowsOf(
        connection,
        withGroup(inYears([year], codes.groupAtPeriodEnd), "lpad((k // 10000)::VARCHAR, 2, '0') AS chapter", 'chapter'),
      );
      const chapters = perKey(rows, 'chapter').sort(largest);
      const total = chapters.reduce((sum, c) => sum + c.value, 0n);
      const top = chapters.slice(0, q.top).map((c) => ({ product: c.code, value: centsToDollars(c.value) }));
      if (chapters.length > q.top) top.push({ product: 'OTHER', value: centsToDollars(chapters.slice(q.top).reduce((sum, c) => sum + c.value, 0n)) });
      return { total: centsToDollars(total), top };
    },
  };
}

/** Loads the file into an in-memory DuckDB (and, for reference, into a database file), then asks the questions. */
export async function runDuckDb(
  file: string,
  q: Questions,
  codes: CountryCodes,
  options: { warmup: number; repeat: number; fileLoad: boolean; imports: number },
): Promise<DuckDbRun> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let closed = false;
  try {
    const load = await withPeakRss(() => connection.run(loadStatement(file)));
    const [{ n } = { n: '0' }] = await rowsOf(connection, 'SELECT count(*)::VARCHAR AS n FROM flows');
    const queries = duckQueries(connection, q, codes);
    const stats = {} as Record<QueryName, LatencyStats>;
    const answers = {} as Record<QueryName, unknown>;
    for (const name of QUERY_NAMES) {
      const { stats: s, answer } = await repeatQuery<unknown>(queries[name], options.warmup, options.repeat);
      stats[name] = s;
      answers[name] = answer;
    }
    connection.closeSync();
    instance.closeSync();
    closed = true;
    // After the measured run, so their memory does not count in the peak RSS above.
    const loadRunsMs = [load.ms];
    for (let i = 1; i < options.imports; i++) loadRunsMs.push(await loadIntoMemory(file));
    const fileLoadMs = options.fileLoad ? await loadIntoFile(file) : null;
    return {
      loadMs: median(loadRunsMs),
      loadRunsMs,
      rssBeforeMb: load.rssBeforeMb,
      peakRssMb: load.peakRssMb,
      rows: Number(n),
      fileLoadMs,
      queries: stats,
      answers: answers as unknown as Answers,
    };
  } finally {
    if (!closed) {
      connection.closeSync();
      instance.closeSync();
    }
  }
}

/** The same load again into a fresh in-memory database: its wall time. */
export async function loadIntoMemory(file: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const start = performance.now();
    await connection.run(loadStatement(file));
    return performance.now() - start;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The same load into a database file (with its checkpoint), for comparison with a durable store. */
async function loadIntoFile(file: string): Promise<number> {
  const path = join(tmpdir(), `scohub-bench-${process.pid}.duckdb`);
  await rm(path, { force: true });
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    const start = performance.now();
    await connection.run(loadStatement(file));
    await connection.run('CHECKPOINT');
    return performance.now() - start;
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(path, { force: true });
    await rm(`${path}.wal`, { force: true });
  }
}
