import { readFile } from 'node:fs/promises';
import type { Database, Queryable } from '../../src/db/database.ts';
import { dropDataset, importTradeFile } from '../../src/modules/trade/import/import-dataset.ts';
import { QUERY_NAMES, ourQueries, type Answers, type QueryName, type Questions } from './questions.ts';
import { median, now, repeatQuery, timed, withPeakRss, type LatencyStats } from './measure.ts';

export interface Phase {
  label: string;
  ms: number;
}

export interface OurRun {
  engine: Database['kind'];
  file: string;
  rows: number;
  importMs: number;
  rowsPerSecond: number;
  rssBeforeMb: number;
  peakRssMb: number;
  /** Peak RSS of the PostgreSQL backend that ran the import (VmHWM; counts the shared buffers it touched). */
  backendPeakRssMb: number | null;
  /** Where the import's wall time went: before the transaction, COPY (with parsing), each rollup, the rest. */
  phases: Phase[];
  queries: Record<QueryName, LatencyStats>;
  answers: Answers;
  datasetTotal: string;
  records: number;
  /** Rows the rollups hold for the dataset, beside the detail rows: the work the import writes. */
  storedRows: Record<string, number>;
  /** Every import's wall time; importMs is their median, phases and memory are the first's. */
  importRunsMs: number[];
  /** VACUUM (ANALYZE) of the new data and a CHECKPOINT after the import, before the queries (PostgreSQL only). */
  settleMs: number;
}

/** Names a statement of the import by what it does, from its SQL. */
export function labelOf(sql: string): string | undefined {
  if (/^\s*DELETE FROM trade_lines_/.test(sql) || /^\s*INSERT INTO trade_lines_/.test(sql)) return 'rollups summed again for keys read out of order';
  return undefined;
}

async function peakRssOf(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const kb = status && /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Math.round(Number(kb) / 1024) : null;
}

