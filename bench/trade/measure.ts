/** Timing and memory helpers shared by the trade benchmark. */
import { nearestRank } from '../figures.ts';

export const now = (): number => performance.now();

export interface Timed<T> {
  result: T;
  ms: number;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const start = now();
  const result = await work();
  return { result, ms: now() - start };
}

/** Peak resident set size of this process, sampled every 100 ms while `work` runs (plus once at each end). */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; rssBeforeMb: number; peakRssMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  try {
    const { result, ms } = await timed(work);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms, rssBeforeMb: mb(before), peakRssMb: mb(peak) };
  } finally {
    clearInterval(timer);
  }
}

export const mb = (bytes: number): number => Math.round(bytes / (1024 * 1024));

export interface LatencyStats {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

/** The middle value (the lower of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Nearest-rank percentiles: with 100 runs, p95 is the 95th fastest. */
export function latencyStats(samples: readonly number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[nearestRank(sorted.length, p)]!;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { runs: sorted.length, medianMs: round(rank(0.5)), p95Ms: round(rank(0.95)), minMs: round(sorted[0]!), maxMs: round(sorted.at(-1)!) };
}

/** Runs `query` `warmup` times unmeasured, then `repeat` times measured; returns the stats and the last answer. */
export async function repeatQuery<T>(query: () => Promise<T>, warmup: number, repeat: number): Promise<{ stats: LatencyStats; answer: T }> {
  let answer = await query();
  for (let i = 1; i < warmup; i++) answer = await query();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = now();
    answer = await query();
    samples.push(now() - start);
  }
  return { stats: latencyStats(samples), answer };
}

export const seconds = (ms: number): number => Math.round(ms / 10) / 100;
