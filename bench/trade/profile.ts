import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Database } from '../../src/db/database.ts';
import { readBaciCountryCodes } from '../../src/modules/trade/import/companions.ts';
import { createLinesPartition } from '../../src/modules/trade/import/import-dataset.ts';
import { LINE_COLUMNS, LinePacker } from '../../src/modules/trade/import/packer.ts';
import { emptySummary, packTradeFile } from '../../src/modules/trade/import/read.ts';
import { timed } from './measure.ts';

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

async function* replay(pieces: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const piece of pieces) yield piece;
}

/**
 * Times each stage of the PostgreSQL import on its own: hashing, the reader and packer alone (parse, validate,
 * pack, encode) with its output discarded, and COPY alone of tuples already encoded (held in memory for that, so
 * the profile needs memory for the whole packed file). The COPY runs in a transaction that is rolled back.
 */
export async function profilePostgres(db: Database, file: string, log: (text: string) => void): Promise<Profile> {
  const phases: ProfilePhase[] = [];
  const baciCountries = await readBaciCountryCodes(file);

  const hash = await timed(async () => {
    const digest = createHash('sha256');
    for await (const chunk of createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) digest.update(chunk as Buffer);
    return digest.digest('hex');
  });
  phases.push({ label: 'sha256 of the file', ms: hash.ms });

  const summary = emptySummary();
  const pieces: Uint8Array[] = [];
  const read = await timed(async () => {
    for await (const piece of packTradeFile({ file, baciCountries }, summary, new LinePacker())) pieces.push(piece);
  });
  const bytes = pieces.reduce((sum, p) => sum + p.byteLength, 0);
  phases.push({ label: 'read, validate, pack and encode alone', ms: read.ms, note: `${(bytes / 2 ** 20).toFixed(0)} MiB of tuples` });
  log(`  reader and packer alone: ${(read.ms / 1000).toFixed(1)} s`);

  await db
    .transaction(async (tx) => {
      const [dataset] = await tx.query<{ id: string }>(
        `INSERT INTO trade_datasets (name, release, layout, reconciled, content_hash, source_file, rows_read, records, rejected, skipped, reporters, total_value, synthetic)
         VALUES ('profile', 'p', 'baci', true, 'profile', 'profile', 0, 0, 0, '{}', 0, 0, true) RETURNING id`,
      );
      const partition = await createLinesPartition(tx, dataset!.id);
      const copied = await timed(() => tx.copyBinaryFrom(partition, LINE_COLUMNS, replay(pieces)));
      phases.push({ label: 'COPY alone of the encoded tuples', ms: copied.ms, note: `${copied.result} rows` });
      log(`  COPY alone: ${(copied.ms / 1000).toFixed(1)} s`);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return { rows: summary.rowsRead, phases };
}
