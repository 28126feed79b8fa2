import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import type { Database, Queryable } from '../../src/db/database.ts';
import { readBaciCountryCodes } from '../../src/modules/trade/import/companions.ts';
import { COPY_COLUMNS, emptySummary, readTradeFile } from '../../src/modules/trade/import/read.ts';
import { buildRollups } from '../../src/modules/trade/import/rollups.ts';
import { now, timed } from './measure.ts';
import { readBaciFast } from './fast-reader.ts';
import { labelOf } from './ours.ts';

export interface ProfilePhase {
  label: string;
  ms: number;
  note?: string;
}

export interface Profile {
  rows: number;
  phases: ProfilePhase[];
}

class Rollback extends Error {}

async function* textChunks(file: string): AsyncGenerator<string> {
  // The reader yields ~256 KB pieces; the same size here keeps the COPY traffic alike.
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) yield chunk as string;
}

async function rollupsTimed(tx: Queryable, target: Parameters<typeof buildRollups>[1], suffix: string, rewrite = (sql: string) => sql): Promise<ProfilePhase[]> {
  const phases: ProfilePhase[] = [];
  const timedTx: Queryable = {
    ...tx,
    query: async (sql, params) => {
      const start = now();
      const rows = await tx.query(rewrite(sql), params);
      const label = labelOf(sql);
      if (label) phases.push({ label: `${label}${suffix}`, ms: now() - start });
      return rows as never;
    },
  };
  await buildRollups(timedTx, target);
  return phases;
}

/**
 * Times each stage of the PostgreSQL import on its own: hashing, CSV parsing, the reader (parse, validate, format),
 * COPY of text already formatted, and each rollup statement. With `experiments`, also variants that show what a
 * change would gain (a faster tokenizer, work_mem, ANALYZE, no FK or index during the load, bigint cents).
 * Everything happens in a transaction that is rolled back.
 */
