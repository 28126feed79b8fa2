/**
 * ALT: A* guided by landmarks and the triangle inequality. The minutes from and to a few far-apart landmarks give,
 * for any node, a lower bound of its minutes to the target; the search settles nodes in order of minutes so far plus
 * that bound. Slower to query than contraction hierarchies but quicker to build, and the bounds need no coordinates.
 */
import { MinHeap } from '../min-heap.ts';
import { checkNode, walkBack } from './dijkstra.ts';
import type { BuiltEngine, FastestPath, FastestPathEngine } from './engine.ts';
import { graphBytes, reverseGraph, type FastestGraph } from './graph.ts';

export interface AltOptions {
  /** Landmarks kept (default 8); each costs 16 bytes per node. */
  landmarks?: number;
  /** Landmarks a query uses: those giving the best bound between its two ends (default 4). */
  active?: number;
}

/** Minutes from `source` to every node over `graph` (Infinity where it cannot reach), written at `out[v * stride + at]`. */
function allMinutesFrom(graph: FastestGraph, source: number, out: Float64Array, stride: number, at: number, heap: MinHeap, dist: Float64Array): void {
  dist.fill(Number.POSITIVE_INFINITY);
  heap.clear();
  dist[source] = 0;
  heap.push(source, 0);
  const { firstArc, head, minutes } = graph;
  while (heap.size > 0) {
    const d = heap.peekPriority();
    const v = heap.pop();
    if (d > dist[v]!) continue;
    for (let a = firstArc[v]!, end = firstArc[v + 1]!; a < end; a++) {
      const w = head[a]!;
      const nd = d + minutes[a]!;
      if (nd < dist[w]!) {
        dist[w] = nd;
        heap.push(w, nd);
      }
    }
  }
  for (let v = 0; v < dist.length; v++) out[v * stride + at] = dist[v]!;
}

export class AltEngine implements FastestPathEngine {
  /** d(landmark, v) at `v * landmarks + k`, and d(v, landmark) likewise. */
  private readonly fromLandmark: Float64Array;
  private readonly toLandmark: Float64Array;
  readonly landmarkNodes: Int32Array;
  private readonly active: Int32Array;
  private readonly activeScore: Float64Array;
  private readonly dist: Float64Array;
  private readonly bound: Float64Array;
  private readonly parent: Int32Array;
  private readonly seen: Uint32Array;
  private version = 0;
  private readonly heap = new MinHeap();
  /** Nodes the last query settled. */
  settled = 0;

  constructor(
    private readonly graph: FastestGraph,
    options: AltOptions = {},
  ) {
    const n = graph.nodeCount;
    const k = Math.max(1, Math.min(options.landmarks ?? 8, n));
    this.active = new Int32Array(Math.max(1, Math.min(options.active ?? 4, k)));
    this.activeScore = new Float64Array(this.active.length);
    this.fromLandmark = new Float64Array(n * k);
    this.toLandmark = new Float64Array(n * k);
    this.landmarkNodes = new Int32Array(k);
    this.dist = new Float64Array(n);
    this.bound = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.seen = new Uint32Array(n);
    if (n === 0) return;
    const reverse = reverseGraph(graph);
    const heap = new MinHeap(1024);
    const scratch = new Float64Array(n);
    // Farthest selection: each landmark is the node farthest (both ways) from those chosen so far; nodes that
    // cannot be reached from or reach the chosen ones count as farthest, so every part of the graph gets one.
    const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    let next = 0;
    for (let l = 0; l < k; l++) {
      this.landmarkNodes[l] = next;
      allMinutesFrom(graph, next, this.fromLandmark, k, l, heap, scratch);
      allMinutesFrom(reverse, next, this.toLandmark, k, l, heap, scratch);
      let farthest = -1;
      let far = -1;
      for (let v = 0; v < n; v++) {
        const there = this.fromLandmark[v * k + l]!;
        const back = this.toLandmark[v * k + l]!;
        const both = there === Number.POSITIVE_INFINITY || back === Number.POSITIVE_INFINITY ? Number.MAX_VALUE : there + back;
        if (both < nearest[v]!) nearest[v] = both;
        if (nearest[v]! > far) {
          far = nearest[v]!;
          farthest = v;
        }
      }
      next = farthest;
    }
  }

