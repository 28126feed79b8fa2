/**
 * What a planned route's legs say they spend: each leg carries the handling at its start and the customs at every
 * border it crosses, and over the legs these add up to the route's totals and breakdown.
 */
import { describe, expect, it } from 'vitest';
import { T0, departure, legsInconsistency, link, network, node, query } from './conformance.ts';
import { createPlanner } from './planner.ts';
import type { Handling, PlannedRoute, RouteAnswer } from './types.ts';

const handling = (minutes: number, usd20: number, usd40: number): Handling => ({ minutes, usd: { 20: usd20, 40: usd40 } });

function onlyRoute(answer: RouteAnswer): PlannedRoute {
  if (!answer.found) throw new Error(`no route, cut by ${answer.cutBy.join(', ') || 'nothing'}`);
  expect(answer.routes).toHaveLength(1);
  return answer.routes[0]!;
}

describe('route legs', () => {
  it('shows the customs of two border crossings inside one leg, summed, on that leg', () => {
    const planner = createPlanner(
      network(
        [node('A', 'CHN'), node('K', 'KAZ', { customs: handling(90, 40, 60) }), node('R', 'RUS', { customs: handling(120, 50, 80) })],
        [link('AK', 'A', 'K', 'road', 300, 300, 400), link('KR', 'K', 'R', 'road', 400, 400, 500)],
      ),
      [],
    );
    const containers = [
      { size: 20, count: 1 },
      { size: 40, count: 2 },
    ] as const;
    const route = onlyRoute(planner.plan(query('A', 'R', { containers })));
    expect(route.legs).toHaveLength(1);
    expect(route.legs[0]).toMatchObject({
      from: 'A',
      to: 'R',
      links: ['AK', 'KR'],
      departAt: T0,
      arriveAt: T0 + 300 + 90 + 400 + 120,
      usd: 200 + 2 * 400 + 250 + 2 * 500,
      handlingBefore: { transshipment: 0, gaugeChange: 0, usd: 0 },
      // Entering KAZ at K: 40 + 2 × 60; entering RUS at R: 50 + 2 × 80.
      customs: { minutes: 90 + 120, usd: 160 + 210 },
    });
    expect(route).toMatchObject({ borderCrossings: 2, minutes: 910, usd: 2250 + 370 });
  });

  it('shows the customs of a crossing into the destination on the last leg', () => {
    const planner = createPlanner(
      network(
        [node('A', 'CHN'), node('B', 'CHN', { transshipment: handling(60, 30, 50) }), node('D', 'KAZ', { customs: handling(120, 70, 100) })],
        [link('AB', 'A', 'B', 'road', 100, 120, 300), link('BD', 'B', 'D', 'rail', 500, 600, 700, { gauge: 1520 })],
      ),
      [],
    );
    const route = onlyRoute(planner.plan(query('A', 'D')));
    expect(route.legs.map((leg) => [leg.from, leg.to, leg.customs])).toEqual([
      ['A', 'B', { minutes: 0, usd: 0 }],
      ['B', 'D', { minutes: 120, usd: 100 }],
    ]);
    expect(route.legs[1]).toMatchObject({ departAt: T0 + 120 + 60, arriveAt: T0 + 120 + 60 + 600 + 120, handlingBefore: { transshipment: 60, gaugeChange: 0, usd: 50 } });
    expect(route.legs[1]!.arriveAt).toBe(route.arriveAt);
    expect(route).toMatchObject({ minutes: 900, usd: 300 + 50 + 700 + 100 });
  });

  it('adds up, over the legs, moving, handling and customs to the route’s minutes, dollars and breakdown', () => {
    const planner = createPlanner(
      network(
        [
          node('A', 'CHN'),
          node('X', 'KAZ', { customs: handling(90, 40, 60), transshipment: handling(60, 30, 50) }),
          node('Y', 'KAZ', { gaugeChange: handling(180, 150, 300) }),
          node('Z', 'RUS', { customs: handling(120, 50, 80) }),
          node('W', 'BLR', { customs: handling(30, 20, 25) }),
        ],
        [
          link('AX', 'A', 'X', 'road', 200, 240, 400),
          link('XY', 'X', 'Y', 'rail', 300, 300, 300, { gauge: 1520 }),
          link('YZ', 'Y', 'Z', 'rail', 400, 400, 500, { gauge: 1435 }),
          link('ZW', 'Z', 'W', 'rail', 100, 100, 200, { gauge: 1435 }),
        ],
      ),
      [],
    );
    const route = onlyRoute(planner.plan(query('A', 'W')));
    // A border at the end of the first leg, a transshipment, a gauge change, then two borders on the last leg.
    expect(route.legs.map((leg) => [leg.from, leg.to, leg.handlingBefore, leg.customs])).toEqual([
      ['A', 'X', { transshipment: 0, gaugeChange: 0, usd: 0 }, { minutes: 90, usd: 60 }],
      ['X', 'Y', { transshipment: 60, gaugeChange: 0, usd: 50 }, { minutes: 0, usd: 0 }],
      ['Y', 'W', { transshipment: 0, gaugeChange: 180, usd: 300 }, { minutes: 120 + 30, usd: 80 + 25 }],
    ]);
    expect(route).toMatchObject({ minutes: 1520, usd: 1915, borderCrossings: 3, transshipments: 2, gaugeChanges: 1 });

    const sum = (value: (leg: PlannedRoute['legs'][number]) => number): number => route.legs.reduce((total, leg) => total + value(leg), 0);
    const handlingMinutes = sum((leg) => leg.handlingBefore.transshipment + leg.handlingBefore.gaugeChange);
    expect(sum((leg) => leg.arriveAt - leg.departAt) + handlingMinutes + route.breakdown.minutes.waiting).toBe(route.minutes);
    expect(sum((leg) => leg.usd + leg.handlingBefore.usd + leg.customs.usd)).toBe(route.usd);
    expect(sum((leg) => leg.customs.minutes)).toBe(route.breakdown.minutes.customs);
    expect(sum((leg) => leg.customs.usd)).toBe(route.breakdown.usd.customs);
    expect(sum((leg) => leg.handlingBefore.usd)).toBe(route.breakdown.usd.transshipment + route.breakdown.usd.gaugeChange);
    expect(sum((leg) => leg.arriveAt - leg.departAt - leg.customs.minutes)).toBe(route.breakdown.minutes.moving);
    expect(legsInconsistency(route)).toBeUndefined();
  });

  it('shows the customs money of a departure’s border crossings on the ride’s leg, its time being in the timetable', () => {
    const first = T0 + 3000;
    const planner = createPlanner(
      network(
        [
          node('R', 'CHN'),
          node('A', 'CHN', { transshipment: handling(120, 60, 100) }),
          node('B', 'KAZ', { customs: handling(90, 40, 60) }),
          node('C', 'RUS', { customs: handling(60, 30, 50) }),
        ],
        [
          link('RA', 'R', 'A', 'road', 40, 60, 200),
          link('AB', 'A', 'B', 'rail', 1000, 1440, 0, { gauge: 1435, scheduledOnly: true }),
          link('BC', 'B', 'C', 'rail', 1000, 1400, 0, { gauge: 1435, scheduledOnly: true }),
        ],
      ),
      [departure('D1', 'rail', [['A', undefined, first], ['B', first + 1500, first + 1600], ['C', first + 3000, undefined]], 50, 4000)],
    );
    const route = onlyRoute(planner.plan(query('R', 'C')));
    expect(route.legs.map((leg) => [leg.from, leg.to, leg.departureId, leg.usd, leg.customs])).toEqual([
      ['R', 'A', undefined, 200, { minutes: 0, usd: 0 }],
      ['A', 'C', 'D1', 4000, { minutes: 0, usd: 60 + 50 }],
    ]);
    expect(route.legs[1]).toMatchObject({ departAt: first, arriveAt: first + 3000, handlingBefore: { transshipment: 120, gaugeChange: 0, usd: 100 } });
    expect(route).toMatchObject({ minutes: 6000, usd: 200 + 100 + 4000 + 110, borderCrossings: 2 });
    expect(route.breakdown.minutes).toEqual({ moving: 60 + 3000, waiting: 3000 - 180, transshipment: 120, customs: 0, gaugeChange: 0 });
    expect(route.breakdown.usd.customs).toBe(110);
    expect(legsInconsistency(route)).toBeUndefined();
  });
});
