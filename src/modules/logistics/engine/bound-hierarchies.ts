/**
 * Lower bounds of time, price and CO2 to a destination for every node at once, from contraction hierarchies built
 * when the planner is compiled (PHAST: a search up the hierarchy from the destination, then one sweep down it in rank
 * order). On large networks this replaces the planner's backward searches per query, which visit most of the graph.
 * The hierarchies are built on every arc any query could use, at its least time, price and CO2 by link or by any
 * departure, so their distances never exceed what a query with fewer usable arcs would find: they stay lower bounds.
 */
import type { DepartureIndex } from './departures.ts';
import { contract, type ContractionHierarchy } from './fastest/contraction.ts';
import { graphFromArcs } from './fastest/graph.ts';
import { ARC_CLOSED, type CompiledNetwork } from './graph.ts';
import { MinHeap } from './min-heap.ts';

export interface BoundHierarchies {
  readonly minutes: ContractionHierarchy;
  /** Price per 40' container; a 20' container's bound is `usd20PerUsd40` of it (the least ratio over all arcs). */
  readonly usd40: ContractionHierarchy;
  readonly usd20PerUsd40: number;
  /** Distance times grams of CO2 per tonne-kilometre. */
  readonly gramKm: ContractionHierarchy;
}

export function buildBoundHierarchies(graph: CompiledNetwork, index: DepartureIndex): BoundHierarchies {
  const tails: number[] = [];
  const heads: number[] = [];
  const minutes: number[] = [];
  const usd40: number[] = [];
  const gramKm: number[] = [];
  let usd20PerUsd40 = 1;
  for (let arc = 0; arc < graph.arcCount; arc++) {
    if (graph.arcFlags[arc]! & ARC_CLOSED || index.arcBoundMinutes[arc] === Number.POSITIVE_INFINITY) continue;
    tails.push(graph.arcTail[arc]!);
    heads.push(graph.arcHead[arc]!);
    minutes.push(index.arcBoundMinutes[arc]!);
    usd40.push(index.arcBoundUsd40[arc]!);
    gramKm.push(graph.arcGramKm[arc]!);
    const usd20 = index.arcBoundUsd20[arc]!;
    if (index.arcBoundUsd40[arc]! > 0) usd20PerUsd40 = Math.min(usd20PerUsd40, usd20 / index.arcBoundUsd40[arc]!);
    else if (usd20 <= 0) usd20PerUsd40 = Math.min(usd20PerUsd40, 1);
  }
  const hierarchy = (weights: number[]) => contract(graphFromArcs(graph.nodeCount, tails, heads, weights));
  return { minutes: hierarchy(minutes), usd40: hierarchy(usd40), usd20PerUsd40: Math.max(0, usd20PerUsd40), gramKm: hierarchy(gramKm) };
}

/** Arrays one query's sweeps reuse. */
export class BoundSweep {
  private readonly byRank: Float64Array;
  private readonly heap = new MinHeap(256);

  constructor(nodeCount: number) {
    this.byRank = new Float64Array(nodeCount);
  }

  /**
   * Writes to `out[v]` the hierarchy's distance from node v to `target` times `scale` (Infinity where the target
   * cannot be reached), each a little under, so that float rounding never makes a bound overestimate.
   */
  distancesTo(ch: ContractionHierarchy, target: number, scale: number, slack: number, out: Float64Array): void {
    const { byRank, heap } = this;
    const infinity = Number.POSITIVE_INFINITY;
    byRank.fill(infinity);
    heap.clear();
    const top = ch.rankOf[target]!;
    byRank[top] = 0;
    heap.push(top, 0);
    // Up the hierarchy from the target, against the arcs' direction: tails of arcs into a node rank higher.
    while (heap.size > 0) {
      const distance = heap.peekPriority();
      const r = heap.pop();
      if (distance > byRank[r]!) continue;
      for (let a = ch.downFirst[r]!, end = ch.downFirst[r + 1]!; a < end; a++) {
        const tail = ch.downTail[a]!;
        const reach = distance + ch.downMinutes[a]!;
        if (reach < byRank[tail]!) {
          byRank[tail] = reach;
          heap.push(tail, reach);
        }
      }
    }
    // Down the ranks: every node's upward arcs lead to nodes already final.
    const { upFirst, upHead, upMinutes, nodeOf } = ch;
    for (let r = ch.nodeCount - 1; r >= 0; r--) {
      let best = byRank[r]!;
      for (let a = upFirst[r]!, end = upFirst[r + 1]!; a < end; a++) {
        const via = upMinutes[a]! + byRank[upHead[a]!]!;
        if (via < best) best = via;
      }
      byRank[r] = best;
      out[nodeOf[r]!] = best === infinity ? infinity : best * scale * slack;
    }
  }
}
