/**
 * Contraction hierarchies: nodes are contracted one by one, least important first, adding a shortcut u → w through
 * the contracted node v whenever no witness path u ⇝ w avoiding v is as short. A query then searches only upwards
 * (towards more important nodes) from both ends, with stall-on-demand, and unpacks the shortcuts it used.
 */
import { MinHeap } from '../min-heap.ts';
import { checkNode } from './dijkstra.ts';
import type { BuiltEngine, FastestPath, FastestPathEngine } from './engine.ts';
import type { FastestGraph } from './graph.ts';

export interface ContractionOptions {
  /** Nodes a witness search may settle while contracting; past it the shortcut is added (always correct). */
  witnessSettleLimit?: number;
  /** The same limit while estimating a node's priority, where an estimate is enough. */
  estimateSettleLimit?: number;
  /** Neighbours of a contracted node with at most this many arcs have their priority estimated again at once. */
  exactUpdateDegree?: number;
}

/** The hierarchy, nodes numbered by rank (0 least important), arcs only towards higher ranks. */
export interface ContractionHierarchy {
  nodeCount: number;
  /** Rank of each node of the original graph, and the node of each rank. */
  rankOf: Int32Array;
  nodeOf: Int32Array;
  /** Upward arcs v → head of the forward search. */
  upFirst: Int32Array;
  upHead: Int32Array;
  upMinutes: Float64Array;
  /** The node a shortcut skips, -1 for an arc of the graph. */
  upMiddle: Int32Array;
  /** Arcs tail → v with a higher-ranked tail, searched upwards from the target. */
  downFirst: Int32Array;
  downTail: Int32Array;
  downMinutes: Float64Array;
  downMiddle: Int32Array;
  shortcuts: number;
}

/**
 * Per-node arc lists that grow and shrink while contracting, in shared typed-array pools: a list that outgrows its
 * room moves to the end of the pool with twice the room.
 */
class ArcLists {
  readonly start: Int32Array;
  readonly length: Int32Array;
  private readonly room: Int32Array;
  node: Int32Array;
  minutes: Float64Array;
  middle: Int32Array;
  /** Arcs of the original graph a (shortcut) arc stands for, for the priority. */
  hops: Int32Array;
  private used = 0;

  constructor(nodeCount: number, degrees: Int32Array) {
    this.start = new Int32Array(nodeCount);
    this.length = new Int32Array(nodeCount);
    this.room = new Int32Array(nodeCount);
    let total = 0;
    for (let v = 0; v < nodeCount; v++) {
      this.start[v] = total;
      this.room[v] = degrees[v]! + 2;
      total += this.room[v]!;
    }
    this.used = total;
    const capacity = Math.max(16, Math.ceil(total * 1.5));
    this.node = new Int32Array(capacity);
    this.minutes = new Float64Array(capacity);
    this.middle = new Int32Array(capacity);
    this.hops = new Int32Array(capacity);
  }

  /** Keeps the lesser of an existing arc v → w and the new one; returns whether the list changed. */
  setMin(v: number, w: number, minutes: number, middle: number, hops: number): boolean {
    const start = this.start[v]!;
    const end = start + this.length[v]!;
    for (let i = start; i < end; i++) {
      if (this.node[i] !== w) continue;
      if (minutes >= this.minutes[i]!) return false;
      this.minutes[i] = minutes;
      this.middle[i] = middle;
      this.hops[i] = hops;
      return true;
    }
    if (this.length[v] === this.room[v]) this.move(v);
    const at = this.start[v]! + this.length[v]!++;
    this.node[at] = w;
    this.minutes[at] = minutes;
    this.middle[at] = middle;
    this.hops[at] = hops;
    return true;
  }

  remove(v: number, w: number): void {
    const start = this.start[v]!;
    const last = start + this.length[v]! - 1;
    for (let i = start; i <= last; i++) {
      if (this.node[i] !== w) continue;
      this.node[i] = this.node[last]!;
      this.minutes[i] = this.minutes[last]!;
      this.middle[i] = this.middle[last]!;
      this.hops[i] = this.hops[last]!;
      this.length[v]!--;
      return;
    }
  }

