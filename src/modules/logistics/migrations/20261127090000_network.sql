-- The multimodal network the route planner plans on: nodes, links between them, and the corridors links belong to.
-- Shipped with a reference network (src/modules/logistics/reference/), edited by admins afterwards.
CREATE TABLE logistics_sources (
  id text PRIMARY KEY,
  title text NOT NULL,
  url text,
  note text
);

CREATE TABLE logistics_corridors (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
  kind text NOT NULL CHECK (kind IN ('economic_corridor', 'railway_express', 'road', 'bridge', 'sea_route')),
  names jsonb NOT NULL,
  sources text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE logistics_nodes (
  id text PRIMARY KEY CHECK (id ~ '^[A-Z0-9][A-Z0-9-]*$'),
  names jsonb NOT NULL,
  kind text NOT NULL CHECK (kind IN ('city', 'rail_terminal', 'border_crossing', 'seaport', 'dry_port', 'multimodal_hub')),
  country text NOT NULL CHECK (country ~ '^[A-Z]{3}$'),
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  locode text CHECK (locode ~ '^[A-Z]{2}[A-Z0-9]{3}$'),
  -- handling of a container: {"minutes": …, "usd20": …, "usd40": …}; customs and gauge change only where they happen
  transshipment jsonb NOT NULL,
  customs jsonb,
  gauge_change jsonb,
  sources text[] NOT NULL DEFAULT '{}',
  estimated text[] NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX logistics_nodes_locode ON logistics_nodes (locode) WHERE locode IS NOT NULL;

CREATE TABLE logistics_links (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
  from_node text NOT NULL REFERENCES logistics_nodes (id),
  to_node text NOT NULL REFERENCES logistics_nodes (id),
  mode text NOT NULL CHECK (mode IN ('rail', 'road', 'sea', 'inland_water')),
  -- track gauges in millimetres (rail only): one, or two on a link carrying both
  gauges smallint[] CHECK ((mode = 'rail') = (gauges IS NOT NULL AND cardinality(gauges) > 0)),
  distance_km double precision NOT NULL CHECK (distance_km > 0),
  distance_estimated boolean NOT NULL DEFAULT false,
  minutes integer NOT NULL CHECK (minutes >= 0),
  usd20 numeric(12, 2) NOT NULL CHECK (usd20 >= 0),
  usd40 numeric(12, 2) NOT NULL CHECK (usd40 >= 0),
  co2_grams_per_tonne_km double precision CHECK (co2_grams_per_tonne_km >= 0),
  status text NOT NULL CHECK (status IN ('open', 'under_construction', 'closed')),
  one_way boolean NOT NULL DEFAULT false,
  scheduled_only boolean NOT NULL DEFAULT false,
  corridors text[] NOT NULL DEFAULT '{}',
  -- [[lon, lat], …] from from_node to to_node
  geometry jsonb NOT NULL,
  sources text[] NOT NULL DEFAULT '{}',
  estimated text[] NOT NULL DEFAULT '{}',
  CHECK (from_node <> to_node)
);
CREATE INDEX logistics_links_from ON logistics_links (from_node);
CREATE INDEX logistics_links_to ON logistics_links (to_node);

-- One row: bumped by every change, so each server instance knows when its compiled copy of the network is stale.
CREATE TABLE logistics_network_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO logistics_network_version (version) VALUES (0);
