import { describe, expect, it } from 'vitest';
import { estimateArrival, type TrackingEvent } from './eta.ts';

/** The block train of fixtures.ts: leaves Ürümqi at T, Alashankou 600–900 (the border), Dostyk at 1000. */
const T = 29_000_000;
const STOPS = [
  { node: 'CN-URUMQI', departAt: T },
  { node: 'CN-ALASHANKOU', arriveAt: T + 600, departAt: T + 900 },
  { node: 'KZ-DOSTYK', arriveAt: T + 1000 },
];

const event = (kind: TrackingEvent['kind'], at: number, node: string | null = null, delayMinutes: number | null = null): TrackingEvent => ({ kind, node, at, delayMinutes });

describe('estimated arrival of a departure', () => {
  it('is the planned arrival before any event', () => {
    expect(estimateArrival(STOPS, [])).toEqual({ eta: T + 1000, delayMinutes: 0, arrived: false });
  });

  it('keeps the remaining legs as planned from a late departure', () => {
    expect(estimateArrival(STOPS, [event('departed', T + 45, 'CN-URUMQI')])).toEqual({
      eta: T + 1045,
      delayMinutes: 45,
      lastPosition: { node: 'CN-URUMQI', at: T + 45, kind: 'departed' },
      arrived: false,
    });
  });

  it('counts from the planned arrival at a stop for arrived_at, and from its planned departure for a border or gauge change', () => {
    expect(estimateArrival(STOPS, [event('departed', T, 'CN-URUMQI'), event('arrived_at', T + 630, 'CN-ALASHANKOU')])).toMatchObject({ eta: T + 1030, delayMinutes: 30 });
    expect(estimateArrival(STOPS, [event('border_crossed', T + 1000, 'CN-ALASHANKOU')])).toMatchObject({ eta: T + 1100, delayMinutes: 100 });
    expect(estimateArrival(STOPS, [event('gauge_changed', T + 880, 'CN-ALASHANKOU')])).toMatchObject({ eta: T + 980, delayMinutes: -20 });
  });

  it('takes a planned arrival where a stop has no planned departure, and the reverse', () => {
    const stops = [{ node: 'CN-URUMQI', departAt: T }, { node: 'CN-ALASHANKOU', arriveAt: T + 600 }, { node: 'KZ-DOSTYK', arriveAt: T + 1000 }];
    expect(estimateArrival(stops, [event('border_crossed', T + 700, 'CN-ALASHANKOU')])).toMatchObject({ eta: T + 1100 });
    expect(estimateArrival(STOPS, [event('arrived_at', T + 10, 'CN-URUMQI')])).toMatchObject({ eta: T + 1010 });
  });

  it('adds a reported delay when it is larger than what the position implies', () => {
    const departedLate = event('departed', T + 45, 'CN-URUMQI');
    expect(estimateArrival(STOPS, [departedLate, event('delayed', T + 300, null, 120)])).toMatchObject({ eta: T + 1120, delayMinutes: 120 });
    expect(estimateArrival(STOPS, [departedLate, event('delayed', T + 300, null, 30)])).toMatchObject({ eta: T + 1045, delayMinutes: 45 });
  });

  it('lets the latest delay report replace earlier ones, and a later position replace the reports', () => {
    const reports = [event('departed', T, 'CN-URUMQI'), event('delayed', T + 100, null, 240), event('delayed', T + 200, null, 60)];
    expect(estimateArrival(STOPS, reports)).toMatchObject({ eta: T + 1060, delayMinutes: 60 });
    expect(estimateArrival(STOPS, [...reports, event('arrived_at', T + 610, 'CN-ALASHANKOU')])).toMatchObject({ eta: T + 1010, delayMinutes: 10 });
  });

  it('counts a delay reported before the train left on top of the plan', () => {
    expect(estimateArrival(STOPS, [event('delayed', T - 60, null, 90)])).toMatchObject({ eta: T + 1090, delayMinutes: 90, arrived: false });
  });

  it('orders events by when they happened, not when they were recorded', () => {
    const backfilled = [event('arrived_at', T + 700, 'CN-ALASHANKOU'), event('departed', T + 20, 'CN-URUMQI')];
    expect(estimateArrival(STOPS, backfilled)).toMatchObject({ eta: T + 1100, lastPosition: { node: 'CN-ALASHANKOU', kind: 'arrived_at' } });
  });

  it('fixes the ETA to the arrival once arrived', () => {
    const events = [event('departed', T, 'CN-URUMQI'), event('delayed', T + 100, null, 300), event('arrived', T + 1200, 'KZ-DOSTYK')];
    expect(estimateArrival(STOPS, events)).toEqual({ eta: T + 1200, delayMinutes: 200, lastPosition: { node: 'KZ-DOSTYK', at: T + 1200, kind: 'arrived' }, arrived: true });
  });

  it('ignores a position at a place the departure does not stop at', () => {
    expect(estimateArrival(STOPS, [event('arrived_at', T + 500, 'RU-MOSCOW')])).toEqual({ eta: T + 1000, delayMinutes: 0, arrived: false });
  });
});
