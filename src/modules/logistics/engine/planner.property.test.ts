/**
 * The label-setting planner against the brute-force enumerator on thousands of small seeded random networks: mixed
 * modes, gauges, countries and link statuses, a few scheduled departures of random capacity, random constraints.
 * Both must give the same Pareto set of (minutes, USD, CO2, transshipments), or the same cutting constraints.
 * With a tolerance on cost and CO2 the planner's answer must still stand for the exact one: as fast, and for each
 * exact route a route no later, with no more transshipments, within the tolerance compounded once per move.
 */
import { describe, expect, it } from 'vitest';
import { createBruteForcePlanner } from './brute-force.ts';
import { legsInconsistency } from './conformance.ts';
import { createPlanner } from './planner.ts';
import { randomCase } from './random-networks.ts';
import type { Departure, Network, PlannedRoute, RouteAnswer, RouteQuery } from './types.ts';

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

/** What makes a route one the query does not allow, if anything: its constraints, links, nodes and departures. */
function disallowed(route: PlannedRoute, query: RouteQuery, network: Network, departures: readonly Departure[]): string | undefined {
  if (route.transshipments > (query.maxTransshipments ?? Infinity)) return 'too many transshipments';
  if (route.borderCrossings > (query.maxBorderCrossings ?? Infinity)) return 'too many border crossings';
  const nodes = new Map(network.nodes.map((node) => [node.id, node]));
  const links = new Map(network.links.map((link) => [link.id, link]));
  const ends = new Set([nodes.get(query.from)!.country, nodes.get(query.to)!.country]);
  const avoided = (id: string): boolean =>
    id !== query.from && id !== query.to && ((query.avoidNodes ?? []).includes(id) || (!ends.has(nodes.get(id)!.country) && (query.avoidCountries ?? []).includes(nodes.get(id)!.country)));
  const teu = query.containers.reduce((sum, { size, count }) => sum + (size === 20 ? count : 2 * count), 0);
  for (const leg of route.legs) {
    if (query.modes && !query.modes.includes(leg.mode)) return `leg ${leg.from}–${leg.to} by ${leg.mode}`;
    if (leg.departureId !== undefined) {
      const run = departures.find((candidate) => candidate.id === leg.departureId);
      if (!run || run.mode !== leg.mode) return `leg ${leg.from}–${leg.to} on unknown departure ${leg.departureId}`;
      if (run.teuLeft < teu) return `departure ${run.id} has ${run.teuLeft} TEU left, the shipment takes ${teu}`;
    }
    for (const id of leg.links) {
      const link = links.get(id);
      if (!link || link.mode !== leg.mode) return `link ${id} is not a ${leg.mode} link`;
      if (link.status === 'closed' || (link.status === 'under_construction' && query.allowUnderConstruction !== true)) return `link ${id} is ${link.status}`;
      if (link.scheduledOnly && leg.departureId === undefined) return `link ${id} is run only by departures`;
      if (avoided(link.from) || avoided(link.to)) return `link ${id} passes an avoided node`;
    }
  }
  return undefined;
}

describe('label-setting planner against brute force', () => {
  it('gives the same Pareto sets on the random networks where a round trip by road once went missing', () => {
    // Found by comparing with the uncontracted search on 20,000 seeds of each shape: a road loop back to a gauge break.
    const failures: string[] = [];
    for (const [seed, shape] of [[3970, 'mixed'], [16092, 'roads'], [19210, 'roads']] as const) {
      const { network, departures, queries } = randomCase(seed, shape);
      const planner = createPlanner(network, departures);
      const reference = createBruteForcePlanner(network, departures);
      for (const query of queries) {
        const problem = sameAnswer(planner.plan(query), reference.plan(query));
        if (problem) failures.push(`seed ${seed} ${shape} ${JSON.stringify(query)}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives the same Pareto sets on 1,500 seeded random road networks, searched on their contracted junctions', () => {
    const failures: string[] = [];
    let found = 0;
    let contracted = 0;
    let nodes = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const { network, departures, queries } = randomCase(seed, 'roads');
      const planner = createPlanner(network, departures);
      const reference = createBruteForcePlanner(network, departures);
      nodes += network.nodes.length;
      contracted += network.nodes.length - planner.roads!.coreCount;
      for (const query of queries) {
        const planned = planner.plan(query);
        const problem = sameAnswer(planned, reference.plan(query)) ?? (planned.found ? planned.routes.map((route) => inconsistency(route, query)).find(Boolean) : undefined);
        if (problem) failures.push(`seed ${seed} ${JSON.stringify(query)}: ${problem}`);
        if (planned.found) found += 1;
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // The cases must exercise the contraction: a good share of junctions taken out, and most queries answered.
    expect(contracted / nodes).toBeGreaterThan(0.2);
    expect(found).toBeGreaterThan(3000);
  });

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

describe('label-setting planner with a tolerance on cost and CO2', () => {
  it('answers every exact route with one no later, with no more transshipments, and within the tolerance compounded per move', () => {
    const tolerances = [0.01, 0.05, 0.2];
    const failures: string[] = [];
    let found = 0;
    let thinned = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const { network, departures, queries } = randomCase(seed);
      const planner = createPlanner(network, departures);
      queries.forEach((exactQuery, q) => {
        const t = tolerances[(seed + q) % tolerances.length]!;
        const query = { ...exactQuery, tolerance: t };
        const fail = (problem: string): void => void failures.push(`seed ${seed} ${JSON.stringify(query)}: ${problem}`);
        const exact = planner.plan(exactQuery);
        const tolerant = planner.plan(query);
        if (!exact.found || !tolerant.found) {
          // Whether a route exists, and what cuts it off, does not depend on the tolerance.
          const problem = sameAnswer(tolerant, exact);
          if (problem) fail(problem);
          return;
        }
        found += 1;
        if (tolerant.routes.length < exact.routes.length) thinned += 1;
        const fastest = (routes: readonly PlannedRoute[]): number => Math.min(...routes.map((route) => route.arriveAt));
        if (fastest(tolerant.routes) !== fastest(exact.routes)) fail(`fastest arrival ${fastest(tolerant.routes)}, exactly ${fastest(exact.routes)}`);
        if (tolerant.routes.length > exact.routes.length) fail(`${tolerant.routes.length} routes, exactly ${exact.routes.length}`);
        for (const route of tolerant.routes) {
          const problem = inconsistency(route, query) ?? disallowed(route, query, network, departures);
          if (problem) fail(`tolerant route ${JSON.stringify(route.legs.map((leg) => leg.links))}: ${problem}`);
        }
        for (const route of exact.routes) {
          const moves = route.legs.reduce((sum, leg) => sum + leg.links.length, 0);
          const slack = (1 + t) ** (moves + 1);
          const answered = tolerant.routes.some(
            (other) =>
              other.arriveAt <= route.arriveAt &&
              other.transshipments <= route.transshipments &&
              other.usd <= route.usd * slack + 1e-6 &&
              other.co2Kg <= route.co2Kg * slack + 1e-6,
          );
          if (!answered) fail(`no tolerant route answers ${JSON.stringify([route.arriveAt, route.usd, route.co2Kg, route.transshipments])}`);
        }
      });
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // The tolerance must bite: many queries find routes, and some of them fewer than the exact answer.
    expect(found).toBeGreaterThan(1800);
    expect(thinned).toBeGreaterThan(50);
  });
});
