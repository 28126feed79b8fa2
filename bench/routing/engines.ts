/**
 * The engines compared: ours (contraction hierarchies, ALT, and plain Dijkstra as the reference) and the peers,
 * `ngraph.path` (A* and NBA* with the straight-line heuristic) and `graphology-shortest-path` (bidirectional
 * Dijkstra), each built on the same arcs. A search returns its own answer; turning it into minutes and a path of node
 * indices happens outside the timed part.
 */
import { DirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';
import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import { buildAlt, type AltEngine } from '../../src/modules/logistics/engine/fastest/alt.ts';
import { buildContraction, type ContractionEngine } from '../../src/modules/logistics/engine/fastest/contraction.ts';
import { buildDijkstra } from '../../src/modules/logistics/engine/fastest/dijkstra.ts';
import type { FastestPath } from '../../src/modules/logistics/engine/fastest/engine.ts';
import type { FastestGraph } from '../../src/modules/logistics/engine/fastest/graph.ts';
import { haversineKm } from '../../src/modules/logistics/synthetic/road-network.ts';
import type { BenchNetwork } from './networks.ts';

export interface Answer {
  /** Null: the engine found no path. */
  path: ArrayLike<number> | null;
  /** Minutes as the engine reports them; absent for peers that give only the path. */
  minutes?: number;
}

export interface Contender {
  name: string;
  ours: boolean;
  search: (from: number, to: number) => unknown;
  answer: (found: unknown) => Answer;
  /** Nodes the last search settled, where the engine tells. */
  searchSpace?: () => number;
  /** Contraction hierarchy shortcuts, for ours. */
  shortcuts?: number;
  /** Bytes of typed arrays kept, counted exactly, for ours. */
  keptBytes?: number;
}

export interface ContenderSpec {
  name: string;
  ours: boolean;
  /** Fast enough to answer every pair on every graph; the others get a prefix of the pairs on large graphs. */
  everyPair: boolean;
  /** Builds the engine; the run times this and measures the memory it keeps. */
  build: () => Contender;
}

const oursAnswer = (found: unknown): Answer => {
  const result = found as FastestPath | null;
  return result ? { path: result.path, minutes: result.minutes } : { path: null };
};

/** Arcs without loops and with one arc (the fastest) per ordered pair: the peers' graphs keep one link per pair. */
export function simpleArcs(graph: FastestGraph): { from: Int32Array; to: Int32Array; minutes: Float64Array } {
  const from: number[] = [];
  const to: number[] = [];
  const minutes: number[] = [];
  const slot = new Int32Array(graph.nodeCount).fill(-1);
  for (let v = 0; v < graph.nodeCount; v++) {
    const first = from.length;
    for (let a = graph.firstArc[v]!; a < graph.firstArc[v + 1]!; a++) {
      const w = graph.head[a]!;
      if (w === v) continue;
      const at = slot[w]!;
      if (at >= first && to[at] === w) {
        minutes[at] = Math.min(minutes[at]!, graph.minutes[a]!);
        continue;
      }
      slot[w] = from.length;
      from.push(v);
      to.push(w);
      minutes.push(graph.minutes[a]!);
    }
  }
  return { from: Int32Array.from(from), to: Int32Array.from(to), minutes: Float64Array.from(minutes) };
}

export function contenders(net: BenchNetwork, graph: FastestGraph, topSpeedKmh: number): ContenderSpec[] {
  // Straight-line minutes at the top speed, a hair under, so that rounding never makes it overestimate.
  const minutesPerKm = Number.isFinite(topSpeedKmh) && topSpeedKmh > 0 ? (60 / topSpeedKmh) * (1 - 1e-9) : 0;
  const { lat, lon } = net;
  const ngraphOf = () => {
    const arcs = simpleArcs(graph);
    const g = createGraph<{ lat: number; lon: number }, number>();
    for (let v = 0; v < net.nodeCount; v++) g.addNode(v, { lat: lat[v]!, lon: lon[v]! });
    for (let a = 0; a < arcs.from.length; a++) g.addLink(arcs.from[a]!, arcs.to[a]!, arcs.minutes[a]);
    return g;
  };
  const ngraphOptions = {
    oriented: true,
    distance: (_a: unknown, _b: unknown, link: { data: number }) => link.data,
    heuristic: (a: { data: { lat: number; lon: number } }, b: { data: { lat: number; lon: number } }) =>
      haversineKm(a.data.lat, a.data.lon, b.data.lat, b.data.lon) * minutesPerKm,
  };
  // ngraph.path gives the nodes from the target back to the source, and an empty list when there is no path.
  const ngraphAnswer = (found: unknown): Answer => {
    const nodes = found as { id: number }[];
    return { path: nodes.length === 0 ? null : nodes.map((node) => node.id).reverse() };
  };
  return [
    {
      name: 'ours: contraction hierarchies',
      ours: true,
      everyPair: true,
      build: () => {
        const { engine, stats } = buildContraction(graph);
        const ch = engine as ContractionEngine;
        return {
          name: 'ours: contraction hierarchies',
          ours: true,
          search: (a, b) => ch.fastest(a, b),
          answer: oursAnswer,
          searchSpace: () => ch.settled,
          shortcuts: stats.shortcuts,
          keptBytes: stats.bytes,
        };
      },
    },
    {
      name: 'ours: ALT (A*, 8 landmarks)',
      ours: true,
      everyPair: true,
      build: () => {
        const { engine, stats } = buildAlt(graph);
        const alt = engine as AltEngine;
        return { name: 'ours: ALT (A*, 8 landmarks)', ours: true, search: (a, b) => alt.fastest(a, b), answer: oursAnswer, searchSpace: () => alt.settled, keptBytes: stats.bytes };
      },
    },
    {
      name: 'ours: Dijkstra',
      ours: true,
      everyPair: false,
      build: () => {
        const { engine, stats } = buildDijkstra(graph);
        return { name: 'ours: Dijkstra', ours: true, search: (a, b) => engine.fastest(a, b), answer: oursAnswer, keptBytes: stats.bytes };
      },
    },
    {
      name: 'ngraph.path A*',
      ours: false,
      everyPair: false,
      build: () => {
        const finder = ngraphPath.aStar(ngraphOf(), ngraphOptions);
        return { name: 'ngraph.path A*', ours: false, search: (a, b) => finder.find(a, b), answer: ngraphAnswer };
      },
    },
    {
      name: 'ngraph.path NBA*',
      ours: false,
      everyPair: false,
      build: () => {
        const finder = ngraphPath.nba(ngraphOf(), ngraphOptions);
        return { name: 'ngraph.path NBA*', ours: false, search: (a, b) => finder.find(a, b), answer: ngraphAnswer };
      },
    },
    {
      name: 'graphology bidirectional Dijkstra',
      ours: false,
      everyPair: false,
      build: () => {
        const arcs = simpleArcs(graph);
        const g = new DirectedGraph<Record<string, never>, { minutes: number }>();
        for (let v = 0; v < net.nodeCount; v++) g.addNode(String(v));
        for (let a = 0; a < arcs.from.length; a++) g.addEdge(String(arcs.from[a]), String(arcs.to[a]), { minutes: arcs.minutes[a]! });
        return {
          name: 'graphology bidirectional Dijkstra',
          ours: false,
          // graphology answers null when there is no path; from = to is a path of the one node.
          search: (a, b) => bidirectional(g, String(a), String(b), 'minutes'),
          answer: (found) => {
            const keys = found as string[] | null;
            return { path: keys ? keys.map(Number) : null };
          },
        };
      },
    },
  ];
}
