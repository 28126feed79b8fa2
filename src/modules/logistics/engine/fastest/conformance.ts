/**
 * The suite every fastest-path engine passes: hand-built graphs with known answers and the edge cases (unreachable
 * target, from = to, parallel, one-way and zero-minute arcs), every path checked arc by arc.
 */
import { describe, expect, it } from 'vitest';
import { DijkstraEngine } from './dijkstra.ts';
import type { FastestPath, FastestPathEngine } from './engine.ts';
import { arcMinutes, graphFromArcs, graphFromEdges, type FastestGraph } from './graph.ts';

export type EngineFactory = (graph: FastestGraph) => FastestPathEngine;

/**
 * Problems with a path, none when it runs from `from` to `to`, each step is an arc of the graph, and its arcs' least
 * minutes add up to `minutes` (within rounding of sums taken in another order).
 */
export function pathProblems(graph: FastestGraph, from: number, to: number, found: FastestPath): string[] {
  const { path, minutes } = found;
  const problems: string[] = [];
  if (path[0] !== from) problems.push(`path starts at ${path[0]}, not ${from}`);
  if (path.at(-1) !== to) problems.push(`path ends at ${path.at(-1)}, not ${to}`);
  let sum = 0;
  for (let i = 1; i < path.length; i++) {
    const step = arcMinutes(graph, path[i - 1]!, path[i]!);
    if (step === Number.POSITIVE_INFINITY) problems.push(`no arc ${path[i - 1]} → ${path[i]}`);
    sum += step;
  }
  if (Math.abs(sum - minutes) > 1e-9 * Math.max(1, minutes)) problems.push(`arcs add up to ${sum}, answer says ${minutes}`);
  return problems;
}

/** Asks the engine and checks the answer: the expected minutes (null: unreachable) and a valid path. */
function expectFastest(engine: FastestPathEngine, graph: FastestGraph, from: number, to: number, minutes: number | null): FastestPath | null {
  const found = engine.fastest(from, to);
  if (minutes === null) {
    expect(found).toBeNull();
    return null;
  }
  expect(found).not.toBeNull();
  expect(found!.minutes).toBeCloseTo(minutes, 9);
  expect(pathProblems(graph, from, to, found!)).toEqual([]);
  return found;
}

/** An n × n grid of two-way unit streets: the fastest time between two corners is their Manhattan distance. */
export function gridGraph(side: number): FastestGraph {
  const from: number[] = [];
  const to: number[] = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      if (c + 1 < side) {
        from.push(r * side + c);
        to.push(r * side + c + 1);
      }
      if (r + 1 < side) {
        from.push(r * side + c);
        to.push((r + 1) * side + c);
      }
    }
  }
  return graphFromEdges(side * side, { from, to, minutes: from.map(() => 1) });
}