  private move(v: number): void {
    const room = this.room[v]! * 2;
    if (this.used + room > this.node.length) this.grow(this.used + room);
    const from = this.start[v]!;
    const count = this.length[v]!;
    this.node.copyWithin(this.used, from, from + count);
    this.minutes.copyWithin(this.used, from, from + count);
    this.middle.copyWithin(this.used, from, from + count);
    this.hops.copyWithin(this.used, from, from + count);
    this.start[v] = this.used;
    this.room[v] = room;
    this.used += room;
  }

  private grow(atLeast: number): void {
    const capacity = Math.max(atLeast, this.node.length * 2);
    const grown = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.node = grown(this.node, (n) => new Int32Array(n));
    this.minutes = grown(this.minutes, (n) => new Float64Array(n));
    this.middle = grown(this.middle, (n) => new Int32Array(n));
    this.hops = grown(this.hops, (n) => new Int32Array(n));
  }
}

/** Contracts the graph; a pure function of the graph and the options (no randomness). */
export function contract(graph: FastestGraph, options: ContractionOptions = {}): ContractionHierarchy {
  const witnessLimit = options.witnessSettleLimit ?? 100;
  const estimateLimit = options.estimateSettleLimit ?? 30;
  const exactUpdateDegree = options.exactUpdateDegree ?? 8;
  const n = graph.nodeCount;
  const outDegree = new Int32Array(n);
  const inDegree = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (let a = graph.firstArc[v]!; a < graph.firstArc[v + 1]!; a++) {
      outDegree[v]! += 1;
      inDegree[graph.head[a]!]! += 1;
    }
  }
  const out = new ArcLists(n, outDegree);
  const into = new ArcLists(n, inDegree);
  for (let v = 0; v < n; v++) {
    for (let a = graph.firstArc[v]!; a < graph.firstArc[v + 1]!; a++) {
      const w = graph.head[a]!;
      if (w === v) continue; // a loop is never on a fastest path
      if (out.setMin(v, w, graph.minutes[a]!, -1, 1)) into.setMin(w, v, graph.minutes[a]!, -1, 1);
    }
  }

  const contracted = new Uint8Array(n);
  const deletedNeighbours = new Int32Array(n);
  const priority = new Float64Array(n);
  // Witness search state, reused: a version stamp marks the distances of the current search.
  const dist = new Float64Array(n);
  const seen = new Uint32Array(n);
  let version = 0;
  const heap = new MinHeap(256);

  // The out-neighbours a witness search looks for are marked, so that it stops once it has settled them all.
  const targetMark = new Uint32Array(n);
  let targetRound = 0;

  /**
   * Dijkstra from `source` avoiding `avoid` and contracted nodes, until `targets` marked nodes are settled, past
   * `maxMinutes`, or after `limit` settled nodes.
   */
  const witnessSearch = (source: number, avoid: number, maxMinutes: number, limit: number, targets: number) => {
    version += 1;
    heap.clear();
    dist[source] = 0;
    seen[source] = version;
    heap.push(source, 0);
    let settled = 0;
    while (heap.size > 0) {
      const d = heap.peekPriority();
      const x = heap.pop();
      if (d > dist[x]!) continue;
      if (d > maxMinutes || ++settled > limit) break;
      if (targetMark[x] === targetRound && --targets === 0) break;
      const start = out.start[x]!;
      const end = start + out.length[x]!;
      for (let i = start; i < end; i++) {
        const y = out.node[i]!;
        if (y === avoid) continue;
        const nd = d + out.minutes[i]!;
        if (seen[y] !== version || nd < dist[y]!) {
          seen[y] = version;
          dist[y] = nd;
          heap.push(y, nd);
        }
      }
    }
  };

  /** Shortcuts contracting v needs; added to the lists when `apply`, else only counted for the priority. */
  const shortcutsOf = (v: number, apply: boolean): { added: number; addedHops: number } => {
    let added = 0;
    let addedHops = 0;
    const inStart = into.start[v]!;
    const inEnd = inStart + into.length[v]!;
    const outStart = out.start[v]!;
    const outEnd = outStart + out.length[v]!;
    for (let i = inStart; i < inEnd; i++) {
      const u = into.node[i]!;
      const toV = into.minutes[i]!;
      let maxMinutes = -1;
      let targets = 0;
      targetRound += 1;
      for (let j = outStart; j < outEnd; j++) {
        const w = out.node[j]!;
        if (w === u) continue;
        maxMinutes = Math.max(maxMinutes, toV + out.minutes[j]!);
        targetMark[w] = targetRound;
        targets += 1;
      }
      if (targets === 0) continue;
      witnessSearch(u, v, maxMinutes, apply ? witnessLimit : estimateLimit, targets);
      for (let j = outStart; j < outEnd; j++) {
        const w = out.node[j]!;
        if (w === u) continue;
        const via = toV + out.minutes[j]!;
        if (seen[w] === version && dist[w]! <= via) continue;
        const hops = into.hops[i]! + out.hops[j]!;
        added += 1;
        addedHops += hops;
        if (apply && out.setMin(u, w, via, v, hops)) into.setMin(w, u, via, v, hops);
      }
    }
    return { added, addedHops };
  };

  // Edge difference (as a quotient, which scales with the node's degree), the arcs of the original graph that
  // shortcuts would stand for, and the neighbours already contracted (which spreads contraction evenly).
  const priorityOf = (v: number): number => {
    const removed = out.length[v]! + into.length[v]!;
    if (removed === 0) return deletedNeighbours[v]!;
    let removedHops = 0;
    for (let i = out.start[v]!, end = i + out.length[v]!; i < end; i++) removedHops += out.hops[i]!;
    for (let i = into.start[v]!, end = i + into.length[v]!; i < end; i++) removedHops += into.hops[i]!;
    const { added, addedHops } = shortcutsOf(v, false);
    return deletedNeighbours[v]! + added / removed + addedHops / removedHops;
  };

  const queue = new MinHeap(n);
  for (let v = 0; v < n; v++) {
    priority[v] = priorityOf(v);
    queue.push(v, priority[v]!);
  }

  const rankOf = new Int32Array(n);
  let rank = 0;
  const neighbours: number[] = [];
  while (queue.size > 0) {
    const p = queue.peekPriority();
    const v = queue.pop();
    if (contracted[v] || p !== priority[v]) continue;
    // Lazy update: the priority may have grown since it was queued; if it is no longer the least, queue it again.
    const now = priorityOf(v);
    if (now > queue.peekPriority()) {
      priority[v] = now;
      queue.push(v, now);
      continue;
    }
    shortcutsOf(v, true);
    contracted[v] = 1;
    rankOf[v] = rank++;
    neighbours.length = 0;
    for (let i = out.start[v]!, end = i + out.length[v]!; i < end; i++) {
      const w = out.node[i]!;
      into.remove(w, v);
      neighbours.push(w);
    }
    for (let i = into.start[v]!, end = i + into.length[v]!; i < end; i++) {
      const u = into.node[i]!;
      out.remove(u, v);
      neighbours.push(u);
    }
    for (const w of neighbours) {
      if (contracted[w]) continue;
      deletedNeighbours[w]! += 1;
      // Neighbours of few arcs are estimated again at once; for those of many (the dense core, where estimates
      // cost most) only their deleted-neighbour term grows, and the lazy update catches the rest.
      const updated = out.length[w]! + into.length[w]! <= exactUpdateDegree ? priorityOf(w) : priority[w]! + 1;
      if (updated !== priority[w]) {
        priority[w] = updated;
        queue.push(w, updated);
      }
    }
  }

  // What is left in each node's lists are its arcs to and from higher ranks: the hierarchy, renumbered by rank
  // so that the nodes near the top, which every query visits, sit together in memory.
  const nodeOf = new Int32Array(n);
  for (let v = 0; v < n; v++) nodeOf[rankOf[v]!] = v;
  const up = pack(n, out, nodeOf, rankOf);
  const down = pack(n, into, nodeOf, rankOf);
  let shortcuts = 0;
  for (const middle of [up.middle, down.middle]) for (let i = 0; i < middle.length; i++) if (middle[i]! >= 0) shortcuts++;
  return {
    nodeCount: n,
    rankOf,
    nodeOf,
    upFirst: up.first,
    upHead: up.node,
    upMinutes: up.minutes,
    upMiddle: up.middle,
    downFirst: down.first,
    downTail: down.node,
    downMinutes: down.minutes,
    downMiddle: down.middle,
    shortcuts,
  };
}

