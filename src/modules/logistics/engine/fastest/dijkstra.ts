/**
 * Plain Dijkstra over the CSR graph: the reference the faster engines are checked against. Search state is kept
 * between queries and invalidated by a version number instead of being cleared.
 */
import { MinHeap } from '../min-heap.ts';
import type { BuiltEngine, FastestPath, FastestPathEngine } from './engine.ts';
import { graphBytes, type FastestGraph } from './graph.ts';

export class DijkstraEngine implements FastestPathEngine {
  private readonly dist: Float64Array;
  private readonly parent: Int32Array;
  private readonly seen: Uint32Array;
  private version = 0;
  private readonly heap = new MinHeap();

  constructor(private readonly graph: FastestGraph) {
    this.dist = new Float64Array(graph.nodeCount);
    this.parent = new Int32Array(graph.nodeCount);
    this.seen = new Uint32Array(graph.nodeCount);
  }

  get bytes(): number {
    return graphBytes(this.graph) + this.dist.byteLength + this.parent.byteLength + this.seen.byteLength;
  }

  fastest(from: number, to: number): FastestPath | null {
    const { firstArc, head, minutes } = this.graph;
    const { dist, parent, seen, heap } = this;
    checkNode(from, this.graph.nodeCount);
    checkNode(to, this.graph.nodeCount);
    const version = this.nextVersion();
    heap.clear();
    dist[from] = 0;
    parent[from] = -1;
    seen[from] = version;
    heap.push(from, 0);
    while (heap.size > 0) {
      const d = heap.peekPriority();
      const v = heap.pop();
      if (d > dist[v]!) continue;
      if (v === to) return { minutes: d, path: walkBack(parent, to) };
      for (let a = firstArc[v]!, end = firstArc[v + 1]!; a < end; a++) {
        const w = head[a]!;
        const nd = d + minutes[a]!;
        if (seen[w] !== version || nd < dist[w]!) {
          seen[w] = version;
          dist[w] = nd;
          parent[w] = v;
          heap.push(w, nd);
        }
      }
    }
    return null;
  }

  private nextVersion(): number {
    // After 2^32 - 1 queries the stamps would repeat: start them again from a clean slate.
    if (this.version === 0xffffffff) {
      this.seen.fill(0);
      this.version = 0;
    }
    return ++this.version;
  }
}

export function buildDijkstra(graph: FastestGraph): BuiltEngine {
  const start = performance.now();
  const engine = new DijkstraEngine(graph);
  return { engine, stats: { ms: performance.now() - start, shortcuts: 0, bytes: engine.bytes } };
}

export function checkNode(node: number, nodeCount: number): void {
  if (!Number.isInteger(node) || node < 0 || node >= nodeCount) throw new RangeError(`node ${node} is not in the graph (0..${nodeCount - 1})`);
}

/** The path to `to` along the parents a search left, from the node whose parent is -1. */
export function walkBack(parent: Int32Array, to: number): Int32Array {
  let length = 0;
  for (let v = to; v !== -1; v = parent[v]!) length++;
  const path = new Int32Array(length);
  for (let v = to, at = length - 1; v !== -1; v = parent[v]!) path[at--] = v;
  return path;
}
