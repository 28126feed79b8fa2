import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { MigrationError, currentMigrationVersion, discoverMigrations, migrate, type Migration } from './migrate.ts';
import { testDatabaseKinds } from './testing.ts';

const migration = (version: string, sql: string): Migration => ({ version, name: `m${version}`, file: `test/${version}_m.sql`, sql, checksum: sql });

describe('migration discovery', () => {
  it('finds the platform and module migrations in timestamp order', async () => {
    const found = await discoverMigrations();
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.map((m) => m.version)).toEqual([...found.map((m) => m.version)].sort());
    expect(found.map((m) => m.file)).toContain('org/migrations/20261124100100_org_registry.sql');
  });
});

describe.each(testDatabaseKinds())('migrations on $name', (kind) => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('applies pending migrations once and records the version', async () => {
    db = await kind.open();
    const all = [migration('20260101000000', 'CREATE TABLE a (x int)'), migration('20260102000000', 'CREATE TABLE b (y int)')];
    expect((await migrate(db, all)).applied).toHaveLength(2);
    expect(await migrate(db, all)).toEqual({ applied: [], version: '20260102000000' });
    expect(await currentMigrationVersion(db)).toBe('20260102000000');
  });

  it('rolls back every migration of a run when one fails, and names the failing file', async () => {
    db = await kind.open();
    const all = [migration('20260101000000', 'CREATE TABLE a (x int)'), migration('20260102000000', 'CREATE TABLE a (x int)')];
    await expect(migrate(db, all)).rejects.toThrow(MigrationError);
    await expect(migrate(db, all)).rejects.toThrow(/test\/20260102000000_m\.sql failed/);
    expect(await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'a'`)).toEqual([]);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    db = await kind.open();
    await migrate(db, [migration('20260101000000', 'CREATE TABLE a (x int)')]);
    await expect(migrate(db, [migration('20260101000000', 'CREATE TABLE a (x bigint)')])).rejects.toThrow(/was changed after it was applied/);
  });

  it('lets instances that start together apply each migration exactly once', async () => {
    db = await kind.open();
    const all = await discoverMigrations();
    const runs = await Promise.all([migrate(db, all), migrate(db, all), migrate(db, all)]);
    expect(runs.map((r) => r.applied.length).sort()).toEqual([0, 0, all.length]);
  });
});
