/**
 * Benchmark of the multi-criteria route planner: compile once, then plan seeded random origin–destination queries
 * (one 40' container, departing within the first two days of the season) and report the time per query.
 * Each query runs under a deadline; a query that reaches it counts as stopped and enters the percentiles at the
 * time it took (at least the limit), so a limit never makes the percentiles look better than the planner is.
 * Run alone with `npx tsx bench/routing/pareto.ts [edges] [departures] [queries] [tolerance]` on the synthetic
 * multimodal network and a 26-week timetable; `npm run bench:routing -- --only-pareto` runs every case.
 */
import { pathToFileURL } from 'node:url';
import { createPlanner } from '../../src/modules/logistics/engine/planner.ts';
import { SearchLimitReached } from '../../src/modules/logistics/engine/search-limit.ts';
import type { Departure, Network, RouteQuery } from '../../src/modules/logistics/engine/types.ts';
import { seededRandom } from '../../src/modules/logistics/synthetic/seeded-random.ts';
import { nearestRank } from '../figures.ts';

export interface ParetoBenchOptions {
  network: Network;
  departures: readonly Departure[];
  queries: number;
  seed: number;
  log: (line: string) => void;
  /** Name of the case in the log lines. */
  name?: string;
  /** Share by which cost and CO2 must differ for routes to be separate options (default 0: the exact Pareto set). */
  tolerance?: number;
  /** Time a query may take before the planner stops it (default 10 s). */
  limitMs?: number;
  /** Start of the season, minutes since the Unix epoch: queries depart within two days of it (default: the first departure). */
  start?: number;
  /** Stop asking new queries after this long, warm-up included (default two minutes): `queries` in the result says how many ran. */
  budgetMs?: number;
}

