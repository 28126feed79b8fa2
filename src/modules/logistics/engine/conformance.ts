/**
 * The scenarios every `RoutePlanner` must pass, on small hand-built networks with answers worked out by hand.
 * Run it from a test file: `describePlannerConformance('label setting', createPlanner)`.
 */
import { describe, expect, it } from 'vitest';
import type { RoutePlanner } from './planner.ts';
import type { Departure, Handling, Mode, Network, NetworkLink, NetworkNode, PlannedRoute, RouteAnswer, RouteLeg, RouteQuery } from './types.ts';

export type PlannerFactory = (network: Network, departures: readonly Departure[]) => RoutePlanner;

/** 2023-03-15 00:00 UTC in minutes since the epoch: a Wednesday. */
export const T0 = 27_981_360;
const WEEK = 7 * 24 * 60;

const handling = (minutes: number, usd20: number, usd40: number): Handling => ({ minutes, usd: { 20: usd20, 40: usd40 } });

export function node(id: string, country: string, extra: Partial<NetworkNode> = {}): NetworkNode {
  return { id, name: id, kind: 'rail_terminal', country, lat: 0, lon: 0, transshipment: handling(60, 50, 80), ...extra };
}

export function link(
  id: string,
  from: string,
  to: string,
  mode: Mode,
  distanceKm: number,
  minutes: number,
  usd40: number,
  extra: Partial<NetworkLink> = {},
): NetworkLink {
  return { id, from, to, mode, distanceKm, minutes, usd: { 20: usd40 / 2, 40: usd40 }, status: 'open', corridors: [], ...extra };
}

export function network(nodes: NetworkNode[], links: NetworkLink[]): Network {
  return { nodes, links, corridors: [] };
}

export function query(from: string, to: string, extra: Partial<RouteQuery> = {}): RouteQuery {
  return { from, to, containers: [{ size: 40, count: 1 }], departAfter: T0, ...extra };
}

export function departure(id: string, mode: Mode, stops: [string, number | undefined, number | undefined][], teuLeft: number, usd40: number, cutoffMinutes = 240): Departure {
  return {
    id,
    serviceId: `service-${id}`,
    serviceName: `Service ${id}`,
    mode,
    stops: stops.map(([stopNode, arriveAt, departAt]) => ({ node: stopNode, arriveAt, departAt })),
    teuLeft,
    usd: { 20: usd40 * 0.6, 40: usd40 },
    cutoffMinutes,
  };
}

/**
 * What is wrong with a route's legs, if anything: what each leg spends itself (moving, handling at its start, customs
 * at the borders it crosses), summed over the legs, must give the route's breakdown and totals; between two legs the
 * container is handled or waits, and the last leg arrives when the route does.
 */
export function legsInconsistency(route: PlannedRoute): string | undefined {
  const sum = (value: (leg: RouteLeg) => number): number => route.legs.reduce((total, leg) => total + value(leg), 0);
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  const { minutes, usd } = route.breakdown;
  const checks: [string, number, number][] = [
    ['customs minutes', sum((leg) => leg.customs.minutes), minutes.customs],
    ['customs usd', sum((leg) => leg.customs.usd), usd.customs],
    ['transshipment minutes', sum((leg) => leg.handlingBefore.transshipment), minutes.transshipment],
    ['gauge change minutes', sum((leg) => leg.handlingBefore.gaugeChange), minutes.gaugeChange],
    ['handling usd', sum((leg) => leg.handlingBefore.usd), usd.transshipment + usd.gaugeChange],
    ['moving minutes', sum((leg) => leg.arriveAt - leg.departAt - leg.customs.minutes), minutes.moving],
    ['moving usd', sum((leg) => leg.usd), usd.moving],
    ['usd', sum((leg) => leg.usd + leg.handlingBefore.usd + leg.customs.usd), route.usd],
    ['minutes', sum((leg) => leg.arriveAt - leg.departAt + leg.handlingBefore.transshipment + leg.handlingBefore.gaugeChange) + minutes.waiting, route.minutes],
  ];
  const wrong = checks.find(([, legs, total]) => !near(legs, total));
  if (wrong) return `legs' ${wrong[0]} add up to ${wrong[1]}, the route's to ${wrong[2]}`;
  let time = route.departAt;
  for (const leg of route.legs) {
    const between = leg.departAt - time - leg.handlingBefore.transshipment - leg.handlingBefore.gaugeChange;
    // Only a departure is waited for.
    if (between < 0 || (between > 0 && leg.departureId === undefined)) return `leg ${leg.from}–${leg.to} leaves ${between} minutes off its handling`;
    time = leg.arriveAt;
  }
  return time === route.arriveAt ? undefined : `last leg arrives at ${time}, the route at ${route.arriveAt}`;
}

