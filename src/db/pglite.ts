import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { BINARY_COPY_HEADER, BINARY_COPY_TRAILER } from './binary-copy.ts';
import { DATE_OID, INT8_OID, NUMERIC_OID, copyStatement, identity, parseInt8, type Database, type Queryable } from './database.ts';

// PGlite reads COPY input from an in-memory blob; loading in batches of this size keeps memory bounded.
const COPY_BATCH_BYTES = 16 * 1024 * 1024;

/**
 * Runs `statement` (a COPY from '/dev/blob') once per batch of about COPY_BATCH_BYTES; `framed` wraps a batch's
 * chunks in what one COPY needs (the binary format's header and trailer).
 */
async function copyInBatches<Chunk extends string | Uint8Array>(
  runner: Pick<PGlite, 'query'>,
  statement: string,
  chunks: AsyncIterable<Chunk> | Iterable<Chunk>,
  framed: (batch: Chunk[]) => Array<string | Uint8Array> = (batch) => batch,
): Promise<number> {
  let rows = 0;
  let batch: Chunk[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const result = await runner.query(statement, [], { blob: new Blob(framed(batch)) });
    rows += result.affectedRows ?? 0;
    batch = [];
    size = 0;
  };
  for await (const chunk of chunks) {
    batch.push(chunk);
    size += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    if (size >= COPY_BATCH_BYTES) await flush();
  }
  await flush();
  return rows;
}

const copyCsv = (runner: Pick<PGlite, 'query'>, table: string, columns: readonly string[], csv: AsyncIterable<string> | Iterable<string>) =>
  copyInBatches(runner, copyStatement(table, columns, `'/dev/blob'`), csv);

const copyBinary = (runner: Pick<PGlite, 'query'>, table: string, columns: readonly string[], tuples: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) =>
  copyInBatches(runner, copyStatement(table, columns, `'/dev/blob'`, 'binary'), tuples, (batch) => [BINARY_COPY_HEADER, ...batch, BINARY_COPY_TRAILER]);

const parsers = { [INT8_OID]: parseInt8, [NUMERIC_OID]: identity, [DATE_OID]: identity };

/** Opens the embedded database: in memory when `dataDir` is undefined, otherwise persisted in that folder. */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir ?? 'memory://', { parsers });
  const query = async <T,>(runner: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]) =>
    (await runner.query<T>(sql, params ? [...params] : undefined)).rows;
  return {
    kind: 'pglite',
    query: (sql, params) => query(pg, sql, params),
    transaction: (work) =>
      pg.transaction((tx) => {
        const scoped: Queryable = {
          query: (sql, params) => query(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
          copyFrom: (table, columns, csv) => copyCsv(tx, table, columns, csv),
          copyBinaryFrom: (table, columns, tuples) => copyBinary(tx, table, columns, tuples),
        };
        return work(scoped);
      }),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    copyFrom: (table, columns, csv) => pg.transaction((tx) => copyCsv(tx, table, columns, csv)),
    copyBinaryFrom: (table, columns, tuples) => pg.transaction((tx) => copyBinary(tx, table, columns, tuples)),
    close: () => pg.close(),
  };
}
