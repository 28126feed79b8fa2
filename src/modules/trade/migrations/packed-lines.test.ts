import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { discoverMigrations, migrate } from '../../../db/migrate.ts';
import { testDatabaseKinds } from '../../../db/testing.ts';

const PACKED = '20261125090000';

describe.each(testDatabaseKinds())('moving datasets to packed lines on $name', (kind) => {
  let db: Database;
  const id = '6f1c2a6e-8d3b-4c5e-9a1f-0b2c3d4e5f60';
  beforeAll(async () => {
    db = await kind.open();
    const all = await discoverMigrations();
    await migrate(
      db,
      all.filter((m) => m.version < PACKED),
    );
    // A dataset imported in the earlier layout: one row per line, rollups in trade_products.
    await db.exec(`
      INSERT INTO trade_datasets (id, name, release, layout, reconciled, content_hash, source_file, rows_read, records, rejected, skipped, reporters, total_value)
      VALUES ('${id}', 'earlier', 'r1', 'csv', false, 'h', 'f.csv', 3, 3, 0, '{}', 1, 175.50);
      CREATE TABLE trade_flows_old PARTITION OF trade_flows FOR VALUES IN ('${id}');
      INSERT INTO trade_flows VALUES
        ('${id}', 2021, 0, 'KGZ', 'CHN', 'M', '010121', 100.25, 5, NULL),
        ('${id}', 2021, 0, 'KGZ', 'CHN', 'M', '010129', 50.25, NULL, NULL),
        ('${id}', 2021, 0, 'KGZ', 'RUS', 'X', 'TOTAL', 25, NULL, NULL);
      INSERT INTO trade_totals VALUES ('${id}', 2021, 0, 'KGZ', 'CHN', 'M', 150.50, true), ('${id}', 2021, 0, 'KGZ', 'RUS', 'X', 25, false);
      INSERT INTO trade_products VALUES ('${id}', 2021, 0, 'KGZ', 'CHN', 'M', 4, '0101', 150.50), ('${id}', 2021, 0, 'KGZ', 'CHN', 'M', 2, '01', 150.50);
    `);
    await migrate(db, all);
  });
  afterAll(async () => {
    await db.close();
  });

  it('packs the lines and rollups of every dataset into its own partition and drops the earlier tables', async () => {
    const none = { heading_products: null, heading_cents: null, chapter_products: null, chapter_cents: null };
    expect(
      await db.query(
        `SELECT reporter, partner, flow, products, value_cents::text[] AS cents, net_weights_kg, heading_products, heading_cents::text[] AS heading_cents,
                chapter_products, chapter_cents::text[] AS chapter_cents
           FROM trade_lines_${id.replace(/-/g, '')} ORDER BY reporter, partner, cardinality(products) DESC, heading_products NULLS FIRST`,
      ),
    ).toEqual([
      { reporter: 'KGZ', partner: 'CHN', flow: 'M', products: ['010121', '010129'], cents: ['10025', '5025'], net_weights_kg: [5, null], ...none },
      // the rollup rows of the earlier layout become rows with no lines, holding their rollup in its own columns
      { reporter: 'KGZ', partner: 'CHN', flow: 'M', products: [], cents: [], net_weights_kg: null, ...none, chapter_products: ['01'], chapter_cents: ['15050'] },
      { reporter: 'KGZ', partner: 'CHN', flow: 'M', products: [], cents: [], net_weights_kg: null, ...none, heading_products: ['0101'], heading_cents: ['15050'] },
      { reporter: 'KGZ', partner: 'RUS', flow: 'X', products: ['TOTAL'], cents: ['2500'], net_weights_kg: null, ...none },
    ]);
    const [dataset] = await db.query<{ source_bytes: string | null }>('SELECT source_bytes FROM trade_datasets WHERE id = $1', [id]);
    expect(dataset!.source_bytes).toBeNull();
    const [left] = await db.query<{ flows: string | null; products: string | null }>(
      `SELECT to_regclass('trade_flows')::text AS flows, to_regclass('trade_products')::text AS products`,
    );
    expect(left).toEqual({ flows: null, products: null });
    expect((await db.query<{ n: number }>('SELECT count(*) AS n FROM trade_totals WHERE dataset_id = $1', [id]))[0]!.n).toBe(2);
  });
});