function routesOf(answer: RouteAnswer): readonly PlannedRoute[] {
  if (!answer.found) throw new Error(`no route, cut by ${answer.cutBy.join(', ') || 'nothing'}`);
  expect(answer.routes.map(legsInconsistency).filter(Boolean)).toEqual([]);
  return answer.routes;
}

/** Road CO2 of 20 t over `km` with the default 90.3 g/tkm, in kg. */
const roadKg = (km: number, tonnes = 20): number => (km * 90.3 * tonnes) / 1000;
const railKg = (km: number, tonnes = 20): number => (km * 11.3 * tonnes) / 1000;

export function describePlannerConformance(name: string, factory: PlannerFactory): void {
  describe(`${name}: route planner conformance`, () => {
    it('plans a single road link', () => {
      const planner = factory(network([node('A', 'CHN'), node('B', 'CHN')], [link('L1', 'A', 'B', 'road', 500, 600, 1000)]), []);
      const [route, ...rest] = routesOf(planner.plan(query('A', 'B')));
      expect(rest).toHaveLength(0);
      expect(route).toMatchObject({ departAt: T0, arriveAt: T0 + 600, minutes: 600, usd: 1000, transshipments: 0, borderCrossings: 0, gaugeChanges: 0, distanceKm: 500 });
      expect(route!.co2Kg).toBeCloseTo(roadKg(500), 9);
      expect(route!.marks).toEqual(['fastest', 'cheapest', 'greenest', 'fewest_transshipments']);
      expect(route!.legs).toEqual([
        {
          from: 'A',
          to: 'B',
          mode: 'road',
          links: ['L1'],
          departAt: T0,
          arriveAt: T0 + 600,
          distanceKm: 500,
          usd: 1000,
          co2Kg: expect.closeTo(roadKg(500), 9) as number,
          handlingBefore: { transshipment: 0, gaugeChange: 0, usd: 0 },
          customs: { minutes: 0, usd: 0 },
        },
      ]);
      expect(route!.breakdown.minutes).toEqual({ moving: 600, waiting: 0, transshipment: 0, customs: 0, gaugeChange: 0 });
      expect(route!.breakdown.usd).toEqual({ moving: 1000, waiting: 0, transshipment: 0, customs: 0, gaugeChange: 0 });
      // Links run both ways unless one-way.
      expect(routesOf(planner.plan(query('B', 'A')))[0]!.legs[0]!.links).toEqual(['L1']);
    });

    it('prices every container of the shipment, and weighs cargo as given', () => {
      const planner = factory(network([node('A', 'CHN'), node('B', 'CHN')], [link('L1', 'A', 'B', 'road', 500, 600, 1000)]), []);
      const containers = [
        { size: 20, count: 3 },
        { size: 40, count: 2 },
      ] as const;
      const [route] = routesOf(planner.plan(query('A', 'B', { containers })));
      expect(route!.usd).toBe(3 * 500 + 2 * 1000);
      expect(route!.co2Kg).toBeCloseTo(roadKg(500, 3 * 10 + 2 * 20), 9);
      const [weighed] = routesOf(planner.plan(query('A', 'B', { containers, cargoTonnes: 12 })));
      expect(weighed!.co2Kg).toBeCloseTo(roadKg(500, 12), 9);
    });

    it('returns a faster and a cheaper option side by side, each marked where it is best', () => {
      const planner = factory(
        network([node('A', 'CHN'), node('B', 'CHN')], [link('ROAD', 'A', 'B', 'road', 500, 600, 1000), link('RAIL', 'A', 'B', 'rail', 500, 1200, 400, { gauge: 1435 })]),
        [],
      );
      const routes = routesOf(planner.plan(query('A', 'B')));
      expect(routes.map((route) => route.legs[0]!.mode)).toEqual(['road', 'rail']);
      expect(routes[0]!.marks).toEqual(['fastest', 'fewest_transshipments']);
      expect(routes[1]!.marks).toEqual(['cheapest', 'greenest']);
      expect(routes[1]!.co2Kg).toBeCloseTo(railKg(500), 9);
      expect(routes[1]!.legs[0]!.gauge).toBe(1435);
    });

    it('drops a route another beats on every criterion', () => {
      const planner = factory(
        network(
          [node('A', 'CHN'), node('B', 'CHN'), node('C', 'CHN')],
          [link('AB', 'A', 'B', 'road', 500, 600, 1000), link('AC', 'A', 'C', 'road', 300, 400, 700), link('CB', 'C', 'B', 'road', 300, 400, 700)],
        ),
        [],
      );
      const routes = routesOf(planner.plan(query('A', 'B')));
      expect(routes).toHaveLength(1);
      expect(routes[0]!.legs[0]!.links).toEqual(['AB']);
    });

    it('merges links of one vehicle into one leg and transships between modes', () => {
      const planner = factory(
        network(
          [node('A', 'CHN'), node('B', 'CHN', { transshipment: handling(90, 40, 70) }), node('C', 'CHN'), node('D', 'CHN')],
          [
            link('AB', 'A', 'B', 'road', 100, 120, 300),
            link('BC', 'B', 'C', 'rail', 800, 900, 600, { gauge: 1435 }),
            link('CD', 'C', 'D', 'rail', 400, 500, 300, { gauge: [1435, 1520] }),
          ],
        ),
        [],
      );
      const [route, ...rest] = routesOf(planner.plan(query('A', 'D')));
      expect(rest).toHaveLength(0);
      expect(route!.legs.map((leg) => [leg.from, leg.to, leg.links])).toEqual([
        ['A', 'B', ['AB']],
        ['B', 'D', ['BC', 'CD']],
      ]);
      expect(route!.legs[1]).toMatchObject({ departAt: T0 + 120 + 90, arriveAt: T0 + 120 + 90 + 1400, distanceKm: 1200, usd: 900 });
      expect(route!.legs[1]!.handlingBefore).toEqual({ transshipment: 90, gaugeChange: 0, usd: 70 });
      expect(route!).toMatchObject({ minutes: 120 + 90 + 1400, usd: 300 + 70 + 900, transshipments: 1, gaugeChanges: 0 });
      expect(route!.breakdown.usd.transshipment).toBe(70);
      expect(route!.co2Kg).toBeCloseTo(roadKg(100) + railKg(1200), 9);
    });

    describe('gauges and borders', () => {
      const nodes = [
        node('C1', 'CHN'),
        node('C2', 'CHN', { gaugeChange: handling(120, 100, 200) }),
        node('K1', 'KAZ', { customs: handling(90, 40, 60) }),
        node('K2', 'KAZ', { gaugeChange: handling(180, 150, 300) }),
        node('P1', 'POL', { customs: handling(240, 70, 90) }),
        node('P2', 'POL'),
      ];
      const links = (c2k1: NetworkLink['gauge']): NetworkLink[] => [
        link('C1C2', 'C1', 'C2', 'rail', 100, 100, 200, { gauge: 1435 }),
        link('C2K1', 'C2', 'K1', 'rail', 50, 50, 100, { gauge: c2k1 }),
        link('K1K2', 'K1', 'K2', 'rail', 1000, 1000, 1500, { gauge: 1520 }),
        link('K2P1', 'K2', 'P1', 'rail', 60, 60, 150, { gauge: 1435 }),
        link('P1P2', 'P1', 'P2', 'rail', 200, 200, 400, { gauge: 1435 }),
      ];

      it('counts two gauge changes and two border crossings, with customs and gauge change time in the breakdown', () => {
        const planner = factory(network(nodes, links(1520)), []);
        const [route, ...rest] = routesOf(planner.plan(query('C1', 'P2')));
        expect(rest).toHaveLength(0);
        expect(route).toMatchObject({ minutes: 2040, usd: 3000, transshipments: 2, gaugeChanges: 2, borderCrossings: 2, distanceKm: 1410 });
        expect(route!.breakdown.minutes).toEqual({ moving: 1410, waiting: 0, transshipment: 0, customs: 330, gaugeChange: 300 });
        expect(route!.breakdown.usd).toEqual({ moving: 2350, waiting: 0, transshipment: 0, customs: 150, gaugeChange: 500 });
        expect(route!.legs.map((leg) => [leg.from, leg.to, leg.gauge, leg.handlingBefore.gaugeChange])).toEqual([
          ['C1', 'C2', 1435, 0],
          ['C2', 'K2', 1520, 120],
          ['K2', 'P2', 1435, 180],
        ]);
        // Customs at K1 falls inside the second leg: it leaves C2 after the gauge change and reaches K2 after customs.
        expect(route!.legs[1]).toMatchObject({ departAt: T0 + 220, arriveAt: T0 + 220 + 50 + 90 + 1000 });
        // Each crossing's customs shows on the leg that crosses: entering KAZ on the second, POL on the third.
        expect(route!.legs.map((leg) => leg.customs)).toEqual([
          { minutes: 0, usd: 0 },
          { minutes: 90, usd: 60 },
          { minutes: 240, usd: 90 },
        ]);
        expect(route!.legs.map((leg) => leg.handlingBefore.usd)).toEqual([0, 200, 300]);
      });

      it('continues either gauge over a dual-gauge link, changing where the gauge really breaks (node default)', () => {
        const planner = factory(network(nodes, links([1435, 1520])), []);
        const [route] = routesOf(planner.plan(query('C1', 'P2')));
        // C1C2 and C2K1 on 1435; the change moves to K1, which states none: 6 h and USD 300 per 40'.
        expect(route!.legs.map((leg) => [leg.from, leg.to, leg.handlingBefore.gaugeChange])).toEqual([
          ['C1', 'K1', 0],
          ['K1', 'K2', 360],
          ['K2', 'P2', 180],
        ]);
        // The first leg crosses into KAZ and ends at K1 after customs there.
        expect(route!.legs.map((leg) => leg.customs.minutes)).toEqual([90, 0, 240]);
        expect(route!.legs[0]!.arriveAt).toBe(T0 + 150 + 90);
        expect(route!).toMatchObject({ gaugeChanges: 2, transshipments: 2, minutes: 1410 + 330 + 360 + 180, usd: 2350 + 150 + 300 + 300 });
      });

      it('cuts routes over more border crossings than allowed', () => {
        const planner = factory(network(nodes, links(1520)), []);
        expect(planner.plan(query('C1', 'P2', { maxBorderCrossings: 1 }))).toEqual({ found: false, cutBy: ['maxBorderCrossings'] });
        expect(routesOf(planner.plan(query('C1', 'P2', { maxBorderCrossings: 2 })))).toHaveLength(1);
        expect(planner.plan(query('C1', 'P2', { maxTransshipments: 1 }))).toEqual({ found: false, cutBy: ['maxTransshipments'] });
      });
    });

    it('prefers a longer way within the allowed border crossings', () => {
      const planner = factory(
        network(
          [node('A', 'CHN'), node('K', 'KAZ', { customs: handling(60, 10, 10) }), node('D', 'CHN', { customs: handling(60, 10, 10) })],
          [link('AK', 'A', 'K', 'road', 200, 200, 300), link('KD', 'K', 'D', 'road', 200, 200, 300), link('AD', 'A', 'D', 'road', 900, 1000, 500)],
        ),
        [],
      );
      const free = routesOf(planner.plan(query('A', 'D')));
      expect(free.map((route) => [route.borderCrossings, route.minutes, route.usd])).toEqual([
        [2, 520, 620],
        [0, 1000, 500],
      ]);
      const bounded = routesOf(planner.plan(query('A', 'D', { maxBorderCrossings: 1 })));
      expect(bounded.map((route) => route.legs[0]!.links)).toEqual([['AD']]);
    });

    it('keeps a slower way with fewer border crossings where the limit needs it further on', () => {
      const free = handling(0, 0, 0);
      const planner = factory(
        network(
          [node('A', 'CHN'), node('K', 'KAZ', { customs: free }), node('X', 'CHN', { customs: free }), node('Y', 'CHN'), node('T', 'KAZ', { customs: free })],
          [
            link('AK', 'A', 'K', 'road', 10, 10, 10),
            link('KX', 'K', 'X', 'road', 10, 10, 10),
            link('AY', 'A', 'Y', 'road', 250, 500, 500),
            link('YX', 'Y', 'X', 'road', 250, 500, 500),
            link('XT', 'X', 'T', 'road', 100, 100, 100),
          ],
        ),
        [],
      );
      expect(routesOf(planner.plan(query('A', 'T'))).map((route) => route.borderCrossings)).toEqual([3]);
      const bounded = routesOf(planner.plan(query('A', 'T', { maxBorderCrossings: 2 })));
      expect(bounded.map((route) => [route.borderCrossings, route.minutes, route.legs[0]!.links])).toEqual([[1, 1100, ['AY', 'YX', 'XT']]]);
    });

    describe('avoided countries and nodes', () => {
      const planner = factory(
        network(
          [node('A', 'CHN'), node('K', 'KAZ'), node('M', 'MNG'), node('D', 'RUS')],
          [
            link('AK', 'A', 'K', 'rail', 500, 500, 500, { gauge: 1520 }),
            link('KD', 'K', 'D', 'rail', 500, 500, 500, { gauge: 1520 }),
            link('AM', 'A', 'M', 'rail', 800, 800, 800, { gauge: 1520 }),
            link('MD', 'M', 'D', 'rail', 800, 800, 800, { gauge: 1520 }),
          ],
        ),
        [],
      );

      it('takes another corridor around an avoided country', () => {
        expect(routesOf(planner.plan(query('A', 'D'))).map((route) => route.legs[0]!.links)).toEqual([['AK', 'KD']]);
        expect(routesOf(planner.plan(query('A', 'D', { avoidCountries: ['KAZ'] }))).map((route) => route.legs[0]!.links)).toEqual([['AM', 'MD']]);
        expect(routesOf(planner.plan(query('A', 'D', { avoidNodes: ['K'] }))).map((route) => route.legs[0]!.links)).toEqual([['AM', 'MD']]);
      });

      it('answers no route, cut by the avoided countries, when every corridor is avoided', () => {
        expect(planner.plan(query('A', 'D', { avoidCountries: ['KAZ', 'MNG'] }))).toEqual({ found: false, cutBy: ['avoidCountries'] });
        expect(planner.plan(query('A', 'D', { avoidNodes: ['K', 'M'] }))).toEqual({ found: false, cutBy: ['avoidNodes'] });
        expect(planner.plan(query('A', 'D', { avoidNodes: ['K'], avoidCountries: ['MNG'] }))).toEqual({ found: false, cutBy: ['avoidCountries', 'avoidNodes'] });
      });

      it('never avoids the origin or destination or their countries', () => {
        expect(routesOf(planner.plan(query('A', 'D', { avoidCountries: ['CHN', 'RUS'], avoidNodes: ['A', 'D'] })))).toHaveLength(1);
      });
    });

    it('keeps under-construction links out unless allowed, and closed links out always', () => {
      const planner = factory(
        network(
          [node('A', 'CHN'), node('B', 'CHN'), node('C', 'CHN')],
          [
            link('ROAD', 'A', 'B', 'road', 500, 1000, 1000),
            link('NEW', 'A', 'B', 'rail', 500, 500, 500, { gauge: 1435, status: 'under_construction' }),
            link('SHUT', 'A', 'C', 'rail', 500, 500, 500, { gauge: 1435, status: 'closed' }),
          ],
        ),
        [],
      );
      expect(routesOf(planner.plan(query('A', 'B'))).map((route) => route.legs[0]!.links)).toEqual([['ROAD']]);
      expect(routesOf(planner.plan(query('A', 'B', { allowUnderConstruction: true }))).map((route) => route.legs[0]!.links)).toEqual([['NEW']]);
      expect(planner.plan(query('A', 'C', { allowUnderConstruction: true }))).toEqual({ found: false, cutBy: [] });
      expect(planner.plan(query('A', 'B', { modes: ['rail'] }))).toEqual({ found: false, cutBy: ['modes', 'allowUnderConstruction'] });
    });

    it('uses only the modes asked for', () => {
      const planner = factory(
        network([node('A', 'CHN'), node('B', 'CHN')], [link('ROAD', 'A', 'B', 'road', 500, 600, 1000), link('RAIL', 'A', 'B', 'rail', 500, 1200, 400, { gauge: 1435 })]),
        [],
      );
      expect(routesOf(planner.plan(query('A', 'B', { modes: ['rail'] }))).map((route) => route.legs[0]!.mode)).toEqual(['rail']);
      expect(planner.plan(query('A', 'B', { modes: ['sea'] }))).toEqual({ found: false, cutBy: ['modes'] });
    });

    it('limits transshipments', () => {
      const planner = factory(
        network(
          [node('A', 'CHN'), node('B', 'CHN'), node('C', 'CHN')],
          [link('AB', 'A', 'B', 'road', 50, 60, 100), link('BC', 'B', 'C', 'rail', 1000, 1000, 500, { gauge: 1435 }), link('AC', 'A', 'C', 'road', 1000, 900, 2000)],
        ),
        [],
      );
      expect(routesOf(planner.plan(query('A', 'C'))).map((route) => route.transshipments)).toEqual([0, 1]);
      expect(routesOf(planner.plan(query('A', 'C', { maxTransshipments: 0 }))).map((route) => route.transshipments)).toEqual([0]);
    });

    it('answers one empty route when origin and destination are the same node', () => {
      const planner = factory(network([node('A', 'CHN')], []), []);
      const routes = routesOf(planner.plan(query('A', 'A')));
      expect(routes).toHaveLength(1);
      expect(routes[0]).toMatchObject({ legs: [], minutes: 0, usd: 0, co2Kg: 0, transshipments: 0, departAt: T0, arriveAt: T0 });
      expect(routes[0]!.marks).toEqual(['fastest', 'cheapest', 'greenest', 'fewest_transshipments']);
    });

    it('answers no route with nothing to lift for unknown or unconnected nodes', () => {
      const planner = factory(network([node('A', 'CHN'), node('B', 'CHN')], []), []);
      expect(planner.plan(query('A', 'B'))).toEqual({ found: false, cutBy: [] });
      expect(planner.plan(query('A', 'NOWHERE'))).toEqual({ found: false, cutBy: [] });
    });

    describe('scheduled departures', () => {
      const nodes = [node('R', 'CHN'), node('A', 'CHN', { transshipment: handling(120, 60, 100) }), node('B', 'CHN'), node('C', 'CHN')];
      const links = [
        link('RA', 'R', 'A', 'road', 40, 60, 200),
        link('AB', 'A', 'B', 'rail', 1000, 1440, 0, { gauge: 1435, scheduledOnly: true }),
        link('BC', 'B', 'C', 'rail', 3000, 2880, 0, { gauge: 1435, scheduledOnly: true }),
      ];
      const first = T0 + 3000;
      const weekly = (id: string, start: number, teuLeft: number): Departure =>
        departure(id, 'rail', [['A', undefined, start], ['B', start + 1500, start + 1600], ['C', start + 4600, undefined]], teuLeft, 4000);
      const make = (teuFirst: number): RoutePlanner => factory(network(nodes, links), [weekly('D1', first, teuFirst), weekly('D2', first + WEEK, 50)]);

      it('waits for the weekly departure and counts the wait', () => {
        const routes = routesOf(make(50).plan(query('A', 'B')));
        expect(routes).toHaveLength(1);
        const [route] = routes;
        expect(route).toMatchObject({ minutes: 4500, arriveAt: first + 1500, usd: 1000, transshipments: 0 });
        expect(route!.breakdown.minutes).toEqual({ moving: 1500, waiting: 3000, transshipment: 0, customs: 0, gaugeChange: 0 });
        expect(route!.co2Kg).toBeCloseTo(railKg(1000), 9);
        expect(route!.legs).toHaveLength(1);
        expect(route!.legs[0]).toMatchObject({ departureId: 'D1', serviceName: 'Service D1', departAt: first, arriveAt: first + 1500, links: ['AB'], usd: 1000, distanceKm: 1000 });
      });

      it('prices a part of the run by its share of the distance', () => {
        const [route] = routesOf(make(50).plan(query('B', 'C')));
        expect(route).toMatchObject({ usd: 3000, arriveAt: first + 4600, legs: [{ departureId: 'D1', links: ['BC'] }] });
        const [whole] = routesOf(make(50).plan(query('A', 'C')));
        expect(whole).toMatchObject({ usd: 4000, legs: [{ departureId: 'D1', links: ['AB', 'BC'] }] });
      });

      it('offers no departure with fewer free slots than the shipment takes', () => {
        // One 40' takes 2 TEU: the first run, with 1 left, is skipped for next week's.
        expect(routesOf(make(1).plan(query('A', 'B')))[0]!.legs[0]!.departureId).toBe('D2');
        const three = [{ size: 20, count: 3 }] as const;
        const two = [{ size: 20, count: 2 }] as const;
        expect(routesOf(make(2).plan(query('A', 'B', { containers: three })))[0]!.legs[0]!.departureId).toBe('D2');
        expect(routesOf(make(2).plan(query('A', 'B', { containers: two })))[0]!.legs[0]!.departureId).toBe('D1');
      });

      it('answers no route, cut by capacity, when every run is too full', () => {
        const planner = factory(network(nodes, links), [weekly('D1', first, 1)]);
        expect(planner.plan(query('A', 'B'))).toEqual({ found: false, cutBy: ['capacity'] });
      });

      it('takes the next departure once the cutoff has passed, counting handling before boarding', () => {
        const planner = make(50);
        expect(routesOf(planner.plan(query('A', 'B', { departAfter: first - 240 })))[0]!.legs[0]!.departureId).toBe('D1');
        const late = routesOf(planner.plan(query('A', 'B', { departAfter: first - 239 })));
        expect(late.map((route) => route.legs[0]!.departureId)).toEqual(['D2']);
        // Road to the terminal (60 min), then a transshipment (120 min): ready at first - 240 exactly.
        const [onTime] = routesOf(planner.plan(query('R', 'B', { departAfter: first - 420 })));
        expect(onTime!.legs.map((leg) => leg.departureId)).toEqual([undefined, 'D1']);
        expect(onTime!.legs[1]!.handlingBefore.transshipment).toBe(120);
        expect(onTime!.breakdown.minutes).toEqual({ moving: 1560, waiting: 240, transshipment: 120, customs: 0, gaugeChange: 0 });
        const [missed] = routesOf(planner.plan(query('R', 'B', { departAfter: first - 419 })));
        expect(missed!.legs[1]!.departureId).toBe('D2');
      });

      it('keeps a slower arrival off a ship where going on by rail needs a costly gauge change otherwise', () => {
        const planner = factory(
          network(
            [node('A', 'CHN'), node('X', 'CHN', { transshipment: handling(10, 10, 10), gaugeChange: handling(600, 1000, 1000) }), node('T', 'CHN')],
            [
              link('AX-RAIL', 'A', 'X', 'rail', 100, 100, 100, { gauge: 1435 }),
              link('AX-SEA', 'A', 'X', 'sea', 100, 100, 0, { scheduledOnly: true }),
              link('XT', 'X', 'T', 'rail', 100, 100, 100, { gauge: 1520 }),
            ],
          ),
          [departure('S1', 'sea', [['A', undefined, T0 + 200], ['X', T0 + 300, undefined]], 10, 100, 0)],
        );
        const routes = routesOf(planner.plan(query('A', 'T')));
        expect(routes.map((route) => [route.minutes, route.usd, route.transshipments, route.gaugeChanges])).toEqual([
          [410, 210, 1, 0],
          [800, 1200, 1, 1],
        ]);
      });

      it('rides a scheduled-only link only on a departure', () => {
        const planner = factory(network(nodes, links), []);
        expect(planner.plan(query('A', 'B'))).toEqual({ found: false, cutBy: [] });
      });
    });
  });
}
