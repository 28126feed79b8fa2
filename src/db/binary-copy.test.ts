import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BinaryTupleWriter, TextPool } from './binary-copy.ts';
import type { Database } from './database.ts';
import { testDatabaseKinds } from './testing.ts';

const COLUMNS = ['id', 'owner', 'year', 'total', 'ratio', 'label', 'codes', 'amounts', 'weights'];

/** Tuples in chunks of about `chunkBytes`, as an importer streams them. */
async function* tuples(count: number, chunkBytes = 64 * 1024): AsyncGenerator<Uint8Array> {
  const writer = new BinaryTupleWriter(1024);
  for (let i = 1; i <= count; i++) {
    writer.tuple(COLUMNS.length).int4(i).uuid('0b7c6f7e-3f4a-4c1e-9d55-2f1b9a8e7d60').int2(2000 + (i % 30));
    writer.int8(i * 1_000_003 - 500_000_000);
    if (i % 7 === 0) writer.null();
    else writer.float8(i / 8);
    writer.text(i % 2 ? `Ürümqi–${i}` : '乌鲁木齐');
    writer.textArray([0, 1, 2].map((k) => String(i * 10 + k).padStart(6, '0')));
    writer.int8Array(Float64Array.of(7, 0, -i, Number.MAX_SAFE_INTEGER), 1, 4);
    if (i % 5 === 0) writer.null();
    else writer.float8Array(Float64Array.of(i, i % 3 === 0 ? Number.NaN : i + 1 / 4, 99), 0, 2);
    if (writer.size >= chunkBytes) yield writer.take();
  }
  yield writer.take();
}

