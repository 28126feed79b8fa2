/**
 * A compact directed graph for the fastest-path engines: arcs sorted by tail in CSR typed arrays (no object per node
 * or arc), built from (from, to, minutes) arrays or from a `Network`.
 */
import type { Network } from '../types.ts';

export interface FastestGraph {
  nodeCount: number;
  /** Arcs of node v are `firstArc[v]` up to (not including) `firstArc[v + 1]`. */
  firstArc: Int32Array;
  head: Int32Array;
  minutes: Float64Array;
}

export type NumberArray = ArrayLike<number>;

/** Builds the CSR graph of directed arcs `from[i] → to[i]` taking `minutes[i]`; parallel arcs are kept. */
export function graphFromArcs(nodeCount: number, from: NumberArray, to: NumberArray, minutes: NumberArray): FastestGraph {
  const arcCount = from.length;
  if (to.length !== arcCount || minutes.length !== arcCount) throw new Error('from, to and minutes must have the same length');
  const firstArc = new Int32Array(nodeCount + 1);
  for (let i = 0; i < arcCount; i++) {
    const tail = from[i]!;
    const tip = to[i]!;
    const weight = minutes[i]!;
    if (!(tail >= 0 && tail < nodeCount && tip >= 0 && tip < nodeCount)) throw new Error(`arc ${i}: node out of range`);
    // A negative or NaN weight would make every engine's answer meaningless, so it is refused at the door.
    if (!(weight >= 0) || weight === Number.POSITIVE_INFINITY) throw new Error(`arc ${i}: minutes must be finite and not negative`);
    firstArc[tail + 1]! += 1;
  }
  for (let v = 0; v < nodeCount; v++) firstArc[v + 1]! += firstArc[v]!;
  const next = firstArc.slice(0, nodeCount);
  const head = new Int32Array(arcCount);
  const weights = new Float64Array(arcCount);
  for (let i = 0; i < arcCount; i++) {
    const at = next[from[i]!]!++;
    head[at] = to[i]!;
    weights[at] = minutes[i]!;
  }
  return { nodeCount, firstArc, head, minutes: weights };
}

/** Undirected edges become two arcs each, except those marked one-way. */
export function graphFromEdges(
  nodeCount: number,
  edges: { from: NumberArray; to: NumberArray; minutes: NumberArray; oneWay?: ArrayLike<number | boolean> | undefined },
): FastestGraph {
  const { from, to, minutes, oneWay } = edges;
  let arcs = 0;
  for (let i = 0; i < from.length; i++) arcs += oneWay?.[i] ? 1 : 2;
  const tails = new Int32Array(arcs);
  const tips = new Int32Array(arcs);
  const weights = new Float64Array(arcs);
  let at = 0;
  for (let i = 0; i < from.length; i++) {
    tails[at] = from[i]!;
    tips[at] = to[i]!;
    weights[at++] = minutes[i]!;
    if (oneWay?.[i]) continue;
    tails[at] = to[i]!;
    tips[at] = from[i]!;
    weights[at++] = minutes[i]!;
  }
  return graphFromArcs(nodeCount, tails, tips, weights);
}

export interface NetworkGraph {
  graph: FastestGraph;
  /** Node ids by index, in the network's order. */
  nodeIds: readonly string[];
  indexOf: ReadonlyMap<string, number>;
}

/**
 * The network's links as arcs, in both directions unless `oneWay`; `usable` (over the link's index in
 * `network.links`) leaves out links the query may not take, e.g. closed ones or those of a mode not allowed.
 */
export function graphFromNetwork(network: Network, usable?: (linkIndex: number) => boolean): NetworkGraph {
  const nodeIds = network.nodes.map((node) => node.id);
  const indexOf = new Map(nodeIds.map((id, index) => [id, index]));
  const from: number[] = [];
  const to: number[] = [];
  const minutes: number[] = [];
  const oneWay: boolean[] = [];
  network.links.forEach((link, index) => {
    if (usable && !usable(index)) return;
    const a = indexOf.get(link.from);
    const b = indexOf.get(link.to);
    if (a === undefined || b === undefined) throw new Error(`link ${link.id}: unknown node ${a === undefined ? link.from : link.to}`);
    from.push(a);
    to.push(b);
    minutes.push(link.minutes);
    oneWay.push(link.oneWay === true);
  });
  return { graph: graphFromEdges(nodeIds.length, { from, to, minutes, oneWay }), nodeIds, indexOf };
}

/** The graph with every arc turned around, for searches that run from the target. */
export function reverseGraph(graph: FastestGraph): FastestGraph {
  const { nodeCount, firstArc, head, minutes } = graph;
  const tails = new Int32Array(head.length);
  for (let v = 0; v < nodeCount; v++) tails.fill(v, firstArc[v], firstArc[v + 1]);
  return graphFromArcs(nodeCount, head, tails, minutes);
}

/** The least weight of an arc u → v, or Infinity when there is none. */
export function arcMinutes(graph: FastestGraph, u: number, v: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let a = graph.firstArc[u]!, end = graph.firstArc[u + 1]!; a < end; a++) {
    if (graph.head[a] === v && graph.minutes[a]! < best) best = graph.minutes[a]!;
  }
  return best;
}

export const graphBytes = (graph: FastestGraph): number => graph.firstArc.byteLength + graph.head.byteLength + graph.minutes.byteLength;
