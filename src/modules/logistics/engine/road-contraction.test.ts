import { describe, expect, it } from 'vitest';
import { createBruteForcePlanner } from './brute-force.ts';
import { departure, link, network, node, query, T0 } from './conformance.ts';
import { indexDepartures } from './departures.ts';
import { compileNetwork } from './graph.ts';
import { createPlanner } from './planner.ts';
import { contractRoads, networkArcs, type RoadHierarchy } from './road-contraction.ts';
import type { PlannedRoute } from './types.ts';
import { syntheticMultimodalNetwork, syntheticTimetable } from '../synthetic/rail-network.ts';
import { seededRandom } from '../synthetic/seeded-random.ts';

/** The tail of search arc `at`: the node whose range of arcs holds it. */
function tailOf(roads: RoadHierarchy, at: number): number {
  let low = 0;
  let high = roads.arcStart.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (roads.arcStart[middle]! <= at) low = middle;
    else high = middle;
  }
  return low;
}

describe('contractRoads', () => {
  // Road junctions R1–R4 between two rail terminals; R4 is a dead end; Y sits behind a border.
  const junctions = network(
    [node('T1', 'CHN'), node('T2', 'CHN'), node('R1', 'CHN'), node('R2', 'CHN'), node('R3', 'CHN'), node('R4', 'CHN'), node('Y', 'KAZ')],
    [
      link('T1-T2', 'T1', 'T2', 'rail', 300, 300, 400, { scheduledOnly: true }),
      link('T1-R1', 'T1', 'R1', 'road', 50, 60, 100),
      link('R1-R2', 'R1', 'R2', 'road', 50, 60, 100),
      link('R2-R3', 'R2', 'R3', 'road', 50, 60, 100),
      link('R3-T2', 'R3', 'T2', 'road', 50, 60, 100),
      link('R2-R4', 'R2', 'R4', 'road', 20, 30, 40),
      link('R3-Y', 'R3', 'Y', 'road', 40, 50, 80),
    ],
  );
  const graph = compileNetwork(junctions);
  const roads = contractRoads(graph, indexDepartures(graph, [departure('D', 'rail', [['T1', undefined, T0 + 100], ['T2', T0 + 400, undefined]], 10, 500)]));
  const taken = (id: string): number => roads.contracted[graph.nodeIndex.get(id)!]!;

  it('takes out plain road junctions and keeps stops, nodes on other modes and border nodes in the core', () => {
    expect(['R1', 'R2', 'R4'].map(taken)).toEqual([1, 1, 1]);
    expect(['T1', 'T2', 'R3', 'Y'].map(taken)).toEqual([0, 0, 0, 0]);
    expect(roads.coreCount).toBe(4);
  });

  it('joins the core with shortcuts that sum the road arcs they stand for', () => {
    const t1 = graph.nodeIndex.get('T1')!;
    const r3 = graph.nodeIndex.get('R3')!;
    const shortcut = Array.from({ length: roads.arcStart[t1 + 1]! - roads.arcStart[t1]! }, (_, i) => roads.arcStart[t1]! + i).find((at) => roads.arcHead[at] === r3);
    expect(shortcut).toBeDefined();
    expect(networkArcs(roads, shortcut!).map((arc) => graph.linkIds[graph.arcLink[arc]!])).toEqual(['T1-R1', 'R1-R2', 'R2-R3']);
    expect([roads.arcMinutes[shortcut!], roads.arcUsd40[shortcut!], roads.arcDown[shortcut!]]).toEqual([180, 300, 0]);
  });
});

describe('contractRoads around a junction with a better way past it', () => {
  // A and B are held in the core by their rail link; the road A–B is shorter on every count than A–V–B.
  const triangle = network(
    [node('A', 'CHN'), node('V', 'CHN'), node('B', 'CHN')],
    [
      link('A-B rail', 'A', 'B', 'rail', 30, 40, 50),
      link('A-V', 'A', 'V', 'road', 20, 30, 40),
      link('V-B', 'V', 'B', 'road', 20, 30, 40),
      link('A-B', 'A', 'B', 'road', 35, 50, 70),
    ],
  );
  const graph = compileNetwork(triangle);
  const roads = contractRoads(graph, indexDepartures(graph, []));
  const [a, v, b] = ['A', 'V', 'B'].map((id) => graph.nodeIndex.get(id)!) as [number, number, number];

  it('takes the junction out without a shortcut, the direct road being its witness', () => {
    expect(roads.contracted[v]).toBe(1);
    const toB = Array.from({ length: roads.arcStart[a + 1]! - roads.arcStart[a]! }, (_, i) => roads.arcStart[a]! + i).filter((at) => roads.arcHead[at] === b);
    expect(toB.flatMap((at) => networkArcs(roads, at).map((arc) => graph.linkIds[graph.arcLink[arc]!])).sort()).toEqual(['A-B', 'A-B rail']);
  });
});

