import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse';
import type { Database, Queryable } from '../../../db/database.ts';
import { centsToDecimal } from '../formats/decimal.ts';
import { detectLayout } from '../formats/detect.ts';
import { MAPPING_FIELDS, type ColumnMapping } from '../formats/mapped-csv.ts';
import { readBaciCountryCodes, releaseOf } from './companions.ts';
import { COPY_COLUMNS, emptySummary, readTradeFile, type ReadOptions, type ReadSummary } from './read.ts';
import { buildRollups } from './rollups.ts';

export interface ImportRequest extends Omit<ReadOptions, 'baciCountries'> {
  /** Dataset name; defaults to the file name without its release suffix. */
  dataset?: string | undefined;
  release?: string | undefined;
  synthetic?: boolean | undefined;
  importedBy?: string | null | undefined;
}

export interface ImportedDataset {
  id: string;
  name: string;
  release: string;
}

export type ImportResult =
  | { status: 'imported'; dataset: ImportedDataset; replaced: ImportedDataset | null; summary: ReadSummary }
  | { status: 'unchanged'; dataset: ImportedDataset };

async function hashFile(file: string, mapping: ColumnMapping | undefined): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) hash.update(chunk as Buffer);
  // The same bytes read with another column mapping are other data: a corrected mapping must import again.
  if (mapping) hash.update(JSON.stringify(MAPPING_FIELDS.map((name) => mapping[name] ?? (name === 'valueScale' ? 0 : null))));
  return hash.digest('hex');
}

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

const partitionName = (datasetId: string) => `trade_flows_${datasetId.replace(/-/g, '')}`;

export async function dropDataset(tx: Queryable, datasetId: string): Promise<void> {
  await tx.exec(`DROP TABLE IF EXISTS ${partitionName(datasetId)}`);
  await tx.query('DELETE FROM trade_datasets WHERE id = $1', [datasetId]);
}

/**
 * Imports one file as a dataset in a single transaction: the detailed rows by COPY into the dataset's own partition,
 * then the rollups. A file already imported (same content) changes nothing; a new release of a dataset replaces the
 * old one atomically. Killed midway, the transaction never commits and the previous data stays as it was.
 */
export async function importTradeFile(db: Database, request: ImportRequest): Promise<ImportResult> {
  const contentHash = await hashFile(request.file, request.mapping);
  const identity = datasetIdentity(request.file, request.dataset, request.release);
  const [existing] = await db.query<{ id: string; name: string; release: string }>(
    'SELECT id, name, release FROM trade_datasets WHERE content_hash = $1 AND name = $2',
    [contentHash, identity.name],
  );
  if (existing) return { status: 'unchanged', dataset: existing };

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
      `INSERT INTO trade_datasets (name, release, layout, reconciled, content_hash, source_file, rows_read, records, rejected, skipped, reporters, total_value, synthetic, imported_by)
       VALUES ($1, $2, 'csv', false, $3, $4, 0, 0, 0, '{}', 0, 0, $5, $6) RETURNING id`,
      [identity.name, identity.release, contentHash, basename(request.file), request.synthetic ?? false, request.importedBy ?? null],
    );
    const id = created!.id;
    const partition = partitionName(id);
    await tx.exec(`CREATE TABLE ${partition} PARTITION OF trade_flows FOR VALUES IN ('${id}');
      ALTER TABLE ${partition} ALTER COLUMN dataset_id SET DEFAULT '${id}'`);
    await tx.copyFrom(partition, COPY_COLUMNS, readTradeFile({ ...request, baciCountries }, summary));
    const reconciled = summary.layout === 'baci';
    await buildRollups(tx, { datasetId: id, partition, reconciled, productLevels: summary.productLevels });
    await tx.query(
      `UPDATE trade_datasets SET layout = $2, reconciled = $3, rows_read = $4, records = $5, rejected = $6, skipped = $7,
              first_year = $8, last_year = $9, reporters = $10, total_value = $11 WHERE id = $1`,
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
      ],
    );
    return { status: 'imported' as const, dataset: { id, ...identity }, replaced: previous ?? null, summary };
  });
}
