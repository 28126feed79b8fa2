import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { testDatabaseKinds } from './testing.ts';

async function* csvRows(count: number, chunkRows = 1000): AsyncGenerator<string> {
  let chunk = '';
  for (let i = 1; i <= count; i++) {
    chunk += `${i},"name, ""${i}""",${i % 10 === 0 ? '' : `${i}.25`}\n`;
    if (i % chunkRows === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

describe.each(testDatabaseKinds())('bulk loading with COPY on $name', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
    await db.exec('CREATE TABLE copied (id int PRIMARY KEY, label text NOT NULL, amount numeric)');
  });
  afterAll(async () => {
    await db.close();
  });

  it('loads every row, with quoted text, commas and NULLs intact, and says how many', async () => {
    expect(await db.copyFrom('copied', ['id', 'label', 'amount'], csvRows(120_000))).toBe(120_000);
    const [stats] = await db.query<{ n: number; total: string; nulls: number; label: string }>(
      `SELECT count(*) AS n, sum(amount)::text AS total, count(*) FILTER (WHERE amount IS NULL) AS nulls,
              (SELECT label FROM copied WHERE id = 7) AS label FROM copied`,
    );
    const expectedTotal = Array.from({ length: 120_000 }, (_, i) => i + 1)
      .filter((i) => i % 10 !== 0)
      .reduce((sum, i) => sum + BigInt(i) * 100n + 25n, 0n);
    expect(stats).toEqual({ n: 120_000, total: `${expectedTotal / 100n}.${String(expectedTotal % 100n).padStart(2, '0')}`, nulls: 12_000, label: 'name, "7"' });
  });

  it('keeps nothing of a COPY whose transaction fails afterwards', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.copyFrom('copied', ['id', 'label', 'amount'], (async function* () {
          yield '500001,a,1\n500002,b,2\n';
        })());
        throw new Error('abort the import');
      }),
    ).rejects.toThrow('abort the import');
    expect(await db.query('SELECT id FROM copied WHERE id > 500000')).toEqual([]);
  });

  it('fails the whole load on a bad row', async () => {
    await expect(db.copyFrom('copied', ['id', 'label', 'amount'], (async function* () {
      yield '600001,a,1\n600002,b,not-a-number\n';
    })())).rejects.toThrow();
    expect(await db.query('SELECT id FROM copied WHERE id > 600000')).toEqual([]);
  });
});
