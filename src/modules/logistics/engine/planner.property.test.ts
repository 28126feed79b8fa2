/**
 * The label-setting planner against the brute-force enumerator on thousands of small seeded random networks: mixed
 * modes, gauges, countries and link statuses, a few scheduled departures of random capacity, random constraints.
 * Both must give the same Pareto set of (minutes, USD, CO2, transshipments), or the same cutting constraints.
 */
import { describe, expect, it } from 'vitest';
import { createBruteForcePlanner } from './brute-force.ts';
import { legsInconsistency } from './conformance.ts';
import { createPlanner } from './planner.ts';
import { randomCase } from './random-networks.ts';
import type { PlannedRoute, RouteAnswer, RouteQuery } from './types.ts';

type Vector = [number, number, number, number];

function vectors(routes: readonly PlannedRoute[]): Vector[] {
  return routes.map((route): Vector => [route.minutes, route.usd, route.co2Kg, route.transshipments]).sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
}

function sameAnswer(planned: RouteAnswer, expected: RouteAnswer): string | undefined {
  if (planned.found !== expected.found) return `found ${planned.found}, expected ${expected.found}`;
  if (!planned.found || !expected.found) {
    const a = planned.found ? [] : planned.cutBy;
    const b = expected.found ? [] : expected.cutBy;
    return a.join() === b.join() ? undefined : `cut by [${a.join()}], expected [${b.join()}]`;
  }
  const a = vectors(planned.routes);
  const b = vectors(expected.routes);
  const close = a.length === b.length && a.every((vector, i) => vector.every((value, j) => Math.abs(value - b[i]![j]!) <= 1e-6));
  return close ? undefined : `routes ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`;
}

/** A route's parts add up: breakdown to totals, legs joined end to start, times in order, legs' own figures to the breakdown. */
function inconsistency(route: PlannedRoute, query: RouteQuery): string | undefined {
  const sum = (breakdown: Record<string, number>): number => Object.values(breakdown).reduce((total, value) => total + value, 0);
  if (Math.abs(sum({ ...route.breakdown.minutes }) - route.minutes) > 1e-6) return 'minutes breakdown';
  if (Math.abs(sum({ ...route.breakdown.usd }) - route.usd) > 1e-6) return 'usd breakdown';
  if (Math.abs(sum({ ...route.breakdown.co2Kg }) - route.co2Kg) > 1e-6) return 'co2 breakdown';
  let at = query.from;
  let time = query.departAfter;
  for (const leg of route.legs) {
    if (leg.from !== at || leg.departAt < time || leg.arriveAt < leg.departAt) return 'legs out of order';
    at = leg.to;
    time = leg.arriveAt;
  }
  if (at !== query.to || route.arriveAt < time) return 'route does not end at the destination';
  return legsInconsistency(route);
}

describe('label-setting planner against brute force', () => {
  it('gives the same Pareto sets on 2,400 seeded random multimodal networks, three queries each', () => {
    const failures: string[] = [];
    let found = 0;
    let routes = 0;
    for (let seed = 1; seed <= 2400; seed++) {
      const { network, departures, queries } = randomCase(seed);
      const planner = createPlanner(network, departures);
      const reference = createBruteForcePlanner(network, departures);
      for (const query of queries) {
        const planned = planner.plan(query);
        const problem = sameAnswer(planned, reference.plan(query)) ?? (planned.found ? planned.routes.map((route) => inconsistency(route, query)).find(Boolean) : undefined);
        if (problem) failures.push(`seed ${seed} ${JSON.stringify(query)}: ${problem}`);
        if (planned.found) {
          found += 1;
          routes += planned.routes.length;
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // The cases must exercise the search: most queries find routes, and several routes on average.
    expect(found).toBeGreaterThan(4500);
    expect(routes / found).toBeGreaterThan(1.5);
  });
});
