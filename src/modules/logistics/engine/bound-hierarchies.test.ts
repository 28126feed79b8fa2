import { describe, expect, it } from 'vitest';
import { BoundSweep } from './bound-hierarchies.ts';
import { describePlannerConformance } from './conformance.ts';
import { contract } from './fastest/contraction.ts';
import { graphFromArcs } from './fastest/graph.ts';
import { createPlanner } from './planner.ts';
import { randomCase } from './random-networks.ts';
import type { RouteAnswer } from './types.ts';
import { seededRandom } from '../synthetic/seeded-random.ts';

describePlannerConformance('label setting with bounds from contraction hierarchies', (network, departures) => createPlanner(network, departures, { bounds: 'hierarchy' }));

/** Distances to `target` by Bellman–Ford: slow, and plainly right. */
function distancesTo(nodeCount: number, from: number[], to: number[], weights: number[], target: number): Float64Array {
  const distance = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  distance[target] = 0;
  for (let round = 0; round < nodeCount; round++) {
    for (let arc = 0; arc < from.length; arc++) distance[from[arc]!] = Math.min(distance[from[arc]!]!, weights[arc]! + distance[to[arc]!]!);
  }
  return distance;
}

describe('bounds from contraction hierarchies', () => {
  it('sweep to every node the distance to the target that Dijkstra finds, on 300 seeded random graphs', () => {
    const mismatches: string[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      const nodeCount = 2 + Math.floor(random() * 40);
      const from: number[] = [];
      const to: number[] = [];
      const weights: number[] = [];
      for (let arc = 0; arc < nodeCount * 3; arc++) {
        from.push(Math.floor(random() * nodeCount));
        to.push(Math.floor(random() * nodeCount));
        weights.push(random() < 0.1 ? 0 : Math.round(random() * 1000) / 10);
      }
      const graph = graphFromArcs(nodeCount, from, to, weights);
      const sweep = new BoundSweep(nodeCount);
      const hierarchy = contract(graph);
      const target = Math.floor(random() * nodeCount);
      const swept = new Float64Array(nodeCount);
      sweep.distancesTo(hierarchy, target, 2, 1, swept);
      const expected = distancesTo(nodeCount, from, to, weights, target);
      for (let v = 0; v < nodeCount; v++) {
        const want = expected[v]! * 2;
        if (!(swept[v] === want || Math.abs(swept[v]! - want) <= 1e-9 * want)) mismatches.push(`seed ${seed} node ${v}: ${swept[v]} vs ${want}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('give the same answers as bounds from backward searches on 800 seeded random multimodal networks', () => {
    const key = (answer: RouteAnswer) => (answer.found ? answer.routes.map((route) => [route.minutes, route.usd, route.co2Kg, route.transshipments].map((x) => x.toFixed(6)).join()).join(';') : `cut ${answer.cutBy.join()}`);
    const mismatches: string[] = [];
    for (let seed = 1; seed <= 800; seed++) {
      const { network, departures, queries } = randomCase(seed);
      const bySearch = createPlanner(network, departures, { bounds: 'search' });
      const byHierarchy = createPlanner(network, departures, { bounds: 'hierarchy' });
      for (const query of queries) {
        const a = key(byHierarchy.plan(query));
        const b = key(bySearch.plan(query));
        if (a !== b) mismatches.push(`seed ${seed} ${JSON.stringify(query)}: ${a} vs ${b}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
