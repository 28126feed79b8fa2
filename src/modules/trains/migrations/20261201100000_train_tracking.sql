-- Where a departure is: the operator's events, each with who recorded it and when. A node must be one of the
-- departure's stops (checked in code, as the stops are JSON). The ETA is computed from these rows, never stored.
CREATE TABLE train_departure_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  departure_id uuid NOT NULL REFERENCES train_departures (id),
  kind text NOT NULL CHECK (kind IN ('departed', 'arrived_at', 'border_crossed', 'gauge_changed', 'delayed', 'arrived')),
  node text,
  -- when it happened, as the operator says, or when it was posted
  at timestamptz NOT NULL,
  -- for 'delayed': the delay now expected at arrival
  delay_minutes integer CHECK (delay_minutes >= 0),
  reason text CHECK (length(reason) <= 500),
  actor_id uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
-- the timeline of a departure and the stream's "events after id n"
CREATE INDEX train_departure_events_departure ON train_departure_events (departure_id, id);
