import { describe, expect, it } from 'vitest';
import { describePlannerConformance, link, network, node } from './conformance.ts';
import { createPlanner } from './planner.ts';
import { SearchLimitReached } from './search-limit.ts';
import { syntheticRoadNetwork } from '../synthetic/road-network.ts';

describePlannerConformance('label setting', createPlanner);

describe('createPlanner', () => {
  it('refuses a departure time that is not a number rather than searching without end', () => {
    const planner = createPlanner(network([node('A', 'CHN'), node('B', 'CHN')], [link('AB', 'A', 'B', 'road', 100, 100, 100)]), []);
    expect(() => planner.plan({ from: 'A', to: 'B', containers: [{ size: 20, count: 1 }], departAfter: Number.NaN })).toThrow(RangeError);
    expect(planner.plan({ from: 'A', to: 'B', containers: [{ size: 20, count: 1 }], departAfter: 0 }).found).toBe(true);
  });

  it('refuses a tolerance that is not a share between 0 and 1', () => {
    const planner = createPlanner(network([node('A', 'CHN'), node('B', 'CHN')], [link('AB', 'A', 'B', 'road', 100, 100, 100)]), []);
    for (const tolerance of [-0.1, 1.5, Number.NaN]) {
      expect(() => planner.plan({ from: 'A', to: 'B', containers: [{ size: 20, count: 1 }], departAfter: 0, tolerance })).toThrow(RangeError);
    }
  });

  it('gives up on a query that reaches its label limit or its deadline, and answers it without limits', () => {
    const roads = syntheticRoadNetwork({ edges: 3000, seed: 7 });
    const planner = createPlanner(roads, []);
    const query = { from: roads.nodes[0]!.id, to: roads.nodes[roads.nodes.length - 1]!.id, containers: [{ size: 40 as const, count: 1 }], departAfter: 0 };
    expect(() => planner.plan(query, { maxLabels: 3 })).toThrow(new SearchLimitReached('labels'));
    expect(() => planner.plan(query, { deadline: performance.now() - 1 })).toThrow(new SearchLimitReached('time'));
    expect(planner.plan(query, { maxLabels: 1e7, deadline: performance.now() + 60_000 }).found).toBe(true);
  });

  it('lists departures it cannot plan on, and why', () => {
    const planner = createPlanner(network([node('A', 'CHN'), node('B', 'CHN'), node('C', 'CHN')], [link('AB', 'A', 'B', 'rail', 100, 100, 100)]), [
      {
        id: 'NO-LINK',
        serviceId: 's',
        serviceName: 'S',
        mode: 'rail',
        stops: [
          { node: 'A', departAt: 10 },
          { node: 'C', arriveAt: 20 },
        ],
        teuLeft: 10,
        usd: { 20: 1, 40: 2 },
        cutoffMinutes: 0,
      },
      {
        id: 'ROAD',
        serviceId: 's',
        serviceName: 'S',
        mode: 'road',
        stops: [
          { node: 'A', departAt: 10 },
          { node: 'B', arriveAt: 20 },
        ],
        teuLeft: 10,
        usd: { 20: 1, 40: 2 },
        cutoffMinutes: 0,
      },
    ]);
    expect(planner.departures.ignored).toEqual([
      { departureId: 'NO-LINK', reason: 'no_link_between_stops' },
      { departureId: 'ROAD', reason: 'no_link_between_stops' },
    ]);
  });
});
