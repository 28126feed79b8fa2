import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../synthetic/seeded-random.ts';
import { describeFastestConformance, expectSameAsDijkstra, gridGraph, randomGraph } from './conformance.ts';
import { buildContraction, contract, ContractionEngine } from './contraction.ts';

describeFastestConformance('Contraction hierarchies', (graph) => new ContractionEngine(contract(graph)));
describeFastestConformance('Contraction hierarchies, witness searches cut short, every priority estimated again', (graph) =>
  new ContractionEngine(contract(graph, { witnessSettleLimit: 1, estimateSettleLimit: 1, exactUpdateDegree: Number.POSITIVE_INFINITY })),
);

describe('Contraction hierarchies against Dijkstra', () => {
  it('give the same minutes and valid paths on 1,200 seeded random graphs', () => {
    const random = seededRandom(20_261_124);
    let compared = 0;
    let reachable = 0;
    for (let g = 0; g < 1200; g++) {
      const graph = randomGraph(random);
      // Every fourth graph with a tiny witness limit, so that the extra shortcuts it forces are covered too.
      const ch = new ContractionEngine(contract(graph, g % 4 === 3 ? { witnessSettleLimit: 2, estimateSettleLimit: 1, exactUpdateDegree: 0 } : {}));
      reachable += expectSameAsDijkstra(graph, ch, random, 12, `graph ${g}`);
      compared += 12;
    }
    expect(compared).toBe(14_400);
    // The graphs are varied enough for both outcomes to be common.
    expect(reachable).toBeGreaterThan(4000);
    expect(compared - reachable).toBeGreaterThan(1000);
  });

  it('reports its shortcuts and the bytes it keeps', () => {
    const graph = gridGraph(20);
    const { engine, stats } = buildContraction(graph);
    const ch = (engine as ContractionEngine).hierarchy;
    let shortcuts = 0;
    for (const middle of [ch.upMiddle, ch.downMiddle]) shortcuts += middle.filter((m) => m >= 0).length;
    expect(stats.shortcuts).toBe(shortcuts);
    expect(stats.shortcuts).toBeGreaterThan(0);
    // Every arc of the grid ends up once in the hierarchy, upward from its lower end, beside the shortcuts.
    expect(ch.upHead.length + ch.downTail.length).toBe(graph.head.length + shortcuts);
    expect(stats.bytes).toBeGreaterThan(ch.upHead.byteLength + ch.downTail.byteLength);
    // Ranks are a permutation of the nodes.
    expect(new Set(ch.rankOf).size).toBe(graph.nodeCount);
    for (let v = 0; v < graph.nodeCount; v++) expect(ch.nodeOf[ch.rankOf[v]!]).toBe(v);
  });
});
