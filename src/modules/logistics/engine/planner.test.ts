import { describe, expect, it } from 'vitest';
import { describePlannerConformance, link, network, node } from './conformance.ts';
import { createPlanner } from './planner.ts';

describePlannerConformance('label setting', createPlanner);

describe('createPlanner', () => {
  it('refuses a departure time that is not a number rather than searching without end', () => {
    const planner = createPlanner(network([node('A', 'CHN'), node('B', 'CHN')], [link('AB', 'A', 'B', 'road', 100, 100, 100)]), []);
    expect(() => planner.plan({ from: 'A', to: 'B', containers: [{ size: 20, count: 1 }], departAfter: Number.NaN })).toThrow(RangeError);
    expect(planner.plan({ from: 'A', to: 'B', containers: [{ size: 20, count: 1 }], departAfter: 0 }).found).toBe(true);
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
