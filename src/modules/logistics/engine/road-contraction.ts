/**
 * The road network contracted for the label search, a multi-criteria contraction hierarchy with a core. Plain road
 * junctions (road links only, no border, no departure stopping there) are taken out one by one, each replaced by
 * shortcuts for the ways through it, as long as that adds no arcs. A shortcut carries the sums of its two arcs' time,
 * price and CO2; a way needs none when a road, or two roads through another node, join its ends no worse on every
 * criterion (a witness), and a road arc another one between the same nodes matches on every criterion is dropped.
 * So for every path there stays one no worse on any criterion; a round trip by road back to a node of the core stays
 * too (as a loop arc), as it changes the container's vehicle there. What is never taken out is the core: terminals,
 * stops, borders and the busiest junctions.
 *
 * A search then climbs from its origin to the core on arcs up the hierarchy, moves over the core, and comes down only
 * into the destination's cone (the nodes from which arcs down the hierarchy reach it), so it visits far fewer nodes:
 * on a road graph most junctions are on no route but their own. Any path is matched by one that goes up, across
 * and down (the usual argument for contraction hierarchies, here for every criterion at once).
 */
import type { DepartureIndex } from './departures.ts';
import { ARC_BORDER, ARC_CLOSED, ARC_SCHEDULED_ONLY, ARC_UNDER_CONSTRUCTION, MODE_CODES, type CompiledNetwork } from './graph.ts';

const ROAD = MODE_CODES.indexOf('road');
const ANY_FLAG = ARC_BORDER | ARC_CLOSED | ARC_SCHEDULED_ONLY | ARC_UNDER_CONSTRUCTION;

/** What the label search reads of the arcs it moves on, arcs of node u at `arcStart[u] .. arcStart[u + 1]`. */
export type SearchArcs = Pick<
  CompiledNetwork,
  'arcStart' | 'arcHead' | 'arcMode' | 'arcGauge' | 'arcFlags' | 'arcMinutes' | 'arcUsd20' | 'arcUsd40' | 'arcGramKm'
> & {
  /** 1 for an arc down the hierarchy, taken only into the destination's cone; absent on an uncontracted graph. */
  readonly arcDown?: Uint8Array | undefined;
};

export type RoadHierarchy = SearchArcs & {
  readonly arcDown: Uint8Array;
  /** Per search arc: the network's arc it is, or `arcCount + s` for shortcut s. */
  readonly arcOrigin: Int32Array;
  /** The two arcs a shortcut joins, numbered as in `arcOrigin`. */
  readonly shortcutFirst: Int32Array;
  readonly shortcutSecond: Int32Array;
  /** Tails of the arcs down into node v: `coneTails[coneStart[v] .. coneStart[v + 1]]`. */
  readonly coneStart: Int32Array;
  readonly coneTails: Int32Array;
  /** 1 for a node taken out (a junction only shortcuts and its own arcs lead to), 0 for a node of the core. */
  readonly contracted: Uint8Array;
  /** Nodes never taken out. */
  readonly coreCount: number;
  readonly originalArcCount: number;
};

