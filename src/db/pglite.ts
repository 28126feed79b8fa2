import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { BINARY_COPY_HEADER, BINARY_COPY_TRAILER } from './binary-copy.ts';
import { DATE_OID, INT8_OID, NUMERIC_OID, copyStatement, identity, parseInt8, type Database, type Queryable } from './database.ts';

// PGlite reads COPY input from an in-memory blob; loading in batches of this size keeps memory bounded.
const COPY_BATCH_BYTES = 16 * 1024 * 1024;

async function copyInBatches(runner: Pick<PGlite, 'query'>, table: string, columns: readonly string[], csv: AsyncIterable<string>): Promise<number> {
  const statement = copyStatement(table, columns, `'/dev/blob'`);
  let rows = 0;
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const result = await runner.query(statement, [], { blob: new Blob(batch) });
    rows += result.affectedRows ?? 0;
    batch = [];
    size = 0;
  };
  for await (const chunk of csv) {
    batch.push(chunk);
    size += chunk.length;
    if (size >= COPY_BATCH_BYTES) await flush();
  }
  await flush();
  return rows;
}

async function copyBinaryInBatches(runner: Pick<PGlite, 'query'>, table: string, columns: readonly string[], tuples: AsyncIterable<Uint8Array>): Promise<number> {
  const statement = copyStatement(table, columns, `'/dev/blob'`, 'binary');
  let rows = 0;
  let batch: Uint8Array[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const result = await runner.query(statement, [], { blob: new Blob([BINARY_COPY_HEADER, ...batch, BINARY_COPY_TRAILER]) });
    rows += result.affectedRows ?? 0;
    batch = [];
    size = 0;
  };
  for await (const chunk of tuples) {
    batch.push(chunk);
    size += chunk.byteLength;
    if (size >= COPY_BATCH_BYTES) await flush();
  }
  await flush();
  return rows;
}

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
          copyFrom: (table, columns, csv) => copyInBatches(tx, table, columns, csv),
          copyBinaryFrom: (table, columns, tuples) => copyBinaryInBatches(tx, table, columns, tuples),
        };
        return work(scoped);
      }),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    copyFrom: (table, columns, csv) => pg.transaction((tx) => copyInBatches(tx, table, columns, csv)),
    copyBinaryFrom: (table, columns, tuples) => pg.transaction((tx) => copyBinaryInBatches(tx, table, columns, tuples)),
    close: () => pg.close(),
  };
}
