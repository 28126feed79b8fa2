/** Timing and memory helpers of the routing benchmark: query times are microseconds, so no rounding to 0.01 ms. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { nearestRank } from '../figures.ts';

export interface QueryStats {
  pairs: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
  maxMs: number;
}

const rank = (sorted: readonly number[], p: number) => sorted[nearestRank(sorted.length, p)]!;
const round = (ms: number) => Math.round(ms * 10_000) / 10_000;

export function queryStats(samples: readonly number[]): QueryStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return { pairs: sorted.length, medianMs: round(rank(sorted, 0.5)), p95Ms: round(rank(sorted, 0.95)), meanMs: round(mean), maxMs: round(sorted.at(-1) ?? 0) };
}

// A full collection before each memory reading, so that the difference is what the built structure holds.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap plus typed-array memory (which V8's heap figure leaves out), after a full collection. */
export function usedBytes(): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

export const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
