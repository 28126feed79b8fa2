-- A dataset is one release of one source (e.g. 'baci-hs17' release 'V202401'); one release per name is live.
CREATE TABLE trade_datasets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9._-]*$'),
  release text NOT NULL,
  layout text NOT NULL CHECK (layout IN ('comtrade-legacy', 'comtrade-current', 'baci', 'csv')),
  -- BACI reconciles both sides of each flow into one record; the importer's view is derived from the exporter's
  reconciled boolean NOT NULL,
  content_hash text NOT NULL,
  source_file text NOT NULL,
  rows_read bigint NOT NULL,
  records bigint NOT NULL,
  rejected bigint NOT NULL,
  skipped jsonb NOT NULL,
  first_year smallint,
  last_year smallint,
  reporters integer NOT NULL,
  total_value numeric(24, 2) NOT NULL,
  -- generated data for benchmarks and tests; never presented as official statistics
  synthetic boolean NOT NULL DEFAULT false,
  imported_by uuid REFERENCES users (id),
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX trade_datasets_name_key ON trade_datasets (name);
CREATE INDEX trade_datasets_content_hash ON trade_datasets (content_hash);

-- Detailed records, one partition per dataset so a release is replaced or deleted by dropping a table.
CREATE TABLE trade_flows (
  dataset_id uuid NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL CHECK (month BETWEEN 0 AND 12),
  reporter text NOT NULL,
  partner text NOT NULL,
  flow text NOT NULL CHECK (flow IN ('X', 'M', 'RX', 'RM')),
  product text NOT NULL,
  value numeric(20, 2) NOT NULL,
  net_weight_kg double precision,
  quantity double precision
) PARTITION BY LIST (dataset_id);

-- Rollup: all-product value per reporter, partner, period and flow (both sides for reconciled datasets).
CREATE TABLE trade_totals (
  dataset_id uuid NOT NULL REFERENCES trade_datasets (id) ON DELETE CASCADE,
  year smallint NOT NULL,
  month smallint NOT NULL,
  reporter text NOT NULL,
  partner text NOT NULL,
  flow text NOT NULL,
  value numeric(22, 2) NOT NULL,
  -- whether the value is a reported TOTAL or summed from product lines
  summed boolean NOT NULL
);
CREATE INDEX trade_totals_reporter ON trade_totals (reporter, year, dataset_id);
CREATE INDEX trade_totals_partner ON trade_totals (partner, year, dataset_id);

-- Rollup: value by HS chapter (level 2) and heading (level 4) per reporter, partner, period and flow.
CREATE TABLE trade_products (
  dataset_id uuid NOT NULL REFERENCES trade_datasets (id) ON DELETE CASCADE,
  year smallint NOT NULL,
  month smallint NOT NULL,
  reporter text NOT NULL,
  partner text NOT NULL,
  flow text NOT NULL,
  level smallint NOT NULL CHECK (level IN (2, 4)),
  product text NOT NULL,
  value numeric(22, 2) NOT NULL
);
CREATE INDEX trade_products_reporter ON trade_products (reporter, year, level, dataset_id);
-- reconciled datasets answer an importer's product questions from its partners' export rows
CREATE INDEX trade_products_partner ON trade_products (partner, year, level, dataset_id);

-- Named groups of partners beyond the SCO statuses, e.g. 'CENTRAL_ASIA'.
CREATE TABLE trade_groups (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,40}$'),
  name text NOT NULL,
  members text[] NOT NULL
);
