import { describe, expect, it } from 'vitest';
import { link, network, node, query } from './conformance.ts';
import { createPlanner } from './planner.ts';
import type { NetworkLink, PlannedRoute, RouteAnswer } from './types.ts';

function routesOf(answer: RouteAnswer): readonly PlannedRoute[] {
  if (!answer.found) throw new Error(`no route, cut by ${answer.cutBy.join(', ') || 'nothing'}`);
  return answer.routes;
}

/** The links of each route, one list per route. */
const linksOf = (answer: RouteAnswer): string[][] => routesOf(answer).map((route) => route.legs.flatMap((leg) => leg.links));

/** Two road links from A to B: `FAST` arrives first, `SLOW` an hour and a half later. */
function twoRoads(fast: Partial<NetworkLink>, slow: Partial<NetworkLink>): ReturnType<typeof createPlanner> {
  return createPlanner(
    network([node('A', 'CHN'), node('B', 'CHN')], [{ ...link('FAST', 'A', 'B', 'road', 500, 600, 1000), ...fast }, { ...link('SLOW', 'A', 'B', 'road', 500, 700, 1000), ...slow }]),
    [],
  );
}

describe('route query tolerance on cost and CO2', () => {
  it('offers only the faster of two roads whose prices differ by 1 % once the tolerance exceeds that', () => {
    // The slower road is 1 % cheaper: a distinct option in the exact answer, not with a 2 % tolerance.
    const planner = twoRoads({ usd: { 20: 505, 40: 1010 } }, {});
    expect(linksOf(planner.plan(query('A', 'B')))).toEqual([['FAST'], ['SLOW']]);
    expect(linksOf(planner.plan(query('A', 'B', { tolerance: 0 })))).toEqual([['FAST'], ['SLOW']]);
    expect(linksOf(planner.plan(query('A', 'B', { tolerance: 0.005 })))).toEqual([['FAST'], ['SLOW']]);
    expect(linksOf(planner.plan(query('A', 'B', { tolerance: 0.02 })))).toEqual([['FAST']]);
    // A route exactly at the tolerance counts as matched.
    expect(linksOf(planner.plan(query('A', 'B', { tolerance: 0.01 })))).toEqual([['FAST']]);
  });

  it('relaxes CO2 as it does cost', () => {
    // The slower road is 1 % shorter, so it emits 1 % less at the same price.
    const planner = twoRoads({}, { distanceKm: 495 });
    expect(linksOf(planner.plan(query('A', 'B')))).toEqual([['FAST'], ['SLOW']]);
    expect(linksOf(planner.plan(query('A', 'B', { tolerance: 0.02 })))).toEqual([['FAST']]);
  });

  it('keeps a cheaper route whose cost differs by more than the tolerance', () => {
    const planner = twoRoads({ usd: { 20: 550, 40: 1100 } }, {});
    expect(linksOf(planner.plan(query('A', 'B', { tolerance: 0.05 })))).toEqual([['FAST'], ['SLOW']]);
    expect(linksOf(planner.plan(query('A', 'B', { tolerance: 0.2 })))).toEqual([['FAST']]);
  });

  it('never relaxes arrival time: the fastest route stays, however close the cost of a slower one', () => {
    // The faster road costs 1 % more: under any tolerance it is not covered by the cheaper, slower one.
    const planner = twoRoads({ usd: { 20: 505, 40: 1010 } }, {});
    for (const tolerance of [0, 0.02, 0.5, 1]) {
      const routes = routesOf(planner.plan(query('A', 'B', { tolerance })));
      expect(routes[0]!.legs[0]!.links).toEqual(['FAST']);
      expect(routes[0]!.arriveAt - routes[0]!.departAt).toBe(600);
    }
  });

  it('never relaxes transshipments: a route with fewer stays beside a faster, near-equal one with more', () => {
    const planner = createPlanner(
      network(
        [node('A', 'CHN'), node('X', 'CHN', { transshipment: { minutes: 0, usd: { 20: 0, 40: 0 } } }), node('B', 'CHN')],
        [
          link('ROAD', 'A', 'B', 'road', 1000, 1200, 1000),
          // Road then rail over the same distance, an hour faster and 1 % dearer, with one transshipment at X.
          link('AX', 'A', 'X', 'road', 500, 500, 505),
          link('XB', 'X', 'B', 'rail', 500, 640, 505, { gauge: 1435, co2GramsPerTonneKm: 90.3 }),
        ],
      ),
      [],
    );
    const exact = routesOf(planner.plan(query('A', 'B')));
    expect(exact.map((route) => [route.transshipments, route.usd])).toEqual([
      [1, 1010],
      [0, 1000],
    ]);
    expect(routesOf(planner.plan(query('A', 'B', { tolerance: 0.05 }))).map((route) => route.transshipments)).toEqual([1, 0]);
  });

  it('drops a route covered at an intermediate node, but finds its near-equal instead', () => {
    // Two ways from A to X, the second 1 % cheaper and slower; both go on to B by the same road.
    const planner = createPlanner(
      network(
        [node('A', 'CHN'), node('X', 'CHN'), node('B', 'CHN')],
        [link('AX-FAST', 'A', 'X', 'road', 500, 600, 1010), link('AX-SLOW', 'A', 'X', 'road', 500, 700, 1000), link('XB', 'X', 'B', 'road', 500, 600, 1000)],
      ),
      [],
    );
    expect(linksOf(planner.plan(query('A', 'B')))).toEqual([
      ['AX-FAST', 'XB'],
      ['AX-SLOW', 'XB'],
    ]);
    const [only, ...rest] = routesOf(planner.plan(query('A', 'B', { tolerance: 0.02 })));
    expect(rest).toEqual([]);
    expect(only!.legs[0]!.links).toEqual(['AX-FAST', 'XB']);
    expect(only!.usd).toBe(2010);
  });
});