function pack(n: number, lists: ArcLists, nodeOf: Int32Array, rankOf: Int32Array) {
  const first = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) first[r + 1] = first[r]! + lists.length[nodeOf[r]!]!;
  const count = first[n]!;
  const node = new Int32Array(count);
  const minutes = new Float64Array(count);
  const middle = new Int32Array(count);
  for (let r = 0; r < n; r++) {
    const v = nodeOf[r]!;
    for (let i = lists.start[v]!, end = i + lists.length[v]!, at = first[r]!; i < end; i++, at++) {
      node[at] = rankOf[lists.node[i]!]!;
      minutes[at] = lists.minutes[i]!;
      const m = lists.middle[i]!;
      middle[at] = m < 0 ? -1 : rankOf[m]!;
    }
  }
  return { first, node, minutes, middle };
}

export const hierarchyBytes = (ch: ContractionHierarchy): number =>
  [ch.rankOf, ch.nodeOf, ch.upFirst, ch.upHead, ch.upMinutes, ch.upMiddle, ch.downFirst, ch.downTail, ch.downMinutes, ch.downMiddle].reduce(
    (sum, array) => sum + array.byteLength,
    0,
  );

/** One direction's search state, reused across queries. */
class SearchSide {
  readonly dist: Float64Array;
  readonly seen: Uint32Array;
  /** Where a node was reached from, and by which arc (an index into the side's arc arrays). */
  readonly parent: Int32Array;
  readonly parentArc: Int32Array;
  readonly heap = new MinHeap(1024);

