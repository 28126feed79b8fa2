import { describe, expect, it } from 'vitest';
import { graphFromEdges, graphFromNetwork } from '../engine/fastest/graph.ts';
import { DijkstraEngine } from '../engine/fastest/dijkstra.ts';
import { haversineKm, syntheticRoadGraph, syntheticRoadNetwork } from './road-network.ts';

/** Nodes reached from node 0 over links taken both ways. */
function reachedTwoWay(nodeCount: number, from: Int32Array, to: Int32Array): number {
  const graph = graphFromEdges(nodeCount, { from, to, minutes: new Float64Array(from.length) });
  const seen = new Uint8Array(nodeCount);
  const stack = [0];
  seen[0] = 1;
  let reached = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let a = graph.firstArc[v]!; a < graph.firstArc[v + 1]!; a++) {
      const w = graph.head[a]!;
      if (seen[w]) continue;
      seen[w] = 1;
      reached += 1;
      stack.push(w);
    }
  }
  return reached;
}

describe('syntheticRoadGraph', () => {
  it('has exactly the edges asked for, for small and large counts', () => {
    for (const edges of [20, 21, 57, 999, 1000, 10_000, 100_000]) {
      const graph = syntheticRoadGraph({ edges, seed: 7 });
      expect(graph.from.length).toBe(edges);
      expect(graph.to.length).toBe(edges);
      expect(graph.minutes.length).toBe(edges);
      expect(graph.lat.length).toBe(graph.nodeCount);
      // About 1.35 links a node, as on real road graphs.
      expect(edges / graph.nodeCount).toBeCloseTo(1.35, 1);
    }
    expect(() => syntheticRoadGraph({ edges: 19, seed: 1 })).toThrow(RangeError);
    expect(() => syntheticRoadGraph({ edges: 1.5e3 + 0.5, seed: 1 })).toThrow(RangeError);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = syntheticRoadGraph({ edges: 10_000, seed: 42 });
    const b = syntheticRoadGraph({ edges: 10_000, seed: 42 });
    const c = syntheticRoadGraph({ edges: 10_000, seed: 43 });
    expect(b.lat).toEqual(a.lat);
    expect(b.from).toEqual(a.from);
    expect(b.to).toEqual(a.to);
    expect(b.minutes).toEqual(a.minutes);
    expect(b.oneWay).toEqual(a.oneWay);
    expect(c.lat).not.toEqual(a.lat);
    expect(c.minutes).not.toEqual(a.minutes);
  });

  it('is connected, without loops or repeated links, with a few one-way links and highways', () => {
    const graph = syntheticRoadGraph({ edges: 20_000, seed: 3 });
    expect(reachedTwoWay(graph.nodeCount, graph.from, graph.to)).toBe(graph.nodeCount);
    const pairs = new Set<string>();
    let oneWay = 0;
    let highways = 0;
    for (let e = 0; e < graph.from.length; e++) {
      const a = graph.from[e]!;
      const b = graph.to[e]!;
      expect(a).not.toBe(b);
      pairs.add(a < b ? `${a}-${b}` : `${b}-${a}`);
      oneWay += graph.oneWay[e]!;
      highways += graph.highway[e]!;
    }
    expect(pairs.size).toBe(graph.from.length);
    expect(oneWay).toBeGreaterThan(0);
    expect(oneWay).toBeLessThan(graph.from.length * 0.03);
    expect(highways).toBeGreaterThan(0);
    expect(highways).toBeLessThan(graph.from.length * 0.05);
  });

  it('times links from their length and speed, never faster than the straight line at the top speed', () => {
    const graph = syntheticRoadGraph({ edges: 10_000, seed: 5 });
    for (let e = 0; e < graph.from.length; e++) {
      const a = graph.from[e]!;
      const b = graph.to[e]!;
      const straightKm = haversineKm(graph.lat[a]!, graph.lon[a]!, graph.lat[b]!, graph.lon[b]!);
      expect(graph.distanceKm[e]).toBeGreaterThanOrEqual(straightKm);
      const kmh = (graph.distanceKm[e]! / graph.minutes[e]!) * 60;
      expect([50, 70, 90, 120].some((speed) => Math.abs(kmh - speed) < 1e-9)).toBe(true);
      expect(Math.abs(kmh - 120) < 1e-9).toBe(graph.highway[e] === 1);
      expect(graph.minutes[e]).toBeGreaterThanOrEqual((straightKm / graph.maxSpeedKmh) * 60);
      // Neighbours are a few km apart; highways join points a dozen cells apart.
      expect(graph.distanceKm[e]).toBeLessThan(graph.highway[e] ? 60 : 8);
    }
    for (let i = 0; i < graph.nodeCount; i++) {
      expect(graph.lat[i]).toBeGreaterThan(30);
      expect(graph.lat[i]).toBeLessThan(56);
      expect(graph.lon[i]).toBeGreaterThan(55);
      expect(graph.lon[i]).toBeLessThan(97);
    }
  });
});

describe('syntheticRoadNetwork', () => {
  it('is a network of the product: synthetic ids, open road links, prices by distance', () => {
    const network = syntheticRoadNetwork({ edges: 1000, seed: 11 });
    const graph = syntheticRoadGraph({ edges: 1000, seed: 11 });
    expect(network.links).toHaveLength(1000);
    expect(network.nodes).toHaveLength(graph.nodeCount);
    expect(network.corridors).toEqual([]);
    expect(network.nodes[12]).toMatchObject({ id: 'S12', kind: 'city', country: 'ZZZ', lat: graph.lat[12], lon: graph.lon[12] });
    const ids = new Set(network.nodes.map((node) => node.id));
    for (const [e, link] of network.links.entries()) {
      expect(link.id).toBe(`SL${e}`);
      expect(ids.has(link.from) && ids.has(link.to)).toBe(true);
      expect(link).toMatchObject({ mode: 'road', status: 'open', corridors: [], oneWay: graph.oneWay[e] === 1, minutes: graph.minutes[e] });
      expect(link.usd[40]).toBeGreaterThan(link.usd[20]);
      expect(link.usd[20]).toBeCloseTo(20 + link.distanceKm * 0.9, 1);
    }
  });

  it('routes every node from every other in the fastest-path engine, one-way links included', () => {
    const network = syntheticRoadNetwork({ edges: 2000, seed: 2 });
    const { graph } = graphFromNetwork(network);
    const engine = new DijkstraEngine(graph);
    for (let i = 0; i < 50; i++) {
      const from = (i * 7919) % graph.nodeCount;
      const to = (i * 104_729 + 13) % graph.nodeCount;
      expect(engine.fastest(from, to)).not.toBeNull();
    }
  });
});
