import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse';
import type { Database, Queryable } from '../../../db/database.ts';
import { centsToDecimal } from '../formats/decimal.ts';
import { detectLayout } from '../formats/detect.ts';
import { hashFileContent } from './content-hash.ts';
import { readBaciCountryCodes, releaseOf } from './companions.ts';
import type { RollupFix } from './key-ledger.ts';
import { LINE_ARRAY_COLUMNS, LINE_COLUMNS } from './packer.ts';
import { emptySummary, type ReadOptions, type ReadSummary } from './read.ts';
import { prepareReader, type Reader, type ReadingPlan } from './reading.ts';
import { TOTAL_COLUMNS } from './totals.ts';

export interface ImportRequest extends Omit<ReadOptions, 'baciCountries'> {
  /** Dataset name; defaults to the file name without its release suffix. */
  dataset?: string | undefined;
  release?: string | undefined;
  synthetic?: boolean | undefined;
  importedBy?: string | null | undefined;
  /** Lines held before they are written grouped by key; small values reproduce a large file's behaviour in tests. */
  flushLines?: number | undefined;
  /** Where the file is read; by default a worker thread for large files (see reading.ts). */
  thread?: ReadingPlan['thread'];
}

export interface ImportedDataset {
  id: string;
  name: string;
  release: string;
}

export type ImportResult =
  | { status: 'imported'; dataset: ImportedDataset; replaced: ImportedDataset | null; summary: ReadSummary }
  | { status: 'unchanged'; dataset: ImportedDataset };

async function readHeader(file: string): Promise<string[]> {
  const parser = createReadStream(file).pipe(parse({ to_line: 1, bom: true }));
  for await (const record of parser as AsyncIterable<string[]>) return record;
  return [];
}

/** Dataset names are lower-case file names without the release: BACI_HS17_Y2021_V202401.csv → baci_hs17_y2021. */
export function datasetIdentity(file: string, name?: string, release?: string): { name: string; release: string } {
  const base = basename(file, extname(file));
  const fileRelease = releaseOf(file);
  const derived = (fileRelease ? base.replace(new RegExp(`[_-]?${fileRelease}$`, 'i'), '') : base).toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  return { name: name ?? derived, release: release ?? fileRelease ?? new Date().toISOString().slice(0, 10) };
}

const partitionName = (datasetId: string) => `trade_lines_${datasetId.replace(/-/g, '')}`;

export async function dropDataset(tx: Queryable, datasetId: string): Promise<void> {
  await tx.exec(`DROP TABLE IF EXISTS ${partitionName(datasetId)}`);
  await tx.query('DELETE FROM trade_totals WHERE dataset_id = $1', [datasetId]);
  await tx.query('DELETE FROM trade_datasets WHERE id = $1', [datasetId]);
}

// Compressing the arrays would cost more time on import than their reading saves on a query (docs/benchmarks.md).
const UNCOMPRESSED = LINE_ARRAY_COLUMNS.map((c) => `ALTER COLUMN ${c} SET STORAGE EXTERNAL`).join(', ');

/** The partition that holds a dataset's lines, created empty. */
export async function createLinesPartition(tx: Queryable, datasetId: string): Promise<string> {
  const partition = partitionName(datasetId);
  await tx.exec(`CREATE TABLE ${partition} PARTITION OF trade_lines FOR VALUES IN ('${datasetId}');
    ALTER TABLE ${partition} ALTER COLUMN dataset_id SET DEFAULT '${datasetId}', ${UNCOMPRESSED}`);
  return partition;
}

const FIX_KEYS = `unnest($1::int2[], $2::int2[], $3::text[], $4::text[], $5::text[], $6::int2[], $7::int2[])
  AS fix (year, month, reporter, partner, flow, level, source_level)`;
const SAME_KEY = 'l.year = fix.year AND l.month = fix.month AND l.reporter = fix.reporter AND l.partner = fix.partner AND l.flow = fix.flow';
const ROLLUP_COLUMNS = { 4: ['heading_products', 'heading_cents'], 2: ['chapter_products', 'chapter_cents'] } as const;

/**
 * Sums again, from the lines themselves, the rollups of keys whose coarser lines came after finer ones (rare): the
 * key's rows lose that rollup, and a row with no lines carries the one summed again.
 */
async function fixRollups(tx: Queryable, partition: string, fixes: readonly RollupFix[]): Promise<void> {
  for (const level of [4, 2] as const) {
    const mine = fixes.filter((f) => f.level === level);
    if (mine.length === 0) continue;
    const params = [
      mine.map((f) => f.year),
      mine.map((f) => f.month),
      mine.map((f) => f.reporter),
      mine.map((f) => f.partner),
      mine.map((f) => f.flow),
      mine.map((f) => f.level),
      mine.map((f) => f.sourceLevel),
    ];
    const [codes, cents] = ROLLUP_COLUMNS[level];
    await tx.query(`UPDATE ${partition} l SET ${codes} = NULL, ${cents} = NULL FROM ${FIX_KEYS} WHERE ${SAME_KEY}`, params);
    await tx.query(
      `INSERT INTO ${partition} (year, month, reporter, partner, flow, products, value_cents, ${codes}, ${cents})
       SELECT year, month, reporter, partner, flow, '{}', '{}', array_agg(code ORDER BY code), array_agg(cents ORDER BY code) FROM (
         SELECT fix.year, fix.month, fix.reporter, fix.partner, fix.flow, left(line.product, ${level}) AS code, sum(line.cents)::bigint AS cents
           FROM ${FIX_KEYS} JOIN ${partition} l ON ${SAME_KEY}, unnest(l.products, l.value_cents) AS line (product, cents)
          WHERE line.product <> 'TOTAL' AND length(line.product) = fix.source_level
          GROUP BY 1, 2, 3, 4, 5, 6) sums
       GROUP BY year, month, reporter, partner, flow`,
      params,
    );
  }
}