export interface ParetoBenchResult {
  name: string;
  nodes: number;
  links: number;
  departures: number;
  ignoredDepartures: number;
  tolerance: number;
  limitMs: number;
  compileMs: number;
  /** Queries asked (and timed), and how many were wanted. */
  queries: number;
  wanted: number;
  /** Percentiles over every query timed, stopped ones at the time they took (at least the limit). */
  p50Ms: number;
  p95Ms: number;
  /** Whether the percentile is a stopped query's time: the planner's own time for it is at least that. */
  p50Stopped: boolean;
  p95Stopped: boolean;
  meanMs: number;
  /** Queries that reached the limit: their answer is unknown. */
  stopped: number;
  /** Queries answered with at least one route, and their routes on average. */
  found: number;
  meanRoutes: number;
  /** The time budget ran out before every query wanted was asked. */
  budgetSpent: boolean;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

export async function runParetoBench(options: ParetoBenchOptions): Promise<ParetoBenchResult> {
  const { network, departures, log } = options;
  const name = options.name ?? 'Pareto planner';
  const tolerance = options.tolerance ?? 0;
  const limitMs = options.limitMs ?? 10_000;
  const budgetMs = options.budgetMs ?? 120_000;
  const began = performance.now();
  const planner = createPlanner(network, departures);
  const compileMs = performance.now() - began;
  log(
    `${name}: compiled ${network.nodes.length} nodes, ${network.links.length} links and ${planner.departures.count} departures ` +
      `(${planner.departures.ignored.length} ignored) in ${Math.round(compileMs)} ms`,
  );
  const random = seededRandom(options.seed);
  let first = options.start ?? Number.POSITIVE_INFINITY;
  if (options.start === undefined) for (const departure of departures) first = Math.min(first, departure.stops[0]?.departAt ?? first);
  if (!Number.isFinite(first)) first = 0;
  const node = () => network.nodes[Math.floor(random() * network.nodes.length)]!.id;
  const ask = (): RouteQuery => {
    const from = node();
    let to = node();
    while (to === from && network.nodes.length > 1) to = node();
    return { from, to, containers: [{ size: 40, count: 1 }], departAfter: first + Math.floor(random() * 2 * 24 * 60), tolerance };
  };
  /** Plans one query under the limit: its time, whether it was stopped, and its routes (0 when none or stopped). */
  const plan = (query: RouteQuery, limit: number) => {
    const start = performance.now();
    try {
      const answer = planner.plan(query, { deadline: start + limit });
      return { ms: performance.now() - start, stopped: false, routes: answer.found ? answer.routes.length : 0 };
    } catch (error) {
      if (!(error instanceof SearchLimitReached)) throw error;
      return { ms: performance.now() - start, stopped: true, routes: 0 };
    }
  };

  const startedAt = performance.now();
  // A few queries first, on their own draws and with a short limit, so that the timings are of compiled code.
  const warmup = seededRandom(options.seed ^ 0x3a3a);
  for (let i = 0; i < Math.min(3, options.queries); i++) {
    const from = network.nodes[Math.floor(warmup() * network.nodes.length)]!.id;
    const to = network.nodes[Math.floor(warmup() * network.nodes.length)]!.id;
    plan({ from, to, containers: [{ size: 40, count: 1 }], departAfter: first + Math.floor(warmup() * 2 * 24 * 60), tolerance }, Math.min(limitMs, 2_000));
  }
  const samples: { ms: number; stopped: boolean }[] = [];
  let found = 0;
  let routes = 0;
  let stopped = 0;
  let budgetSpent = false;
  for (let i = 0; i < options.queries; i++) {
    if (performance.now() - startedAt > budgetMs) {
      log(`${name}: time budget of ${budgetMs / 1000} s spent after ${i} of ${options.queries} queries`);
      budgetSpent = true;
      break;
    }
    const run = plan(ask(), limitMs);
    samples.push(run);
    if (run.stopped) stopped += 1;
    if (run.routes > 0) {
      found += 1;
      routes += run.routes;
    }
    // Let the event loop breathe, so a caller's progress output keeps flowing.
    if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
  }
  samples.sort((a, b) => a.ms - b.ms);
  const at = (p: number) => samples[nearestRank(samples.length, p)];
  const result: ParetoBenchResult = {
    name,
    nodes: network.nodes.length,
    links: network.links.length,
    departures: planner.departures.count,
    ignoredDepartures: planner.departures.ignored.length,
    tolerance,
    limitMs,
    compileMs: Math.round(compileMs),
    queries: samples.length,
    wanted: options.queries,
    p50Ms: round(at(0.5)?.ms ?? 0),
    p95Ms: round(at(0.95)?.ms ?? 0),
    p50Stopped: at(0.5)?.stopped ?? false,
    p95Stopped: at(0.95)?.stopped ?? false,
    meanMs: round(samples.reduce((sum, s) => sum + s.ms, 0) / Math.max(1, samples.length)),
    stopped,
    found,
    meanRoutes: found > 0 ? Math.round((routes / found) * 100) / 100 : 0,
    budgetSpent,
  };
  const shown = (ms: number, atLimit: boolean) => `${atLimit ? '≥ ' : ''}${ms} ms`;
  log(
    `${name}: ${result.queries} queries, p50 ${shown(result.p50Ms, result.p50Stopped)}, p95 ${shown(result.p95Ms, result.p95Stopped)}, ` +
      `${stopped} stopped at ${limitMs / 1000} s, ${found} found, ${result.meanRoutes.toFixed(2)} routes on average`,
  );
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [edges = 100_000, count = 50_000, queries = 200, tolerance = 0] = process.argv.slice(2).map(Number);
  const { syntheticMultimodalNetwork, syntheticTimetable } = await import('../../src/modules/logistics/synthetic/rail-network.ts');
  // The season from the first Monday of 2026, 00:00 UTC, in minutes since the Unix epoch.
  const start = Date.UTC(2026, 0, 5) / 60_000;
  const network = syntheticMultimodalNetwork({ edges, seed: 1 });
  const departures = syntheticTimetable(network, { count, seed: 1, start, weeks: 26 });
  await runParetoBench({ network, departures, queries, seed: 1, tolerance, start, log: (line) => console.log(line) });
}