export async function profilePostgres(db: Database, file: string, options: { experiments: boolean }, log: (text: string) => void): Promise<Profile> {
  const phases: ProfilePhase[] = [];
  const baciCountries = await readBaciCountryCodes(file);

  const hash = await timed(async () => {
    const digest = createHash('sha256');
    for await (const chunk of createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) digest.update(chunk as Buffer);
    return digest.digest('hex');
  });
  phases.push({ label: 'sha256 of the file', ms: hash.ms });

  const parsed = await timed(async () => {
    let records = 0;
    const parser = createReadStream(file, { highWaterMark: 1024 * 1024 }).pipe(parse({ info: true, relax_column_count: true, bom: true, skip_empty_lines: true }));
    for await (const _ of parser as AsyncIterable<unknown>) records += 1;
    return records - 1;
  });
  phases.push({ label: 'csv-parse alone (same options), records discarded', ms: parsed.ms });
  log(`  csv-parse alone: ${(parsed.ms / 1000).toFixed(1)} s`);

  const plain = await timed(async () => {
    const parser = createReadStream(file, { highWaterMark: 1024 * 1024 }).pipe(parse({ relax_column_count: true, bom: true, skip_empty_lines: true }));
    for await (const _ of parser as AsyncIterable<unknown>);
  });
  phases.push({ label: 'csv-parse without info: true, records discarded', ms: plain.ms, note: 'experiment' });

  const read = await timed(async () => {
    let bytes = 0;
    for await (const chunk of readTradeFile({ file, baciCountries }, emptySummary())) bytes += chunk.length;
    return bytes;
  });
  phases.push({ label: 'readTradeFile alone (parse, validate, format), output discarded', ms: read.ms });
  log(`  reader alone: ${(read.ms / 1000).toFixed(1)} s`);

  const fast = await timed(async () => {
    for await (const _ of readBaciFast(file, baciCountries, emptySummary()));
  });
  const copyText = join(tmpdir(), `scohub-bench-copy-${process.pid}.csv`);
  try {
    const out = createWriteStream(copyText);
    const productDigest = createHash('sha256');
    for await (const chunk of readTradeFile({ file, baciCountries }, emptySummary())) {
      productDigest.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'close');
    const fastDigest = createHash('sha256');
    for await (const chunk of readBaciFast(file, baciCountries, emptySummary())) fastDigest.update(chunk);
    const same = productDigest.digest('hex') === fastDigest.digest('hex');
    phases.push({
      label: 'reader with lines split on commas instead of csv-parse',
      ms: fast.ms,
      note: `experiment; COPY text ${same ? 'identical to' : 'DIFFERENT from'} readTradeFile's`,
    });
    log(`  reader splitting lines: ${(fast.ms / 1000).toFixed(1)} s (${same ? 'same output' : 'DIFFERENT output'})`);

    await db
      .transaction(async (tx) => {
        const partitionFor = async (name: string) => {
          const [created] = await tx.query<{ id: string }>(
            `INSERT INTO trade_datasets (name, release, layout, reconciled, content_hash, source_file, rows_read, records, rejected, skipped, reporters, total_value, synthetic)
             VALUES ($1, 'profile', 'baci', true, 'profile', 'profile', 0, 0, 0, '{}', 0, 0, true) RETURNING id`,
            [name],
          );
          const id = created!.id;
          const partition = `trade_flows_${id.replace(/-/g, '')}`;
          await tx.exec(`CREATE TABLE ${partition} PARTITION OF trade_flows FOR VALUES IN ('${id}');
            ALTER TABLE ${partition} ALTER COLUMN dataset_id SET DEFAULT '${id}'`);
          return { id, partition };
        };
        const { id, partition } = await partitionFor('bench-profile');
        const copied = await timed(() => tx.copyFrom(partition, COPY_COLUMNS, textChunks(copyText)));
        phases.push({ label: 'COPY alone (text already formatted, read from a file)', ms: copied.ms, note: `${copied.result} rows` });
        log(`  COPY alone: ${(copied.ms / 1000).toFixed(1)} s`);

        if (options.experiments) {
          await tx.exec('SAVEPOINT fast');
          const other = await partitionFor('bench-profile-fast');
          const piped = await timed(() => tx.copyFrom(other.partition, COPY_COLUMNS, readBaciFast(file, baciCountries, emptySummary())));
          phases.push({ label: 'reader splitting lines, pipelined into COPY', ms: piped.ms, note: 'experiment' });
          log(`  reader splitting lines + COPY: ${(piped.ms / 1000).toFixed(1)} s`);
          await tx.exec('ROLLBACK TO SAVEPOINT fast');
        }

        const target = { datasetId: id, partition, reconciled: true, productLevels: new Set([6]) };
        const variant = async (name: string, steps: { before?: string[]; after?: string[]; rewrite?: (sql: string) => string }, note?: string) => {
          await tx.exec('SAVEPOINT variant');
          for (const sql of steps.before ?? []) {
            const t = await timed(() => tx.exec(sql));
            if (/^\s*ANALYZE/.test(sql)) phases.push({ label: `ANALYZE of the new partition (${name})`, ms: t.ms });
          }
          const statements = await rollupsTimed(tx, target, ` (${name})`, steps.rewrite);
          let afterMs = 0;
          for (const sql of steps.after ?? []) afterMs += (await timed(() => tx.exec(sql))).ms;
          if (steps.after) statements.push({ label: `CREATE INDEX afterwards (${name})`, ms: afterMs });
          const total = statements.reduce((sum, p) => sum + p.ms, 0);
          phases.push(...statements, { label: `rollups ${name}, all statements`, ms: total, ...(note ? { note } : {}) });
          log(`  rollups ${name}: ${(total / 1000).toFixed(1)} s`);
          await tx.exec('ROLLBACK TO SAVEPOINT variant');
        };

        await variant('alone', {});
        if (options.experiments) {
          const analyze = `ANALYZE ${partition}`;
          const dropForeignKeys = [
            'ALTER TABLE trade_totals DROP CONSTRAINT trade_totals_dataset_id_fkey',
            'ALTER TABLE trade_products DROP CONSTRAINT trade_products_dataset_id_fkey',
          ];
          const dropIndexes = ['DROP INDEX trade_totals_reporter', 'DROP INDEX trade_totals_partner', 'DROP INDEX trade_products_reporter'];
          const createIndexes = [
            'CREATE INDEX trade_totals_reporter ON trade_totals (reporter, year, dataset_id)',
            'CREATE INDEX trade_totals_partner ON trade_totals (partner, year, dataset_id)',
            'CREATE INDEX trade_products_reporter ON trade_products (reporter, year, level, dataset_id)',
          ];
          // buildRollups raises work_mem itself; dropping that statement shows what it gains.
          const defaultWorkMem = (sql: string) => (/^\s*SET LOCAL work_mem/i.test(sql) ? 'SELECT 1' : sql);
          await variant('with the default work_mem', { rewrite: defaultWorkMem }, 'experiment');
          await variant('after ANALYZE', { before: [analyze] }, 'experiment');
          await variant('without the FK checks', { before: dropForeignKeys }, 'experiment');
          await variant('without indexes, built afterwards', { before: dropIndexes, after: createIndexes }, 'experiment');
          await variant('without FK checks and indexes (built afterwards)', { before: [...dropForeignKeys, ...dropIndexes], after: createIndexes }, 'experiment');

          // The HS4 aggregation alone, on numeric dollars and on bigint cents, planned alike.
          await tx.exec('SAVEPOINT types');
          await tx.exec(`SET LOCAL work_mem = '256MB'`);
          await tx.exec(`CREATE TABLE bench_cents AS SELECT year, month, reporter, partner, flow, product, (value * 100)::bigint AS value FROM ${partition}`);
          await tx.exec(`ANALYZE ${partition}`);
          await tx.exec('ANALYZE bench_cents');
          for (const [table, type] of [[partition, 'numeric(20,2)'], ['bench_cents', 'bigint cents']] as const) {
            const t = await timed(() =>
              tx.query(`SELECT count(*) FROM (SELECT year, month, reporter, partner, flow, left(product, 4), sum(value) FROM ${table}
                GROUP BY year, month, reporter, partner, flow, left(product, 4)) g`),
            );
            phases.push({ label: `HS4 aggregation alone, value as ${type}`, ms: t.ms, note: 'experiment' });
          }
          await tx.exec('ROLLBACK TO SAVEPOINT types');
        }
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
  } finally {
    await rm(copyText, { force: true });
  }
  return { rows: parsed.result, phases };
}