/** Contracts the plain road junctions of a compiled network: those with only open road links and no departure stop. */
export function contractRoads(graph: CompiledNetwork, index: DepartureIndex): RoadHierarchy {
  const { nodeCount, arcCount } = graph;
  const plain = new Uint8Array(nodeCount).fill(1);
  for (const node of index.stopNode) plain[node] = 0;
  for (let arc = 0; arc < arcCount; arc++) {
    // A loop link keeps its node in the core, where it stays an arc of the search.
    if (graph.arcMode[arc] !== ROAD || graph.arcFlags[arc]! & ANY_FLAG || graph.arcTail[arc] === graph.arcHead[arc]) {
      plain[graph.arcTail[arc]!] = 0;
      plain[graph.arcHead[arc]!] = 0;
    }
  }

  // Every arc made, network arcs first; each node's arcs still in the graph being contracted.
  const tail: number[] = Array.from(graph.arcTail);
  const head: number[] = Array.from(graph.arcHead);
  const minutes: number[] = Array.from(graph.arcMinutes);
  const usd20: number[] = Array.from(graph.arcUsd20);
  const usd40: number[] = Array.from(graph.arcUsd40);
  const gramKm: number[] = Array.from(graph.arcGramKm);
  const first: number[] = [];
  const second: number[] = [];
  let droppedSize = arcCount * 4 + 16;
  let droppedFlags = new Uint8Array(droppedSize);
  const outs: Set<number>[] = Array.from({ length: nodeCount }, () => new Set());
  const ins: Set<number>[] = Array.from({ length: nodeCount }, () => new Set());
  for (let arc = 0; arc < arcCount; arc++) {
    if (tail[arc] === head[arc]) continue;
    outs[tail[arc]!]!.add(arc);
    ins[head[arc]!]!.add(arc);
  }
  const plainRoad = (arc: number): boolean => arc >= arcCount || (graph.arcMode[arc] === ROAD && (graph.arcFlags[arc]! & ANY_FLAG) === 0);
  const noWorse = (a: number, b: number): boolean =>
    minutes[a]! <= minutes[b]! && usd20[a]! <= usd20[b]! && usd40[a]! <= usd40[b]! && gramKm[a]! <= gramKm[b]!;
  const drop = (arc: number): void => {
    if (arc >= droppedSize) {
      droppedSize *= 2;
      const grown = new Uint8Array(droppedSize);
      grown.set(droppedFlags);
      droppedFlags = grown;
    }
    droppedFlags[arc] = 1;
    outs[tail[arc]!]!.delete(arc);
    ins[head[arc]!]!.delete(arc);
  };
  /**
   * Whether the way a then b around junction v needs a shortcut: not when a plain road arc, or two of them through
   * another node, joins its ends no worse on every criterion (a witness, which stays in the graph or is itself
   * replaced by shortcuts no worse).
   */
  const needed = (a: number, b: number, v: number): boolean => {
    const from = tail[a]!;
    const to = head[b]!;
    const wayMinutes = minutes[a]! + minutes[b]!;
    const wayUsd20 = usd20[a]! + usd20[b]!;
    const wayUsd40 = usd40[a]! + usd40[b]!;
    const wayGramKm = gramKm[a]! + gramKm[b]!;
    for (const first of outs[from]!) {
      const via = head[first]!;
      if (via === v || !plainRoad(first)) continue;
      if (via === to) {
        if (minutes[first]! <= wayMinutes && usd20[first]! <= wayUsd20 && usd40[first]! <= wayUsd40 && gramKm[first]! <= wayGramKm) return false;
        continue;
      }
      for (const then of outs[via]!) {
        if (head[then] !== to || !plainRoad(then)) continue;
        if (
          minutes[first]! + minutes[then]! <= wayMinutes &&
          usd20[first]! + usd20[then]! <= wayUsd20 &&
          usd40[first]! + usd40[then]! <= wayUsd40 &&
          gramKm[first]! + gramKm[then]! <= wayGramKm
        ) {
          return false;
        }
      }
    }
    return true;
  };
  /** Adds the shortcut a then b unless a plain road arc between its ends is no worse; drops those it beats. */
  const shortcut = (a: number, b: number): void => {
    const from = tail[a]!;
    const to = head[b]!;
    const id = tail.length;
    tail.push(from);
    head.push(to);
    minutes.push(minutes[a]! + minutes[b]!);
    usd20.push(usd20[a]! + usd20[b]!);
    usd40.push(usd40[a]! + usd40[b]!);
    gramKm.push(gramKm[a]! + gramKm[b]!);
    first.push(a);
    second.push(b);
    for (const other of outs[from]!) {
      if (head[other] !== to || !plainRoad(other)) continue;
      if (noWorse(other, id)) {
        drop(id);
        return;
      }
    }
    for (const other of [...outs[from]!]) if (head[other] === to && plainRoad(other) && noWorse(id, other)) drop(other);
    outs[from]!.add(id);
    ins[to]!.add(id);
  };

  // Junctions with fewest arcs first; a junction is taken out when its shortcuts are no more than the arcs it loses.
  const rank = new Int32Array(nodeCount).fill(nodeCount);
  const order = Array.from({ length: nodeCount }, (_, v) => v).filter((v) => plain[v]);
  order.sort((x, y) => outs[x]!.size + ins[x]!.size - (outs[y]!.size + ins[y]!.size) || x - y);
  const waiting = order.reverse();
  let contracted = 0;
  while (waiting.length > 0) {
    const v = waiting.pop()!;
    if (rank[v] !== nodeCount) continue;
    const into = [...ins[v]!];
    const outOf = [...outs[v]!];
    const ways: [number, number][] = [];
    // A way out and back to the same node is kept only where the container may arrive on another vehicle than a
    // truck: there a round trip by road can stand for a change of vehicle (two transshipments instead of a gauge
    // change). At a plain junction it only adds time and money.
    for (const a of into) for (const b of outOf) if ((tail[a] !== head[b] || !plain[tail[a]!]) && needed(a, b, v)) ways.push([a, b]);
    if (ways.length > into.length + outOf.length) continue;
    rank[v] = contracted++;
    for (const a of into) outs[tail[a]!]!.delete(a);
    for (const b of outOf) ins[head[b]!]!.delete(b);
    for (const [a, b] of ways) shortcut(a, b);
    for (const a of into) if (rank[tail[a]!] === nodeCount && plain[tail[a]!]) waiting.push(tail[a]!);
    for (const b of outOf) if (rank[head[b]!] === nodeCount && plain[head[b]!]) waiting.push(head[b]!);
  }

  // The search graph: every arc made and not dropped, by tail.
  const total = tail.length;
  const arcStart = new Int32Array(nodeCount + 1);
  let kept = 0;
  for (let arc = 0; arc < total; arc++) {
    if (droppedFlags[arc]) continue;
    arcStart[tail[arc]! + 1]! += 1;
    kept += 1;
  }
  for (let u = 0; u < nodeCount; u++) arcStart[u + 1]! += arcStart[u]!;
  const fill = arcStart.slice(0, nodeCount);
  const arcs = {
    arcHead: new Int32Array(kept),
    arcMode: new Uint8Array(kept),
    arcGauge: new Uint8Array(kept),
    arcFlags: new Uint8Array(kept),
    arcMinutes: new Float64Array(kept),
    arcUsd20: new Float64Array(kept),
    arcUsd40: new Float64Array(kept),
    arcGramKm: new Float64Array(kept),
    arcDown: new Uint8Array(kept),
    arcOrigin: new Int32Array(kept),
  };
  const coneStart = new Int32Array(nodeCount + 1);
  for (let arc = 0; arc < total; arc++) {
    if (droppedFlags[arc]) continue;
    const at = fill[tail[arc]!]!++;
    const network = arc < arcCount;
    arcs.arcHead[at] = head[arc]!;
    arcs.arcMode[at] = network ? graph.arcMode[arc]! : ROAD;
    arcs.arcGauge[at] = network ? graph.arcGauge[arc]! : 0;
    arcs.arcFlags[at] = network ? graph.arcFlags[arc]! : 0;
    arcs.arcMinutes[at] = minutes[arc]!;
    arcs.arcUsd20[at] = usd20[arc]!;
    arcs.arcUsd40[at] = usd40[arc]!;
    arcs.arcGramKm[at] = gramKm[arc]!;
    arcs.arcOrigin[at] = arc;
    if (rank[tail[arc]!]! > rank[head[arc]!]!) {
      arcs.arcDown[at] = 1;
      coneStart[head[arc]! + 1]! += 1;
    }
  }
  for (let v = 0; v < nodeCount; v++) coneStart[v + 1]! += coneStart[v]!;
  const coneTails = new Int32Array(coneStart[nodeCount]!);
  const coneFill = coneStart.slice(0, nodeCount);
  for (let at = 0; at < kept; at++) if (arcs.arcDown[at]) coneTails[coneFill[arcs.arcHead[at]!]!++] = tail[arcs.arcOrigin[at]!]!;
  return {
    arcStart,
    ...arcs,
    shortcutFirst: Int32Array.from(first),
    shortcutSecond: Int32Array.from(second),
    coneStart,
    coneTails,
    contracted: Uint8Array.from(rank, (r) => (r < nodeCount ? 1 : 0)),
    coreCount: nodeCount - contracted,
    originalArcCount: arcCount,
  };
}

/** The network's arcs a search arc stands for, in order. */
export function networkArcs(roads: RoadHierarchy, searchArc: number): number[] {
  const arcs: number[] = [];
  const pending = [roads.arcOrigin[searchArc]!];
  while (pending.length > 0) {
    const arc = pending.pop()!;
    if (arc < roads.originalArcCount) {
      arcs.push(arc);
      continue;
    }
    const s = arc - roads.originalArcCount;
    pending.push(roads.shortcutSecond[s]!, roads.shortcutFirst[s]!);
  }
  return arcs;
}

/**
 * Marks with `stamp` in `cone` the destination and every node from which arcs down the hierarchy reach it, the only
 * nodes a search may come down to.
 */
export function markCone(roads: RoadHierarchy, target: number, cone: Int32Array, stamp: number, queue: Int32Array): void {
  let size = 0;
  cone[target] = stamp;
  queue[size++] = target;
  for (let at = 0; at < size; at++) {
    const v = queue[at]!;
    for (let i = roads.coneStart[v]!; i < roads.coneStart[v + 1]!; i++) {
      const u = roads.coneTails[i]!;
      if (cone[u] === stamp) continue;
      cone[u] = stamp;
      queue[size++] = u;
    }
  }
}
