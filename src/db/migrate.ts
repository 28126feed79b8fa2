import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

export interface Migration {
  /** The timestamp prefix of the file name, e.g. `20261124120000`; migrations run in this order. */
  version: string;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATION_FILE = /^(\d{14})_([a-z0-9_]+)\.sql$/;
// Any constant shared by every instance; serialises concurrent start-ups on one server.
const MIGRATION_LOCK_KEY = 72_010_615;

/** Every migration of the platform and its modules: `src/db/migrations` and `src/modules/<module>/migrations`. */
export async function discoverMigrations(root = srcDir): Promise<Migration[]> {
  const folders = [join(root, 'db', 'migrations')];
  for (const entry of await readdir(join(root, 'modules'), { withFileTypes: true })) {
    if (entry.isDirectory()) folders.push(join(root, 'modules', entry.name, 'migrations'));
  }
  const migrations: Migration[] = [];
  for (const folder of folders) {
    const files = await readdir(folder).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith('.sql'))) {
      const match = MIGRATION_FILE.exec(file);
      if (!match) throw new MigrationError(`Migration file ${join(folder, file)} must be named <14-digit timestamp>_<name>.sql`);
      const sql = await readFile(join(folder, file), 'utf8');
      migrations.push({
        version: match[1]!,
        name: match[2]!,
        file: join(basename(dirname(folder)), basename(folder), file),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      });
    }
  }
  migrations.sort((a, b) => a.version.localeCompare(b.version));
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new MigrationError(`Migrations ${migrations[i - 1]!.file} and ${migrations[i]!.file} share version ${migrations[i]!.version}`);
    }
  }
  return migrations;
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so instances starting together
 * apply each migration once and a failing migration leaves the schema as it was.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<{ applied: string[]; version: string | null }> {
  const all = migrations ?? (await discoverMigrations());
  const applied = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Map(
      (await tx.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations')).map((r) => [r.version, r.checksum]),
    );
    const newlyApplied: string[] = [];
    for (const migration of all) {
      const checksum = done.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new MigrationError(`Migration ${migration.file} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.file} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      newlyApplied.push(migration.file);
    }
    return newlyApplied;
  });
  return { applied, version: await currentMigrationVersion(db) };
}

export async function currentMigrationVersion(db: Database): Promise<string | null> {
  const rows = await db.query<{ version: string | null }>('SELECT max(version) AS version FROM schema_migrations');
  return rows[0]?.version ?? null;
}