describe.each(testDatabaseKinds())('bulk loading binary tuples with COPY on $name', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
    await db.exec(`CREATE TABLE packed (id int PRIMARY KEY, owner uuid, year smallint, total bigint, ratio double precision,
      label text, codes text[], amounts bigint[], weights double precision[])`);
  });
  afterAll(async () => {
    await db.close();
  });

  it('loads every tuple with its numbers, texts, arrays and NULLs exact, and says how many', async () => {
    // Enough rows to cross PGlite's batch size, so a load made of several COPY statements is covered.
    expect(await db.copyBinaryFrom('packed', COLUMNS, tuples(300_000))).toBe(300_000);
    const rows = await db.query<Record<string, unknown>>(
      `SELECT id, owner::text AS owner, year, total::text AS total, ratio, label, codes, amounts::text[] AS amounts, weights
         FROM packed WHERE id IN (1, 14, 15, 300000) ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 1, owner: '0b7c6f7e-3f4a-4c1e-9d55-2f1b9a8e7d60', year: 2001, total: String(1_000_003 - 500_000_000), ratio: 0.125, label: 'Ürümqi–1', codes: ['000010', '000011', '000012'], amounts: ['0', '-1', String(Number.MAX_SAFE_INTEGER)], weights: [1, 1.25] },
      { id: 14, owner: '0b7c6f7e-3f4a-4c1e-9d55-2f1b9a8e7d60', year: 2014, total: String(14 * 1_000_003 - 500_000_000), ratio: null, label: '乌鲁木齐', codes: ['000140', '000141', '000142'], amounts: ['0', '-14', String(Number.MAX_SAFE_INTEGER)], weights: [14, 14.25] },
      { id: 15, owner: '0b7c6f7e-3f4a-4c1e-9d55-2f1b9a8e7d60', year: 2015, total: String(15 * 1_000_003 - 500_000_000), ratio: 1.875, label: 'Ürümqi–15', codes: ['000150', '000151', '000152'], amounts: ['0', '-15', String(Number.MAX_SAFE_INTEGER)], weights: null },
      { id: 300000, owner: '0b7c6f7e-3f4a-4c1e-9d55-2f1b9a8e7d60', year: 2000, total: String(300_000 * 1_000_003 - 500_000_000), ratio: 37500, label: '乌鲁木齐', codes: ['3000000', '3000001', '3000002'], amounts: ['0', '-300000', String(Number.MAX_SAFE_INTEGER)], weights: null },
    ]);
    const [nulls] = await db.query<{ n: number }>('SELECT count(*) AS n FROM packed WHERE weights[2] IS NULL AND weights IS NOT NULL');
    // i % 3 === 0 and i % 5 !== 0: 100,000 - 20,000
    expect(nulls!.n).toBe(80_000);
  });

  it('loads arrays of pooled texts as the texts themselves, whatever their script', async () => {
    await db.exec('CREATE TABLE pooled (id int, codes text[])');
    const pool = new TextPool();
    const names = ['TOTAL', 'Ürümqi', '乌鲁木齐', '', 'Алматы'];
    const writer = new BinaryTupleWriter(16);
    for (let id = 0; id < 3; id++) {
      const chosen = names.slice(id).map((name) => pool.idOf(name));
      writer.tuple(2).int4(id).pooledTextArray(pool, Int32Array.from([0, ...chosen]), 1, chosen.length + 1);
    }
    expect(pool.texts).toEqual(names);
    expect(await db.copyBinaryFrom('pooled', ['id', 'codes'], (async function* () { yield writer.take(); })())).toBe(3);
    const rows = await db.query<{ id: number; codes: string[] }>('SELECT id, codes FROM pooled ORDER BY id');
    expect(rows).toEqual([0, 1, 2].map((id) => ({ id, codes: names.slice(id) })));
  });

  it('loads cents as exact numerics with two decimals, and booleans', async () => {
    await db.exec('CREATE TABLE money (id int, value numeric(22, 2), summed boolean)');
    const cents = [0, 1, 10, 99, 100, 101, 10_000, 1_000_000, 123_456_789, 100_000_000_000, -5, -100_001, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    const writer = new BinaryTupleWriter(16);
    cents.forEach((value, id) => writer.tuple(3).int4(id).numericCents(value).bool(id % 2 === 0));
    await db.copyBinaryFrom('money', ['id', 'value', 'summed'], (async function* () { yield writer.take(); })());
    const rows = await db.query<{ value: string; summed: boolean }>('SELECT value::text AS value, summed FROM money ORDER BY id');
    const decimal = (c: number) => `${c < 0 ? '-' : ''}${(BigInt(Math.abs(c)) / 100n).toString()}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
    expect(rows).toEqual(cents.map((c, id) => ({ value: decimal(c), summed: id % 2 === 0 })));
    expect(() => new BinaryTupleWriter().numericCents(0.5)).toThrow(RangeError);
  });

  it('keeps nothing of a binary COPY whose transaction fails afterwards', async () => {
    await db.exec('TRUNCATE packed');
    await expect(
      db.transaction(async (tx) => {
        await tx.copyBinaryFrom('packed', COLUMNS, tuples(1000));
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect((await db.query<{ n: number }>('SELECT count(*) AS n FROM packed'))[0]!.n).toBe(0);
  });
});

describe('BinaryTupleWriter', () => {
  it('hands over what it wrote in a buffer of its own, so the piece can be transferred to another thread', () => {
    const writer = new BinaryTupleWriter(64);
    writer.tuple(1).int4(7);
    const piece = writer.take();
    expect(writer.size).toBe(0);
    writer.tuple(1).int4(8);
    const next = writer.take();
    expect(Array.from(piece)).toEqual([0, 1, 0, 0, 0, 4, 0, 0, 0, 7]);
    expect(Array.from(next)).toEqual([0, 1, 0, 0, 0, 4, 0, 0, 0, 8]);
    expect(next.buffer).not.toBe(piece.buffer);
    // Transferring the piece leaves the writer's next buffer usable.
    structuredClone(piece, { transfer: [piece.buffer as ArrayBuffer] });
    expect(piece.byteLength).toBe(0);
    writer.tuple(1).int4(9);
    expect(Array.from(writer.take())).toEqual([0, 1, 0, 0, 0, 4, 0, 0, 0, 9]);
  });

  it('refuses integers it cannot write exactly', () => {
    expect(() => new BinaryTupleWriter().int8(2 ** 53)).toThrow(RangeError);
    expect(() => new BinaryTupleWriter().int8(1.5)).toThrow(RangeError);
    expect(() => new BinaryTupleWriter().uuid('not-a-uuid')).toThrow(RangeError);
  });
});
