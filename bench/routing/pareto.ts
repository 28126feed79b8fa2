/**
 * Benchmark of the multi-criteria route planner: compile once, then plan seeded random origin–destination queries
 * (one 40' container, departing within two days of the first departure) and report the time per query.
 * Run alone with `npx tsx bench/routing/pareto.ts [edges] [departures] [queries]` on the synthetic road network.
 */
import { pathToFileURL } from 'node:url';
import { createPlanner } from '../../src/modules/logistics/engine/planner.ts';
import type { Departure, Network } from '../../src/modules/logistics/engine/types.ts';
import { seededRandom } from '../../src/modules/logistics/synthetic/seeded-random.ts';

export interface ParetoBenchOptions {
  network: Network;
  departures: readonly Departure[];
  queries: number;
  seed: number;
  log: (line: string) => void;
  /** Stop asking new queries after this long (default two minutes): `queries` in the result says how many ran. */
  budgetMs?: number;
}

export interface ParetoBenchResult {
  queries: number;
  p50Ms: number;
  p95Ms: number;
  meanRoutes: number;
  found: number;
}

/** Nearest-rank percentile of sorted samples. */
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
const round = (ms: number): number => Math.round(ms * 1000) / 1000;

export async function runParetoBench(options: ParetoBenchOptions): Promise<ParetoBenchResult> {
  const { network, departures, log } = options;
  const began = performance.now();
  const planner = createPlanner(network, departures);
  log(
    `Pareto planner: compiled ${network.nodes.length} nodes, ${network.links.length} links and ${planner.departures.count} departures ` +
      `(${planner.departures.ignored.length} ignored) in ${Math.round(performance.now() - began)} ms`,
  );
  const random = seededRandom(options.seed);
  let first = Number.POSITIVE_INFINITY;
  for (const departure of departures) first = Math.min(first, departure.stops[0]?.departAt ?? first);
  if (!Number.isFinite(first)) first = 0;
  const ask = () => ({
    from: network.nodes[Math.floor(random() * network.nodes.length)]!.id,
    to: network.nodes[Math.floor(random() * network.nodes.length)]!.id,
    containers: [{ size: 40 as const, count: 1 }],
    departAfter: first + Math.floor(random() * 2 * 24 * 60),
  });
  // A few queries first, so that the timings are of compiled code.
  for (let i = 0; i < Math.min(3, options.queries); i++) planner.plan(ask());
  const times: number[] = [];
  let found = 0;
  let routes = 0;
  const budgetMs = options.budgetMs ?? 120_000;
  const startedAt = performance.now();
  for (let i = 0; i < options.queries; i++) {
    if (performance.now() - startedAt > budgetMs) {
      log(`Pareto planner: time budget of ${budgetMs / 1000} s spent after ${i} of ${options.queries} queries`);
      break;
    }
    const query = ask();
    const start = performance.now();
    const answer = planner.plan(query);
    times.push(performance.now() - start);
    if (answer.found) {
      found += 1;
      routes += answer.routes.length;
    }
    // Let the event loop breathe on long runs, so a caller's progress output keeps flowing.
    if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  times.sort((a, b) => a - b);
  const result = { queries: times.length, p50Ms: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)), meanRoutes: found > 0 ? routes / found : 0, found };
  log(`Pareto planner: ${result.queries} queries, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, ${found} found, ${result.meanRoutes.toFixed(2)} routes on average`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [edges = 100_000, count = 50_000, queries = 200] = process.argv.slice(2).map(Number);
  const { syntheticRoadNetwork } = await import('../../src/modules/logistics/synthetic/road-network.ts');
  const { syntheticDepartures } = await import('../../src/modules/logistics/synthetic/departures.ts');
  const network = syntheticRoadNetwork({ edges, seed: 1 });
  const departures = syntheticDepartures(network, { count, seed: 1, start: Date.UTC(2026, 0, 5) / 60_000 });
  await runParetoBench({ network, departures, queries, seed: 1, log: (line) => console.log(line) });
}
