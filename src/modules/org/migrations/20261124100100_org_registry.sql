CREATE TABLE states (
  iso3 char(3) PRIMARY KEY CHECK (iso3 ~ '^[A-Z]{3}$'),
  iso2 char(2) NOT NULL UNIQUE CHECK (iso2 ~ '^[A-Z]{2}$'),
  m49 char(3) NOT NULL UNIQUE CHECK (m49 ~ '^[0-9]{3}$'),
  name_en text NOT NULL,
  name_ru text NOT NULL,
  name_zh_hans text NOT NULL,
  name_zh_hant text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A state's standing in the SCO over time; the current status is the latest entry in effect.
CREATE TABLE state_statuses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- recording order, which decides between two entries of the same date (Laos: dialogue partner, then partner)
  seq bigint GENERATED ALWAYS AS IDENTITY,
  iso3 char(3) NOT NULL REFERENCES states (iso3),
  status text NOT NULL CHECK (status IN ('member', 'observer', 'dialogue_partner', 'partner', 'accession_in_progress')),
  -- NULL when no source dates the change; a year-only date is stored as 1 January with precision 'year'
  since date,
  since_precision text NOT NULL CHECK (since_precision IN ('day', 'year', 'unknown')),
  event text NOT NULL,
  source text NOT NULL CHECK (length(btrim(source)) > 0),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((since IS NULL) = (since_precision = 'unknown'))
);
CREATE UNIQUE INDEX state_statuses_entry_key ON state_statuses (iso3, status, coalesce(since, '-infinity'::date));

-- Figures as published (never computed here), so later modules can check their own results against them.
CREATE TABLE indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9.-]*$'),
  subject text NOT NULL,
  metric text NOT NULL CHECK (metric ~ '^[a-z][a-z0-9_]*$'),
  reporter text,
  partner text,
  period text NOT NULL,
  value numeric NOT NULL,
  unit text NOT NULL,
  qualifier text NOT NULL CHECK (qualifier IN ('exact', 'about', 'over')),
  base_period text,
  source text NOT NULL CHECK (length(btrim(source)) > 0),
  quote text NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX indicators_key ON indicators (key);
CREATE INDEX indicators_metric ON indicators (metric, period);