describe('contractRoads at a gauge break', () => {
  // Rail of 1,435 mm reaches U, rail of 1,520 mm leaves it; a road spur from U to a depot X, or a loop road at U.
  // Trucking out and back (two transshipments of 30 min) beats the gauge change at U (6 h): a round trip by road
  // changes the container's vehicle, so it must survive the contraction of X.
  const atBreak = (road: ReturnType<typeof link>[]) =>
    network(
      [node('A', 'CHN'), node('U', 'CHN', { transshipment: { minutes: 30, usd: { 20: 10, 40: 20 } } }), node('X', 'CHN'), node('B', 'CHN')],
      [link('A-U', 'A', 'U', 'rail', 100, 100, 100, { gauge: 1435 }), link('U-B', 'U', 'B', 'rail', 100, 100, 100, { gauge: 1520 }), ...road],
    );
  const summary = (answer: ReturnType<ReturnType<typeof createPlanner>['plan']>) =>
    answer.found ? answer.routes.map((route) => `${route.minutes} min ${route.transshipments} transshipments ${route.legs.map((leg) => leg.links.join('+')).join(' | ')}`) : answer;

  it('keeps the round trip over a contracted spur', () => {
    const spur = atBreak([link('U-X', 'U', 'X', 'road', 5, 10, 10)]);
    const planner = createPlanner(spur, []);
    expect(planner.roads!.contracted[planner.graph.nodeIndex.get('X')!]).toBe(1);
    const answer = planner.plan(query('A', 'B'));
    expect(summary(answer)).toEqual(['280 min 2 transshipments A-U | U-X+U-X | U-B', '560 min 1 transshipments A-U | U-B']);
    expect(summary(answer)).toEqual(summary(createBruteForcePlanner(spur, []).plan(query('A', 'B'))));
  });

  it('keeps a loop link as an arc of the search', () => {
    const loop = atBreak([link('U-U', 'U', 'U', 'road', 5, 10, 10), link('X-B', 'X', 'B', 'road', 900, 2000, 900)]);
    const answer = createPlanner(loop, []).plan(query('A', 'B'));
    expect(summary(answer)).toEqual(summary(createBruteForcePlanner(loop, []).plan(query('A', 'B'))));
    expect(summary(answer)).toContain('270 min 2 transshipments A-U | U-U | U-B');
  });
});

describe('the road hierarchy of a synthetic multimodal network', () => {
  const start = Date.UTC(2026, 0, 5) / 60_000;
  const synthetic = syntheticMultimodalNetwork({ edges: 6000, seed: 11 });
  const departures = syntheticTimetable(synthetic, { count: 600, seed: 11, start, weeks: 2 });
  const contracted = createPlanner(synthetic, departures);
  const plain = createPlanner(synthetic, departures, { contractRoads: false });
  const roads = contracted.roads!;
  const graph = contracted.graph;
  const linkIds = new Set(synthetic.links.map((l) => l.id));

  it('takes out most junctions but never a terminal', () => {
    expect(roads.coreCount).toBeLessThan(graph.nodeCount * 0.25);
    for (const node of contracted.departures.stopNode) expect(roads.contracted[node]).toBe(0);
  });

  it('makes every search arc a path of network arcs from its tail to its head with the same time, price and CO2', () => {
    const problems: string[] = [];
    for (let at = 0; at < roads.arcHead.length; at++) {
      const arcs = networkArcs(roads, at);
      const sum = (figures: Float64Array) => arcs.reduce((total, arc) => total + figures[arc]!, 0);
      const joined = arcs.every((arc, i) => i === 0 || graph.arcTail[arc] === graph.arcHead[arcs[i - 1]!]);
      const ends = graph.arcTail[arcs[0]!] === tailOf(roads, at) && graph.arcHead[arcs.at(-1)!] === roads.arcHead[at];
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, b);
      const same =
        close(sum(graph.arcMinutes), roads.arcMinutes[at]!) &&
        close(sum(graph.arcUsd20), roads.arcUsd20[at]!) &&
        close(sum(graph.arcUsd40), roads.arcUsd40[at]!) &&
        close(sum(graph.arcGramKm), roads.arcGramKm[at]!);
      if (!joined || !ends || !same) problems.push(`search arc ${at}: joined ${joined}, ends ${ends}, same figures ${same}`);
      if (arcs.length > 1 && arcs.some((arc) => graph.arcMode[arc] !== graph.arcMode[arcs[0]!] || graph.arcFlags[arc] !== 0)) problems.push(`search arc ${at} joins arcs that are not plain road`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('plans the same routes as a search over every junction, link by link', () => {
    const random = seededRandom(5);
    const pick = () => synthetic.nodes[Math.floor(random() * synthetic.nodes.length)]!.id;
    const vectors = (routes: readonly PlannedRoute[]) => routes.map((route) => [route.minutes, route.usd, route.co2Kg, route.transshipments].map((x) => x.toFixed(4)).join(' ')).sort();
    let answered = 0;
    for (let i = 0; i < 30; i++) {
      const ask = query(pick(), pick(), { departAfter: start + Math.floor(random() * 2880), maxBorderCrossings: i % 4 === 0 ? 0 : undefined });
      const a = contracted.plan(ask);
      const b = plain.plan(ask);
      expect(a.found).toBe(b.found);
      if (!a.found || !b.found) continue;
      answered += 1;
      expect(vectors(a.routes)).toEqual(vectors(b.routes));
      // The routes come back link by link, as the network has them.
      for (const route of a.routes) for (const leg of route.legs) expect(leg.links.every((id) => linkIds.has(id))).toBe(true);
    }
    expect(answered).toBeGreaterThan(25);
  });
});