  constructor(n: number) {
    this.dist = new Float64Array(n);
    this.seen = new Uint32Array(n);
    this.parent = new Int32Array(n);
    this.parentArc = new Int32Array(n);
  }

  get bytes(): number {
    return this.dist.byteLength + this.seen.byteLength + this.parent.byteLength + this.parentArc.byteLength;
  }
}

export class ContractionEngine implements FastestPathEngine {
  private readonly forward: SearchSide;
  private readonly backward: SearchSide;
  private version = 0;
  /** Nodes the last query settled, both sides together: the size of its search space. */
  settled = 0;

  constructor(readonly hierarchy: ContractionHierarchy) {
    this.forward = new SearchSide(hierarchy.nodeCount);
    this.backward = new SearchSide(hierarchy.nodeCount);
  }

  get bytes(): number {
    return hierarchyBytes(this.hierarchy) + this.forward.bytes + this.backward.bytes;
  }

  fastest(from: number, to: number): FastestPath | null {
    const ch = this.hierarchy;
    checkNode(from, ch.nodeCount);
    checkNode(to, ch.nodeCount);
    const s = ch.rankOf[from]!;
    const t = ch.rankOf[to]!;
    if (this.version === 0xffffffff) {
      this.forward.seen.fill(0);
      this.backward.seen.fill(0);
      this.version = 0;
    }
    const version = ++this.version;
    const fw = this.forward;
    const bw = this.backward;
    start(fw, s, version);
    start(bw, t, version);
    let best = s === t ? 0 : Number.POSITIVE_INFINITY;
    let meet = s === t ? s : -1;
    let settled = 0;
    let fwDone = false;
    let bwDone = false;
    const { upFirst, upHead, upMinutes, downFirst, downTail, downMinutes } = ch;
    while (!fwDone || !bwDone) {
      // Each side stops once nothing left in its queue can improve the best meeting found.
      if (!fwDone && fw.heap.peekPriority() >= best) fwDone = true;
      if (!bwDone && bw.heap.peekPriority() >= best) bwDone = true;
      const forwardTurn = !fwDone && (bwDone || fw.heap.peekPriority() <= bw.heap.peekPriority());
      if (!forwardTurn && bwDone) break;
      // The forward side relaxes upward arcs and is stalled through arcs coming down into v; the backward side the
      // reverse.
      const side = forwardTurn ? fw : bw;
      const other = forwardTurn ? bw : fw;
      const relaxFirst = forwardTurn ? upFirst : downFirst;
      const relaxNode = forwardTurn ? upHead : downTail;
      const relaxMinutes = forwardTurn ? upMinutes : downMinutes;
      const stallFirst = forwardTurn ? downFirst : upFirst;
      const stallNode = forwardTurn ? downTail : upHead;
      const stallMinutes = forwardTurn ? downMinutes : upMinutes;
      const { dist, seen, heap } = side;
      const d = heap.peekPriority();
      const v = heap.pop();
      if (d > dist[v]!) continue;
      settled += 1;
      if (other.seen[v] === version) {
        const total = d + other.dist[v]!;
        if (total < best) {
          best = total;
          meet = v;
        }
      }
      // Stall-on-demand: a higher node already reached reaches v more cheaply, so v is not on a shortest up-path.
      let stalled = false;
      for (let a = stallFirst[v]!, end = stallFirst[v + 1]!; a < end; a++) {
        const u = stallNode[a]!;
        if (seen[u] === version && dist[u]! + stallMinutes[a]! < d) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      for (let a = relaxFirst[v]!, end = relaxFirst[v + 1]!; a < end; a++) {
        const w = relaxNode[a]!;
        const nd = d + relaxMinutes[a]!;
        if (seen[w] !== version || nd < dist[w]!) {
          seen[w] = version;
          dist[w] = nd;
          side.parent[w] = v;
          side.parentArc[w] = a;
          heap.push(w, nd);
        }
      }
    }
    this.settled = settled;
    if (meet < 0) return null;
    return { minutes: best, path: this.unpack(meet) };
  }

  /** The path through the meeting node, shortcuts expanded into arcs of the graph, in original node numbers. */
  private unpack(meet: number): Int32Array {
    const ch = this.hierarchy;
    const { forward, backward } = this;
    const stack: number[] = [];
    // The forward tree is walked from the meeting node back to the source, then expanded from the source on.
    const upChain: number[] = [];
    for (let v = meet; v !== -1; v = forward.parent[v]!) upChain.push(v);
    const nodes: number[] = [upChain.at(-1)!];
    for (let i = upChain.length - 2; i >= 0; i--) {
      const head = upChain[i]!;
      this.expand(forward.parent[head]!, head, ch.upMiddle[forward.parentArc[head]!]!, nodes, stack);
    }
    for (let v = meet; backward.parent[v] !== -1; v = backward.parent[v]!) {
      this.expand(v, backward.parent[v]!, ch.downMiddle[backward.parentArc[v]!]!, nodes, stack);
    }
    const path = new Int32Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) path[i] = ch.nodeOf[nodes[i]!]!;
    return path;
  }

