-- International train services, their departures with the slots still free, bookings of container slots with the
-- events that moved them, and the containers booked. A departure's slots are held by its confirmed bookings: the
-- count is changed only by a conditional UPDATE in the booking's transaction, and a CHECK keeps it within capacity.
CREATE TABLE train_services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  operator_id uuid NOT NULL REFERENCES organisations (id),
  mode text NOT NULL DEFAULT 'rail' CHECK (mode IN ('rail', 'sea')),
  -- [{"node": …, "arriveOffsetMinutes": …, "departOffsetMinutes": …}], nodes of the logistics network, in order
  stops jsonb NOT NULL,
  -- container sizes taken (feet) and the price of a whole run per container of each size
  sizes smallint[] NOT NULL CHECK (cardinality(sizes) > 0 AND sizes <@ '{20,40}'::smallint[]),
  usd20 numeric(12, 2) CHECK (usd20 >= 0),
  usd40 numeric(12, 2) CHECK (usd40 >= 0),
  capacity_teu integer NOT NULL CHECK (capacity_teu > 0),
  cutoff_minutes integer NOT NULL CHECK (cutoff_minutes >= 0),
  -- the weekly pattern with its validity, extra and cancelled days (timetable.ts)
  timetable jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX train_services_operator ON train_services (operator_id);

CREATE TABLE train_departures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES train_services (id),
  departs_at timestamptz NOT NULL,
  -- [{"node": …, "arriveAt": minutes since epoch, "departAt": …}]
  stops jsonb NOT NULL,
  first_node text NOT NULL,
  last_node text NOT NULL,
  capacity_teu integer NOT NULL CHECK (capacity_teu > 0),
  teu_held integer NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'departed', 'arrived')),
  CHECK (teu_held BETWEEN 0 AND capacity_teu),
  UNIQUE (service_id, departs_at)
);
CREATE INDEX train_departures_departs_at ON train_departures (departs_at);

CREATE TABLE train_bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the order bookings were made in: the waitlist is served first come, first served
  seq bigint GENERATED ALWAYS AS IDENTITY,
  departure_id uuid NOT NULL REFERENCES train_departures (id),
  shipper_id uuid NOT NULL REFERENCES users (id),
  shipper_organisation_id uuid REFERENCES organisations (id),
  -- [{"size": 20 | 40, "count": n}]
  containers jsonb NOT NULL,
  teu integer NOT NULL CHECK (teu > 0),
  state text NOT NULL CHECK (state IN ('requested', 'confirmed', 'waitlisted', 'loaded', 'departed', 'arrived', 'delivered', 'cancelled')),
  -- a retried request with the same key gets the first answer; the hash tells a retry from another request
  idempotency_key text,
  request_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX train_bookings_idempotency ON train_bookings (shipper_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX train_bookings_departure_state ON train_bookings (departure_id, state, seq);

CREATE TABLE train_booking_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  booking_id uuid NOT NULL REFERENCES train_bookings (id),
  state text NOT NULL,
  actor_id uuid REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now(),
  note text
);
CREATE INDEX train_booking_events_booking ON train_booking_events (booking_id, id);

CREATE TABLE train_booking_containers (
  booking_id uuid NOT NULL REFERENCES train_bookings (id),
  -- ISO 6346, canonical form (container-number.ts)
  number text NOT NULL CHECK (number ~ '^[A-Z]{3}[UJZ][0-9]{7}$'),
  size smallint NOT NULL CHECK (size IN (20, 40)),
  PRIMARY KEY (booking_id, number)
);
