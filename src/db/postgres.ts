import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { framedBinaryCopy } from './binary-copy.ts';
import { DATE_OID, INT8_OID, NUMERIC_OID, copyStatement, identity, parseInt8, type Database, type Queryable } from './database.ts';

async function copyThrough(client: pg.PoolClient, table: string, columns: readonly string[], csv: AsyncIterable<string> | Iterable<string>): Promise<number> {
  const target = client.query(copyFromStdin(copyStatement(table, columns, 'STDIN')));
  await pipeline(Readable.from(csv), target);
  return target.rowCount ?? 0;
}

async function copyBinaryThrough(client: pg.PoolClient, table: string, columns: readonly string[], tuples: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<number> {
  const target = client.query(copyFromStdin(copyStatement(table, columns, 'STDIN', 'binary')));
  await pipeline(Readable.from(framedBinaryCopy(tuples)), target);
  return target.rowCount ?? 0;
}

const typeParsers = new Map<number, (text: string) => unknown>([
  [INT8_OID, parseInt8],
  [NUMERIC_OID, identity],
  [DATE_OID, identity],
]);
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary'): ((text: string) => unknown) =>
    typeParsers.get(oid) ?? (pg.types.getTypeParser(oid, format ?? 'text') as (text: string) => unknown),
};

/** Connects to a PostgreSQL server and checks that it answers before returning. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types, connectionTimeoutMillis: 10_000 });
  // A pool error on an idle client must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const probe = await pool.connect().catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw error;
  });
  probe.release();
  const query = async <T,>(runner: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) =>
    (await runner.query(sql, params ? [...params] : undefined)).rows as T[];
  const withClient = async <T,>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };
  return {
    kind: 'postgresql',
    query: (sql, params) => query(pool, sql, params),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const scoped: Queryable = {
          query: (sql, params) => query(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
          copyFrom: (table, columns, csv) => copyThrough(client, table, columns, csv),
          copyBinaryFrom: (table, columns, tuples) => copyBinaryThrough(client, table, columns, tuples),
        };
        const result = await work(scoped);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    copyFrom: (table, columns, csv) => withClient((client) => copyThrough(client, table, columns, csv)),
    copyBinaryFrom: (table, columns, tuples) => withClient((client) => copyBinaryThrough(client, table, columns, tuples)),
    close: () => pool.end(),
  };
}
