import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { loadReferenceData } from './reference.ts';

export interface TestDatabaseKind {
  name: 'pglite' | 'postgresql';
  /** A new empty database, dropped again by its close(). */
  open(): Promise<Database>;
}

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Creates an empty database on the server of `adminUrl`; `drop()` removes it even while clients are connected. */
export async function createThrowawayPostgres(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `scohub_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A throwaway database on the server named by TEST_DATABASE_URL, created for one test file. */
async function openThrowawayPostgres(adminUrl: string): Promise<Database> {
  const throwaway = await createThrowawayPostgres(adminUrl);
  const db = await openPostgres(throwaway.url, 5);
  return {
    ...db,
    close: async () => {
      await db.close();
      await throwaway.drop();
    },
  };
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. Data tests run once per kind. */
export function testDatabaseKinds(env = process.env): TestDatabaseKind[] {
  const kinds: TestDatabaseKind[] = [{ name: 'pglite', open: () => openPglite() }];
  const url = env.TEST_DATABASE_URL;
  if (url) kinds.push({ name: 'postgresql', open: () => openThrowawayPostgres(url) });
  return kinds;
}

/** A new database with every migration applied and no data: the server's tables before start-up loads anything. */
export async function openMigratedDatabase(kind: TestDatabaseKind): Promise<Database> {
  const db = await kind.open();
  await migrate(db);
  return db;
}

/** A migrated database with the reference data loaded, as the server has it after start-up. */
export async function openSeededDatabase(kind: TestDatabaseKind): Promise<Database> {
  const db = await openMigratedDatabase(kind);
  await loadReferenceData(db);
  return db;
}
