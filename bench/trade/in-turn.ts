/**
 * The dashboard questions asked of our PostgreSQL import and of DuckDB in turn, one right after the other, so both
 * meet the same moments of a noisy machine: the fairest comparison of medians and tails.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { Database } from '../../src/db/database.ts';
import { importTradeFile } from '../../src/modules/trade/import/import-dataset.ts';
import { duckQueries, loadStatement, type CountryCodes } from './duckdb.ts';
import { latencyStats, now, type LatencyStats } from './measure.ts';
import { settled } from './ours.ts';
import { ourQueries, QUERY_NAMES, type QueryName, type Questions } from './questions.ts';

export type InTurnLatency = Record<QueryName, { postgresql: LatencyStats; duckdb: LatencyStats }>;

export async function queriesInTurn(db: Database, file: string, q: Questions, codes: CountryCodes, options: { warmup: number; repeat: number }): Promise<InTurnLatency> {
  const imported = await importTradeFile(db, { file, synthetic: true, dataset: 'in-turn' });
  if (imported.status !== 'imported') throw new Error(`${file} was already imported; the benchmark needs an empty database`);
  await settled(db, imported.dataset.id);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(loadStatement(file));
    const ours = ourQueries(db, q);
    const duck = duckQueries(connection, q, codes);
    const latency = {} as InTurnLatency;
    for (const name of QUERY_NAMES) {
      for (let i = 0; i < options.warmup; i++) {
        await ours[name]();
        await duck[name]();
      }
      const samples = { postgresql: [] as number[], duckdb: [] as number[] };
      const time = async (engine: 'postgresql' | 'duckdb') => {
        const start = now();
        await (engine === 'postgresql' ? ours : duck)[name]();
        samples[engine].push(now() - start);
      };
      for (let i = 0; i < options.repeat; i++) {
        // The one first in a turn goes second in the next.
        await time(i % 2 === 0 ? 'postgresql' : 'duckdb');
        await time(i % 2 === 0 ? 'duckdb' : 'postgresql');
      }
      latency[name] = { postgresql: latencyStats(samples.postgresql), duckdb: latencyStats(samples.duckdb) };
    }
    return latency;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
