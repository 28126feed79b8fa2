import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { DATE_OID, INT8_OID, NUMERIC_OID, identity, parseInt8, type Database, type Queryable } from './database.ts';

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
        };
        return work(scoped);
      }),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: () => pg.close(),
  };
}
