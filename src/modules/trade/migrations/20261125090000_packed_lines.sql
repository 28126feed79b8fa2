-- The lines of a statistics file are stored packed: one row holds the lines of one reporter, partner, period and
-- flow (a key spread over a file may take several rows), products and values as parallel arrays. Ten million lines
-- become about a hundred thousand rows, which load and index far faster than one row per line, and a product
-- question reads a handful of rows.
CREATE TABLE trade_lines (
  dataset_id uuid NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL CHECK (month BETWEEN 0 AND 12),
  reporter text NOT NULL,
  partner text NOT NULL,
  flow text NOT NULL CHECK (flow IN ('X', 'M', 'RX', 'RM')),
  -- 0: the file's own lines (TOTAL, chapters, headings, subheadings, as the file has them);
  -- 2 or 4: their chapter or heading rollup, summed from the coarsest lines of at least that many digits
  level smallint NOT NULL CHECK (level IN (0, 2, 4)),
  products text[] NOT NULL,
  value_cents bigint[] NOT NULL,
  -- NULL when no line of the row has the measure; a NULL element when that line lacks it
  net_weights_kg double precision[],
  quantities double precision[],
  CHECK (cardinality(products) = cardinality(value_cents))
) PARTITION BY LIST (dataset_id);
CREATE INDEX trade_lines_reporter ON trade_lines (reporter, level, year);
-- reconciled datasets answer an importer's product questions from its partners' export rows
CREATE INDEX trade_lines_partner ON trade_lines (partner, level, year);

-- Datasets imported before: one partition each, filled from the earlier one-row-per-line layout and its rollup.
DO $$
DECLARE
  d record;
BEGIN
  FOR d IN SELECT id FROM trade_datasets LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF trade_lines FOR VALUES IN (%L)', 'trade_lines_' || replace(d.id::text, '-', ''), d.id);
    EXECUTE format('ALTER TABLE %I ALTER COLUMN dataset_id SET DEFAULT %L', 'trade_lines_' || replace(d.id::text, '-', ''), d.id);
  END LOOP;
END $$;

INSERT INTO trade_lines (dataset_id, year, month, reporter, partner, flow, level, products, value_cents, net_weights_kg, quantities)
SELECT dataset_id, year, month, reporter, partner, flow, 0,
       array_agg(product ORDER BY product), array_agg((value * 100)::bigint ORDER BY product),
       CASE WHEN bool_or(net_weight_kg IS NOT NULL) THEN array_agg(net_weight_kg ORDER BY product) END,
       CASE WHEN bool_or(quantity IS NOT NULL) THEN array_agg(quantity ORDER BY product) END
  FROM trade_flows
 GROUP BY dataset_id, year, month, reporter, partner, flow;

INSERT INTO trade_lines (dataset_id, year, month, reporter, partner, flow, level, products, value_cents)
SELECT dataset_id, year, month, reporter, partner, flow, level,
       array_agg(product ORDER BY product), array_agg((value * 100)::bigint ORDER BY product)
  FROM trade_products
 GROUP BY dataset_id, year, month, reporter, partner, flow, level;

DROP TABLE trade_products;
DROP TABLE trade_flows;

-- A foreign key check per totals row costs a fifth of their load; deleting a dataset deletes its totals itself.
ALTER TABLE trade_totals DROP CONSTRAINT trade_totals_dataset_id_fkey;