  get bytes(): number {
    return (
      graphBytes(this.graph) +
      [this.fromLandmark, this.toLandmark, this.landmarkNodes, this.dist, this.bound, this.parent, this.seen].reduce((sum, a) => sum + a.byteLength, 0)
    );
  }

  /**
   * A lower bound of the minutes from v to t by the active landmarks: d(L, t) − d(L, v) and d(v, L) − d(t, L).
   * Infinity when a landmark proves t unreachable from v.
   */
  private lowerBound(v: number, t: number): number {
    const k = this.landmarkNodes.length;
    const { fromLandmark, toLandmark, active } = this;
    let best = 0;
    for (let i = 0; i < active.length; i++) {
      const l = active[i]!;
      const lv = fromLandmark[v * k + l]!;
      const lt = fromLandmark[t * k + l]!;
      // L reaches v but not t: then v cannot reach t either.
      if (lv !== Number.POSITIVE_INFINITY) best = Math.max(best, lt - lv);
      const vl = toLandmark[v * k + l]!;
      const tl = toLandmark[t * k + l]!;
      // t reaches L but v does not: then v cannot reach t.
      if (tl !== Number.POSITIVE_INFINITY) best = Math.max(best, vl - tl);
    }
    return best;
  }

  /** The landmarks giving the best bound between s and t, for this query. */
  private chooseActive(s: number, t: number): void {
    const k = this.landmarkNodes.length;
    const { active, activeScore } = this;
    activeScore.fill(-1);
    // Insertion into a short list kept best first: no allocation per query.
    for (let l = 0; l < k; l++) {
      const a = this.fromLandmark[t * k + l]! - this.fromLandmark[s * k + l]!;
      const b = this.toLandmark[s * k + l]! - this.toLandmark[t * k + l]!;
      const score = Math.max(Number.isNaN(a) ? 0 : a, Number.isNaN(b) ? 0 : b);
      let at = active.length;
      while (at > 0 && score > activeScore[at - 1]!) at--;
      if (at === active.length) continue;
      active.copyWithin(at + 1, at, active.length - 1);
      activeScore.copyWithin(at + 1, at, active.length - 1);
      active[at] = l;
      activeScore[at] = score;
    }
  }

  fastest(from: number, to: number): FastestPath | null {
    const { firstArc, head, minutes } = this.graph;
    const { dist, bound, parent, seen, heap } = this;
    checkNode(from, this.graph.nodeCount);
    checkNode(to, this.graph.nodeCount);
    if (this.version === 0xffffffff) {
      seen.fill(0);
      this.version = 0;
    }
    const version = ++this.version;
    this.chooseActive(from, to);
    heap.clear();
    dist[from] = 0;
    parent[from] = -1;
    seen[from] = version;
    bound[from] = this.lowerBound(from, to);
    let settled = 0;
    if (bound[from] !== Number.POSITIVE_INFINITY) heap.push(from, bound[from]);
    while (heap.size > 0) {
      const key = heap.peekPriority();
      const v = heap.pop();
      const d = dist[v]!;
      // A stale entry: v was queued again with a shorter distance since.
      if (key > d + bound[v]!) continue;
      settled += 1;
      if (v === to) {
        this.settled = settled;
        return { minutes: d, path: walkBack(parent, to) };
      }
      for (let a = firstArc[v]!, end = firstArc[v + 1]!; a < end; a++) {
        const w = head[a]!;
        const nd = d + minutes[a]!;
        if (seen[w] !== version) {
          seen[w] = version;
          dist[w] = Number.POSITIVE_INFINITY;
          bound[w] = this.lowerBound(w, to);
        } else if (nd >= dist[w]!) continue;
        if (bound[w] === Number.POSITIVE_INFINITY) continue;
        dist[w] = nd;
        parent[w] = v;
        heap.push(w, nd + bound[w]!);
      }
    }
    this.settled = settled;
    return null;
  }
}

export function buildAlt(graph: FastestGraph, options?: AltOptions): BuiltEngine {
  const start = performance.now();
  const engine = new AltEngine(graph, options);
  return { engine, stats: { ms: performance.now() - start, shortcuts: 0, bytes: engine.bytes } };
}
