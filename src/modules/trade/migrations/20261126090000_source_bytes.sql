-- The size of the imported file: a file of another size cannot be a re-import of the same content, so only a file of
-- the same size (or of a dataset imported before sizes were kept) is hashed before its import; others are hashed as
-- they are read.
ALTER TABLE trade_datasets ADD COLUMN source_bytes bigint;

-- Every question of the totals is asked of one reporter; nothing reads them by partner.
DROP INDEX trade_totals_partner;

-- A key's heading and chapter rollups sit in the row of its lines rather than in rows of their own: a third of the
-- rows to load and index. A key spread over several rows may hold its rollups in any of them; queries sum the rows.
ALTER TABLE trade_lines
  ADD COLUMN heading_products text[],
  ADD COLUMN heading_cents bigint[],
  ADD COLUMN chapter_products text[],
  ADD COLUMN chapter_cents bigint[],
  ADD CHECK (cardinality(heading_products) = cardinality(heading_cents)),
  ADD CHECK (cardinality(chapter_products) = cardinality(chapter_cents));
-- Stored uncompressed like the lines (see import-dataset.ts); partitions made from here on set it themselves.
ALTER TABLE trade_lines
  ALTER COLUMN heading_products SET STORAGE EXTERNAL,
  ALTER COLUMN heading_cents SET STORAGE EXTERNAL,
  ALTER COLUMN chapter_products SET STORAGE EXTERNAL,
  ALTER COLUMN chapter_cents SET STORAGE EXTERNAL;

-- Rollup rows of earlier imports become rows holding a rollup and no lines.
UPDATE trade_lines SET heading_products = products, heading_cents = value_cents, products = '{}', value_cents = '{}' WHERE level = 4;
UPDATE trade_lines SET chapter_products = products, chapter_cents = value_cents, products = '{}', value_cents = '{}' WHERE level = 2;
ALTER TABLE trade_lines DROP COLUMN level;
CREATE INDEX trade_lines_reporter ON trade_lines (reporter, year);
-- reconciled datasets answer an importer's product questions from its partners' export rows
CREATE INDEX trade_lines_partner ON trade_lines (partner, year);