/**
 * Imports one file as a dataset in a single transaction: its lines packed by COPY into the dataset's own
 * partition with their product rollups, then the all-product totals. A file already imported (same content)
 * changes nothing; a new release of a dataset replaces the old one atomically. Killed midway, the transaction
 * never commits and the previous data stays as it was.
 */
export async function importTradeFile(db: Database, request: ImportRequest): Promise<ImportResult> {
  // The reader (a worker for a large file) gets ready while the file is hashed.
  const reader = await prepareReader(request.file, request.thread);
  try {
    return await importWith(reader, db, request);
  } finally {
    await reader.close();
  }
}

async function importWith(reader: Reader, db: Database, request: ImportRequest): Promise<ImportResult> {
  const identity = datasetIdentity(request.file, request.dataset, request.release);
  const bytes = (await stat(request.file)).size;
  // Only a file of the same size as the dataset's can hold the same content: that one is hashed first.
  const [sameSize] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM trade_datasets WHERE name = $1 AND (source_bytes IS NULL OR source_bytes = $2)', [
    identity.name,
    bytes,
  ]);
  let contentHash: string | undefined;
  if (sameSize!.n > 0) {
    contentHash = await hashFileContent(request.file, request.mapping);
    const [existing] = await db.query<{ id: string; name: string; release: string }>(
      'SELECT id, name, release FROM trade_datasets WHERE content_hash = $1 AND name = $2',
      [contentHash, identity.name],
    );
    if (existing) return { status: 'unchanged', dataset: existing };
  }

  const header = await readHeader(request.file);
  // A mapping without a format means a plain CSV, whatever its header looks like (as the reader decides too).
  const plainCsv = request.format === 'csv' || (request.mapping !== undefined && request.format === undefined);
  const isBaci = !plainCsv && detectLayout(header) === 'baci';
  const baciCountries = isBaci ? await readBaciCountryCodes(request.file) : undefined;
  const summary = emptySummary();

  return db.transaction(async (tx) => {
    const [previous] = await tx.query<ImportedDataset>('SELECT id, name, release FROM trade_datasets WHERE name = $1', [identity.name]);
    if (previous) await dropDataset(tx, previous.id);
    const [created] = await tx.query<{ id: string }>(
      `INSERT INTO trade_datasets (name, release, layout, reconciled, content_hash, source_file, source_bytes, rows_read, records, rejected, skipped, reporters, total_value, synthetic, imported_by)
       VALUES ($1, $2, 'csv', false, $3, $4, $5, 0, 0, 0, '{}', 0, 0, $6, $7) RETURNING id`,
      [identity.name, identity.release, contentHash ?? '', basename(request.file), bytes, request.synthetic ?? false, request.importedBy ?? null],
    );
    const id = created!.id;
    const partition = await createLinesPartition(tx, id);
    const reading = reader.start({ ...request, baciCountries }, summary, { datasetId: id, flushLines: request.flushLines, hashContent: contentHash === undefined });
    await tx.copyBinaryFrom(partition, LINE_COLUMNS, reading.tuples);
    const { rollupFixes, totals, contentHash: hashedWhileRead } = reading.outcome();
    await fixRollups(tx, partition, rollupFixes);
    await tx.copyBinaryFrom('trade_totals', TOTAL_COLUMNS, totals);
    // The planner knows the new rows from the first dashboard question on, not from autovacuum's first pass; a
    // small sample is enough for the few reporters, partners and years of a partition, and takes milliseconds.
    await tx.exec(`SET LOCAL default_statistics_target = 10; ANALYZE ${partition} (year, month, reporter, partner, flow)`);
    const reconciled = summary.layout === 'baci';
    await tx.query(
      `UPDATE trade_datasets SET layout = $2, reconciled = $3, rows_read = $4, records = $5, rejected = $6, skipped = $7,
              first_year = $8, last_year = $9, reporters = $10, total_value = $11, content_hash = coalesce($12, content_hash) WHERE id = $1`,
      [
        id,
        summary.layout,
        reconciled,
        summary.rowsRead,
        summary.records,
        summary.rejected,
        JSON.stringify(summary.skipped),
        summary.firstYear ?? null,
        summary.lastYear ?? null,
        summary.reporters.size,
        centsToDecimal(summary.totalValue),
        hashedWhileRead ?? null,
      ],
    );
    return { status: 'imported' as const, dataset: { id, ...identity }, replaced: previous ?? null, summary };
  });
}