/** The same database, recording how long the import's COPY and each rollup statement take inside its transaction. */
function instrumented(db: Database, phases: Phase[], marks: { txStart?: number; txEnd?: number; backendPeakRssMb?: number | null }): Database {
  const wrap = (tx: Queryable): Queryable => ({
    query: async (sql, params) => {
      const label = labelOf(sql);
      const start = now();
      const rows = await tx.query(sql, params);
      if (label) phases.push({ label, ms: now() - start });
      return rows as never;
    },
    exec: (sql) => tx.exec(sql),
    copyFrom: async (table, columns, csv) => {
      const start = now();
      const rows = await tx.copyFrom(table, columns, csv);
      phases.push({ label: `COPY into ${table}`, ms: now() - start });
      return rows;
    },
    copyBinaryFrom: async (table, columns, tuples) => {
      const start = now();
      const rows = await tx.copyBinaryFrom(table, columns, tuples);
      // The lines are read, packed and loaded together; the totals are computed by then and only loaded.
      const label = table === 'trade_totals' ? 'totals: COPY' : 'read, validate, pack and COPY (pipelined), totals computed';
      phases.push({ label, ms: now() - start });
      return rows;
    },
  });
  return {
    ...db,
    transaction: async (work) => {
      marks.txStart = now();
      try {
        return await db.transaction(async (tx) => {
          const pid = db.kind === 'postgresql' ? (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid : undefined;
          const result = await work(wrap(tx));
          if (pid !== undefined) marks.backendPeakRssMb = await peakRssOf(pid);
          return result;
        });
      } finally {
        marks.txEnd = now();
      }
    },
  };
}

/**
 * Vacuums the freshly loaded dataset and writes it out (a checkpoint), as the server does in the background soon
 * after any import, so that dashboard queries are timed in the steady state a dashboard is used in (as DuckDB's
 * are), not beside a vacuum and a checkpoint of 500 MB. Not part of the import: its time is reported on its own.
 */
export async function settled(db: Database, datasetId: string): Promise<number> {
  if (db.kind !== 'postgresql') return 0;
  const start = now();
  await db.exec(`VACUUM (ANALYZE) trade_lines_${datasetId.replace(/-/g, '')}, trade_totals`);
  await db.exec('CHECKPOINT');
  return now() - start;
}

/**
 * `rounds` rounds of DuckDB's load and our import of the same file, one right after the other, the one first in
 * a round going second in the next: each round's ratio compares the two under the same machine conditions.
 */
export async function importPairs(db: Database, file: string, rounds: number, duckdbLoad: () => Promise<number>): Promise<{ duckdbMs: number; postgresqlMs: number }[]> {
  const pairs: { duckdbMs: number; postgresqlMs: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const ours = async () => {
      const imported = await timed(() => importTradeFile(db, { file, synthetic: true, dataset: `paired-${round}` }));
      if (imported.result.status !== 'imported') throw new Error(`${file} was already imported; the benchmark needs an empty database`);
      await db.transaction((tx) => dropDataset(tx, imported.result.dataset.id));
      return imported.ms;
    };
    const duckdbFirst = round % 2 === 0;
    const first = duckdbFirst ? await duckdbLoad() : await ours();
    const second = duckdbFirst ? await ours() : await duckdbLoad();
    pairs.push(duckdbFirst ? { duckdbMs: first, postgresqlMs: second } : { duckdbMs: second, postgresqlMs: first });
  }
  return pairs;
}

/** Imports the file with the product's own importer, then asks the dashboard's questions through the analysis API. */
export async function runOurs(db: Database, file: string, q: Questions, options: { warmup: number; repeat: number; imports: number }): Promise<OurRun> {
  const phases: Phase[] = [];
  const marks: { txStart?: number; txEnd?: number; backendPeakRssMb?: number | null } = {};
  const start = now();
  const imported = await withPeakRss(() => importTradeFile(instrumented(db, phases, marks), { file, synthetic: true }));
  if (imported.result.status !== 'imported') throw new Error(`${file} was already imported; the benchmark needs an empty database`);
  const { summary, dataset } = imported.result;
  const timedMs = phases.reduce((sum, p) => sum + p.ms, 0);
  const allPhases: Phase[] = [
    { label: 'start the reader, hash file, read header and country codes', ms: (marks.txStart ?? start) - start },
    ...phases,
    { label: 'rest of the transaction (dataset row, COMMIT)', ms: (marks.txEnd ?? now()) - (marks.txStart ?? start) - timedMs },
  ];

  const [stored] = await db.query<{ total: string; records: number }>('SELECT total_value::text AS total, records FROM trade_datasets WHERE id = $1', [dataset.id]);
  const counted = await db.query<{ what: string; n: number }>(
    `SELECT 'totals' AS what, count(*)::int AS n FROM trade_totals WHERE dataset_id = $1
     UNION ALL SELECT 'packed rows (lines with their rollups)', count(*)::int FROM trade_lines WHERE dataset_id = $1
     UNION ALL SELECT 'rollup entries HS4', sum(cardinality(heading_products))::int FROM trade_lines WHERE dataset_id = $1
     UNION ALL SELECT 'rollup entries HS2', sum(cardinality(chapter_products))::int FROM trade_lines WHERE dataset_id = $1`,
    [dataset.id],
  );
  const storedRows = { detail: summary.records, ...Object.fromEntries(counted.map((r) => [r.what, r.n])) };
  // The same import again under other names, each dropped after, for a median that one slow moment does not decide.
  const importRunsMs = [imported.ms];
  for (let i = 1; i < options.imports; i++) {
    const again = await timed(() => importTradeFile(db, { file, synthetic: true, dataset: `${dataset.name}-again-${i}` }));
    importRunsMs.push(again.ms);
    if (again.result.status === 'imported') await db.transaction((tx) => dropDataset(tx, again.result.dataset.id));
  }
  const settleMs = await settled(db, dataset.id);
  const queries = ourQueries(db, q);
  const stats = {} as Record<QueryName, LatencyStats>;
  const answers = {} as Record<QueryName, unknown>;
  for (const name of QUERY_NAMES) {
    const { stats: s, answer } = await repeatQuery(queries[name], options.warmup, options.repeat);
    stats[name] = s;
    answers[name] = queries.reduce[name](answer);
  }
  return {
    engine: db.kind,
    file,
    rows: summary.rowsRead,
    importMs: median(importRunsMs),
    importRunsMs,
    rowsPerSecond: Math.round(summary.rowsRead / (imported.ms / 1000)),
    rssBeforeMb: imported.rssBeforeMb,
    peakRssMb: imported.peakRssMb,
    backendPeakRssMb: marks.backendPeakRssMb ?? null,
    phases: allPhases,
    queries: stats,
    answers: answers as unknown as Answers,
    datasetTotal: stored?.total ?? '',
    records: stored?.records ?? 0,
    storedRows,
    settleMs,
  };
}
