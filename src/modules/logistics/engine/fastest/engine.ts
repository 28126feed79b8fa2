/** What every fastest-path engine offers: the least total minutes between two nodes and the path that takes them. */

export interface FastestPath {
  minutes: number;
  /** Node indices from `from` to `to`, every step an arc of the graph the engine was built on. */
  path: Int32Array;
}

export interface FastestPathEngine {
  /** The fastest path between two node indices; null when `to` cannot be reached from `from`. */
  fastest(from: number, to: number): FastestPath | null;
}

/** What building an engine took. */
export interface PreprocessStats {
  ms: number;
  /** Arcs added beyond the graph's own (shortcuts of a contraction hierarchy); 0 for engines that add none. */
  shortcuts: number;
  /** Bytes of the typed arrays the engine keeps for its queries, graph and search state included. */
  bytes: number;
}

export interface BuiltEngine {
  engine: FastestPathEngine;
  stats: PreprocessStats;
}
