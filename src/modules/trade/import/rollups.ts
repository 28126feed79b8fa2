import type { Queryable } from '../../../db/database.ts';

const KEY = 'year, month, reporter, partner, flow';

/**
 * Fills the dashboard rollups of one dataset from its partition. Per reporter, partner, period and flow, the
 * all-product value is the reported TOTAL when the file has one, else the sum of its coarsest product level, so
 * files listing chapters and subheadings together are not counted twice. Reconciled datasets (BACI) get the
 * importer's side of the totals and world totals derived from the exporter's records; their importer's side of
 * products is read from the exporter's rows when asked (see productTotals), which halves the product rollup.
 */
export async function buildRollups(
  tx: Queryable,
  target: { datasetId: string; partition: string; reconciled: boolean; productLevels: ReadonlySet<number> },
): Promise<void> {
  const { datasetId, partition, reconciled, productLevels } = target;
  // Rollups group millions of rows; the default 4 MB of sort memory would spill every aggregate to disk.
  await tx.query(`SET LOCAL work_mem = '256MB'`);
  const level = `CASE WHEN product = 'TOTAL' THEN 0 ELSE length(product) END`;
  const totals =
    productLevels.size === 1
      ? `SELECT ${KEY}, sum(value) AS value, ${productLevels.has(0) ? 'false' : 'true'} AS summed FROM ${partition} GROUP BY ${KEY}`
      : `SELECT ${KEY}, value, lvl > 0 AS summed FROM (
           SELECT ${KEY}, lvl, sum(value) AS value, row_number() OVER (PARTITION BY ${KEY} ORDER BY lvl) AS pick
             FROM (SELECT ${KEY}, value, ${level} AS lvl FROM ${partition}) lines GROUP BY ${KEY}, lvl
         ) levels WHERE pick = 1`;
  await tx.query(`INSERT INTO trade_totals (dataset_id, ${KEY}, value, summed) SELECT $1, ${KEY}, value, summed FROM (${totals}) t`, [datasetId]);

  // Headings first: when the file has no chapter lines, chapters are summed from the (far smaller) heading rollup.
  for (const digits of [4, 2]) {
    const finer = [...productLevels].filter((l) => l >= digits);
    if (finer.length === 0) continue;
    if (digits === 2 && !productLevels.has(2)) {
      await tx.query(
        `INSERT INTO trade_products (dataset_id, ${KEY}, level, product, value)
         SELECT dataset_id, ${KEY}, 2, left(product, 2), sum(value) FROM trade_products
          WHERE dataset_id = $1 AND level = 4 GROUP BY dataset_id, ${KEY}, left(product, 2)`,
        [datasetId],
      );
      continue;
    }
    const lines =
      finer.length === 1
        ? `SELECT ${KEY}, product, value FROM ${partition} WHERE product <> 'TOTAL' AND length(product) = ${finer[0]}`
        : `SELECT ${KEY}, product, value FROM (
             SELECT ${KEY}, product, value, length(product) AS len, min(length(product)) OVER (PARTITION BY ${KEY}) AS use_len
               FROM ${partition} WHERE product <> 'TOTAL' AND length(product) >= ${digits}
           ) chosen WHERE len = use_len`;
    await tx.query(
      `INSERT INTO trade_products (dataset_id, ${KEY}, level, product, value)
       SELECT $1, ${KEY}, ${digits}, left(product, ${digits}), sum(value) FROM (${lines}) l GROUP BY ${KEY}, left(product, ${digits})`,
      [datasetId],
    );
  }

  if (reconciled) {
    await tx.query(
      `INSERT INTO trade_totals (dataset_id, ${KEY}, value, summed)
       SELECT dataset_id, year, month, partner, reporter, 'M', value, summed FROM trade_totals WHERE dataset_id = $1 AND flow = 'X'`,
      [datasetId],
    );
    await tx.query(
      `INSERT INTO trade_totals (dataset_id, ${KEY}, value, summed)
       SELECT dataset_id, year, month, reporter, 'WLD', flow, sum(value), true FROM trade_totals
        WHERE dataset_id = $1 AND partner <> 'WLD' GROUP BY dataset_id, year, month, reporter, flow`,
      [datasetId],
    );
  }
}