  /**
   * Appends the nodes after `tail` of the arc tail → head skipping `middle` (-1: an arc of the graph). The arc
   * tail → middle is among middle's downward-entering arcs and middle → head among its upward arcs.
   */
  private expand(tail: number, head: number, middle: number, nodes: number[], stack: number[]): void {
    const ch = this.hierarchy;
    stack.length = 0;
    stack.push(tail, head, middle);
    while (stack.length > 0) {
      const m = stack.pop()!;
      const h = stack.pop()!;
      const t = stack.pop()!;
      if (m < 0) {
        nodes.push(h);
        continue;
      }
      // Second half pushed first so that the first half is expanded first.
      stack.push(m, h, ch.upMiddle[findArc(ch.upFirst, ch.upHead, m, h)]!);
      stack.push(t, m, ch.downMiddle[findArc(ch.downFirst, ch.downTail, m, t)]!);
    }
  }
}

function start(side: SearchSide, node: number, version: number): void {
  side.heap.clear();
  side.dist[node] = 0;
  side.seen[node] = version;
  side.parent[node] = -1;
  side.parentArc[node] = -1;
  side.heap.push(node, 0);
}

function findArc(first: Int32Array, other: Int32Array, v: number, w: number): number {
  for (let a = first[v]!, end = first[v + 1]!; a < end; a++) if (other[a] === w) return a;
  throw new Error(`contraction hierarchy: no arc between ranks ${v} and ${w} to unpack`);
}

export function buildContraction(graph: FastestGraph, options?: ContractionOptions): BuiltEngine {
  const start = performance.now();
  const hierarchy = contract(graph, options);
  const engine = new ContractionEngine(hierarchy);
  return { engine, stats: { ms: performance.now() - start, shortcuts: hierarchy.shortcuts, bytes: engine.bytes } };
}
