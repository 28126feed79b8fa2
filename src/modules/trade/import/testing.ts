/** SQL for tests: the entries of a trade_lines row as (level, product, cents); level 0 for the file's own lines. */
export const ROLLUP_ENTRIES = `LATERAL (SELECT 4, * FROM unnest(heading_products, heading_cents) UNION ALL SELECT 2, * FROM unnest(chapter_products, chapter_cents))
  AS line (level, product, cents)`;

export const LINE_ENTRIES = `LATERAL (SELECT 0, * FROM unnest(products, value_cents) UNION ALL SELECT 4, * FROM unnest(heading_products, heading_cents)
  UNION ALL SELECT 2, * FROM unnest(chapter_products, chapter_cents)) AS line (level, product, cents)`;