export function describeFastestConformance(name: string, factory: EngineFactory): void {
  describe(`${name}: fastest-path conformance`, () => {
    it('finds the known fastest paths of a small road graph', () => {
      // 0 -7- 1, 0 -9- 2, 0 -14- 5, 1 -10- 2, 1 -15- 3, 2 -11- 3, 2 -2- 5, 3 -6- 4, 4 -9- 5 (two-way)
      const graph = graphFromEdges(6, {
        from: [0, 0, 0, 1, 1, 2, 2, 3, 4],
        to: [1, 2, 5, 2, 3, 3, 5, 4, 5],
        minutes: [7, 9, 14, 10, 15, 11, 2, 6, 9],
      });
      const engine = factory(graph);
      expect(Array.from(expectFastest(engine, graph, 0, 4, 20)!.path)).toEqual([0, 2, 5, 4]);
      expect(Array.from(expectFastest(engine, graph, 4, 0, 20)!.path)).toEqual([4, 5, 2, 0]);
      expectFastest(engine, graph, 0, 3, 20);
      expectFastest(engine, graph, 1, 5, 12);
      expectFastest(engine, graph, 3, 5, 13);
      expectFastest(engine, graph, 5, 1, 12);
    });

    it('answers every pair of a grid with the Manhattan distance, asked again and again', () => {
      const side = 9;
      const graph = gridGraph(side);
      const engine = factory(graph);
      for (let a = 0; a < side * side; a++) {
        for (let b = 0; b < side * side; b += 4) {
          const manhattan = Math.abs(Math.floor(a / side) - Math.floor(b / side)) + Math.abs((a % side) - (b % side));
          const found = expectFastest(engine, graph, a, b, manhattan)!;
          expect(found.path.length).toBe(manhattan + 1);
        }
      }
    });

    it('returns null for an unreachable target, and finds it again once there is a way', () => {
      const graph = graphFromEdges(5, { from: [0, 1, 3], to: [1, 2, 4], minutes: [1, 1, 1] });
      const engine = factory(graph);
      expectFastest(engine, graph, 0, 4, null);
      expectFastest(engine, graph, 4, 2, null);
      expectFastest(engine, graph, 0, 2, 2);
      expectFastest(engine, graph, 4, 3, 1);
    });

    it('answers zero minutes and the lone node when from = to, even for an isolated node', () => {
      const graph = graphFromEdges(3, { from: [0], to: [1], minutes: [5] });
      const engine = factory(graph);
      expect(Array.from(expectFastest(engine, graph, 1, 1, 0)!.path)).toEqual([1]);
      expect(Array.from(expectFastest(engine, graph, 2, 2, 0)!.path)).toEqual([2]);
    });

    it('takes the faster of parallel arcs and ignores loops', () => {
      const graph = graphFromArcs(3, [0, 0, 0, 1, 1, 1], [1, 1, 0, 2, 2, 1], [9, 4, 1, 3, 8, 0]);
      const engine = factory(graph);
      expectFastest(engine, graph, 0, 2, 7);
      expectFastest(engine, graph, 2, 0, null);
    });

    it('follows one-way arcs only forwards', () => {
      // A ring 0 → 1 → 2 → 3 → 0 of one-way arcs, and a slow two-way road 0 – 2.
      const graph = graphFromEdges(4, { from: [0, 1, 2, 3, 0], to: [1, 2, 3, 0, 2], minutes: [1, 1, 1, 1, 10], oneWay: [1, 1, 1, 1, 0] });
      const engine = factory(graph);
      expectFastest(engine, graph, 0, 3, 3);
      expect(Array.from(expectFastest(engine, graph, 3, 2, 3)!.path)).toEqual([3, 0, 1, 2]);
      expectFastest(engine, graph, 1, 0, 3);
      expectFastest(engine, graph, 2, 1, 3);
      expectFastest(engine, graph, 2, 0, 2);
    });

    it('crosses zero-minute arcs', () => {
      const graph = graphFromEdges(5, { from: [0, 1, 2, 0, 3], to: [1, 2, 3, 3, 4], minutes: [0, 0, 0, 1, 0] });
      const engine = factory(graph);
      expectFastest(engine, graph, 0, 4, 0);
      expectFastest(engine, graph, 4, 1, 0);
    });

    it('adds up fractional minutes along long paths', () => {
      const n = 200;
      const from = Array.from({ length: n - 1 }, (_, i) => i);
      const minutes = from.map((i) => 0.1 + (i % 7) * 0.37);
      const graph = graphFromEdges(n, { from, to: from.map((i) => i + 1), minutes });
      const engine = factory(graph);
      const found = expectFastest(engine, graph, n - 1, 0, minutes.reduce((a, b) => a + b, 0))!;
      expect(found.path.length).toBe(n);
    });

    it('refuses node indices outside the graph', () => {
      const graph = graphFromEdges(2, { from: [0], to: [1], minutes: [1] });
      const engine = factory(graph);
      expect(() => engine.fastest(0, 2)).toThrow(RangeError);
      expect(() => engine.fastest(-1, 1)).toThrow(RangeError);
    });
  });
}

/**
 * A random directed graph for property tests: a mix of two-way and one-way arcs, parallel arcs, loops, zero and
 * fractional minutes, and some tied lengths (whole minutes), so that equal-length paths are common.
 */
export function randomGraph(random: () => number): FastestGraph {
  const n = 2 + Math.floor(random() * 40);
  const arcs = Math.floor(random() * n * 3);
  const from: number[] = [];
  const to: number[] = [];
  const minutes: number[] = [];
  const whole = random() < 0.5;
  for (let i = 0; i < arcs; i++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    const m = random() < 0.05 ? 0 : whole ? 1 + Math.floor(random() * 5) : random() * 100;
    from.push(a);
    to.push(b);
    minutes.push(m);
    if (random() < 0.7) {
      from.push(b);
      to.push(a);
      minutes.push(m);
    }
  }
  return graphFromArcs(n, from, to, minutes);
}

/**
 * Asks an engine and Dijkstra the same random questions on `graph`, expecting the same minutes (or both no path) and
 * a valid path; returns how many questions had a path.
 */
export function expectSameAsDijkstra(graph: FastestGraph, engine: FastestPathEngine, random: () => number, questions: number, name: string): number {
  const reference = new DijkstraEngine(graph);
  let reachable = 0;
  for (let q = 0; q < questions; q++) {
    const from = Math.floor(random() * graph.nodeCount);
    const to = Math.floor(random() * graph.nodeCount);
    const expected = reference.fastest(from, to);
    const found = engine.fastest(from, to);
    const where = `${name}, ${from} → ${to}`;
    if (expected === null) {
      expect(found, where).toBeNull();
      continue;
    }
    reachable += 1;
    expect(found, where).not.toBeNull();
    expect(Math.abs(found!.minutes - expected.minutes), where).toBeLessThanOrEqual(1e-9 * Math.max(1, expected.minutes));
    expect(pathProblems(graph, from, to, found!), where).toEqual([]);
  }
  return reachable;
}
