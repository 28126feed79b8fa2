/**
 * When a departure will arrive, from its planned stops and the operator's events: the time still planned from the
 * last place it was seen, added to when it was seen there. Pure, so the rules are tested without a database.
 */
export const TRACKING_KINDS = ['departed', 'arrived_at', 'border_crossed', 'gauge_changed', 'delayed', 'arrived'] as const;
export type TrackingKind = (typeof TRACKING_KINDS)[number];

/** A stop with its planned times, in minutes since the Unix epoch (as `Departure.stops`). */
export interface PlannedStop {
  node: string;
  arriveAt?: number | undefined;
  departAt?: number | undefined;
}

export interface TrackingEvent {
  kind: TrackingKind;
  node: string | null;
  /** Minutes since the Unix epoch. */
  at: number;
  /** For 'delayed': the delay now expected at arrival. */
  delayMinutes: number | null;
}

export interface Position {
  node: string;
  at: number;
  kind: Exclude<TrackingKind, 'delayed'>;
}

export interface Eta {
  /** Expected (or, once arrived, actual) arrival at the last stop, minutes since the Unix epoch. */
  eta: number;
  /** The ETA against the planned arrival: negative when ahead of plan. */
  delayMinutes: number;
  lastPosition?: Position;
  arrived: boolean;
}

/** A stop's planned time for an event there: leaving it for a departure or a passage, reaching it for an arrival. */
function plannedAt(stop: PlannedStop, kind: Exclude<TrackingKind, 'delayed' | 'arrived'>): number | undefined {
  return kind === 'arrived_at' ? (stop.arriveAt ?? stop.departAt) : (stop.departAt ?? stop.arriveAt);
}

export function plannedArrival(stops: readonly PlannedStop[]): number {
  const last = stops.at(-1);
  const time = last?.arriveAt ?? last?.departAt;
  if (time === undefined) throw new Error('a departure needs a planned time at its last stop');
  return time;
}

/**
 * The ETA from the events in the order they happened (by `at`, then as recorded). The latest position sets the
 * delay: its time less the planned time at that stop. A 'delayed' report counts until the next position (the fresher
 * measure); the latest one replaces earlier ones and wins when larger than what the position implies. 'arrived' is final.
 */
export function estimateArrival(stops: readonly PlannedStop[], events: readonly TrackingEvent[]): Eta {
  const planned = plannedArrival(stops);
  const ordered = events.map((event, i) => ({ event, i })).sort((a, b) => a.event.at - b.event.at || a.i - b.i);
  let positionDelay = 0;
  let reported: number | undefined;
  let lastPosition: Position | undefined;
  for (const { event } of ordered) {
    if (event.kind === 'delayed') {
      reported = event.delayMinutes ?? 0;
      continue;
    }
    if (event.kind === 'arrived') {
      const position = { node: event.node ?? stops.at(-1)!.node, at: event.at, kind: event.kind };
      return { eta: event.at, delayMinutes: event.at - planned, lastPosition: position, arrived: true };
    }
    const stop = stops.find((candidate) => candidate.node === event.node);
    const time = stop && plannedAt(stop, event.kind);
    if (time === undefined) continue;
    lastPosition = { node: stop!.node, at: event.at, kind: event.kind };
    positionDelay = event.at - time;
    reported = undefined;
  }
  const delayMinutes = reported === undefined ? positionDelay : Math.max(positionDelay, reported);
  return { eta: planned + delayMinutes, delayMinutes, ...(lastPosition ? { lastPosition } : {}), arrived: false };
}
