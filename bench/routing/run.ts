/**
 * Route planner benchmark: single-criterion (fastest time) shortest paths with the product's contraction
 * hierarchies against `ngraph.path` (A*, NBA*) and `graphology-shortest-path` (bidirectional Dijkstra), on the same
 * origin–destination pairs, every answer checked; then the Pareto planner on four cases (a multimodal network with a
 * season's timetable and a road-only trucking stress case, each exact and with a tolerance of 2 %).
 * `npm run bench:routing -- --help` lists the options.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { arcMinutes, graphFromEdges, type FastestGraph } from '../../src/modules/logistics/engine/fastest/graph.ts';
import type * as SyntheticDepartures from '../../src/modules/logistics/synthetic/departures.ts';
import type * as SyntheticRailNetwork from '../../src/modules/logistics/synthetic/rail-network.ts';
import { syntheticRoadNetwork } from '../../src/modules/logistics/synthetic/road-network.ts';
import { seededRandom } from '../../src/modules/logistics/synthetic/seeded-random.ts';
import { contenders, type Contender } from './engines.ts';
import type * as ParetoBench from './pareto.ts';
import { mb, queryStats, usedBytes, type QueryStats } from './measure.ts';
import { label, referenceBenchNetwork, syntheticBenchNetwork, topSpeedKmh, type BenchNetwork } from './networks.ts';
import { parseCount } from '../figures.ts';

const HELP = `npm run bench:routing -- [options]

  --sizes LIST        synthetic graphs by edge count (default 10k,100k,1M; 1e6 and 1_000_000 work too)
  --pairs N           random origin–destination pairs per graph (default 1000)
  --peer-pairs N      pairs given to the peers and to plain Dijkstra on graphs of 1 M edges or more, where each
                      of their queries takes a large fraction of a second (default 100; the first N of the pairs)
  --seed N            generator and pair seed (default 20261124)
  --skip-reference    leave out the reference network even when its GeoJSON file is there
  --skip-pareto       leave out the Pareto planner's benchmark
  --only-pareto       run the Pareto planner's benchmark alone (no fastest-path engines, no reference network)
  --pareto-queries N  random queries per Pareto case (default 200; each case stops asking after 2 minutes, and a
                      query is stopped after 10 s)
  --out FILE          results file (default bench/results/routing-<date>.json; runs of the same day are kept together)`;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const REFERENCE_FILE = join(root, 'src', 'modules', 'logistics', 'reference', 'sco-network.geojson');
const PARETO_BENCH = join(here, 'pareto.ts');
const DEPARTURES = join(root, 'src', 'modules', 'logistics', 'synthetic', 'departures.ts');
const RAIL_NETWORK = join(root, 'src', 'modules', 'logistics', 'synthetic', 'rail-network.ts');
/** The Pareto planner's cases: links, departures, season, the time a case may ask queries and the limit of one query. */
const PARETO_EDGES = 100_000;
const PARETO_DEPARTURES = 50_000;
const PARETO_WEEKS = 26;
const PARETO_BUDGET_MS = 120_000;
const PARETO_LIMIT_MS = 10_000;
const PARETO_TARGET_MS = 50;
/** Answers agree when their minutes differ by no more than this (sums taken in another order round differently). */
const TOLERANCE = 1e-6;
const WARMUP_PAIRS = 20;
const BLOCK = 50;

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      pairs: { type: 'string' },
      'peer-pairs': { type: 'string' },
      seed: { type: 'string' },
      'skip-reference': { type: 'boolean' },
      'skip-pareto': { type: 'boolean' },
      'only-pareto': { type: 'boolean' },
      'pareto-queries': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (values['only-pareto'] && values['skip-pareto']) throw new Error('--only-pareto and --skip-pareto exclude each other');
  const only = values['only-pareto'] === true;
  return {
    sizes: only ? [] : (values.sizes ?? '10k,100k,1M').split(',').map((size) => parseCount(size, '--sizes')),
    pairs: parseCount(values.pairs ?? '1000', '--pairs'),
    peerPairs: parseCount(values['peer-pairs'] ?? '100', '--peer-pairs'),
    seed: parseCount(values.seed ?? '20261124', '--seed'),
    reference: !only && !values['skip-reference'],
    pareto: !values['skip-pareto'],
    paretoQueries: parseCount(values['pareto-queries'] ?? '200', '--pareto-queries'),
    out: values.out,
  };
}

type Options = ReturnType<typeof options>;

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

const log = (text: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

interface EngineResult {
  name: string;
  ours: boolean;
  buildMs: number;
  /** Heap and typed-array memory kept by the built engine (graph included), after full collections. */
  memoryBytes: number;
  memoryBytesPerEdge: number;
  /** Typed arrays the engine keeps, counted exactly (ours). */
  keptBytes?: number;
  keptBytesPerEdge?: number;
  shortcuts?: number;
  /** Nodes a query settled on average (both directions), for ours. */
  meanSettled?: number;
  queries: QueryStats;
  /** Our contraction hierarchies on the same pairs as this engine, and how many times faster they were. */
  oursOnSamePairs?: QueryStats;
  speedUp?: number;
  mismatches: number;
  unreachable: number;
}

interface CaseResult {
  network: string;
  nodes: number;
  edges: number;
  arcs: number;
  generateMs: number;
  topSpeedKmh: number;
  pairs: number;
  engines: EngineResult[];
  fastestPeer?: { name: string; medianMs: number; oursMedianMs: number; speedUp: number; pairs: number };
  mismatches: number;
}

/**
 * Origin–destination pairs drawn uniformly, the same for every engine, origin and destination distinct (NBA* answers
 * a trip from a node to itself with a round trip instead of the empty path).
 */
function drawPairs(nodeCount: number, pairs: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const out = new Int32Array(pairs * 2);
  for (let i = 0; i < pairs; i++) {
    out[2 * i] = Math.floor(random() * nodeCount);
    do out[2 * i + 1] = Math.floor(random() * nodeCount);
    while (out[2 * i + 1] === out[2 * i] && nodeCount > 1);
  }
  return out;
}

/** The minutes an answer stands for, and what is wrong with it: its path must follow arcs from `from` to `to`. */
function judge(graph: FastestGraph, from: number, to: number, path: ArrayLike<number>, minutes: number | undefined) {
  const problems: string[] = [];
  if (path[0] !== from || path[path.length - 1] !== to) problems.push(`path runs ${path[0]} → ${path[path.length - 1]}`);
  let sum = 0;
  for (let i = 1; i < path.length; i++) {
    const step = arcMinutes(graph, path[i - 1]!, path[i]!);
    if (step === Number.POSITIVE_INFINITY) problems.push(`no arc ${path[i - 1]} → ${path[i]}`);
    sum += step;
  }
  if (minutes !== undefined && Math.abs(minutes - sum) > TOLERANCE) problems.push(`its arcs add up to ${sum}, it says ${minutes}`);
  return { minutes: minutes ?? sum, problems };
}

async function runCase(net: BenchNetwork, opts: Options, caseSeed: number): Promise<CaseResult> {
  const graph = graphFromEdges(net.nodeCount, { from: net.from, to: net.to, minutes: net.minutes, oneWay: net.oneWay });
  const speed = topSpeedKmh(net);
  const pairs = drawPairs(net.nodeCount, opts.pairs, caseSeed);
  const warmup = drawPairs(net.nodeCount, WARMUP_PAIRS, caseSeed + 1);
  const big = net.edges >= 1_000_000;
  const specs = contenders(net, graph, speed);
  const built: { contender: Contender; buildMs: number; memoryBytes: number; limit: number }[] = [];
  for (const spec of specs) {
    log(`${net.name}: building ${spec.name}`);
    const before = usedBytes();
    const start = performance.now();
    const contender = spec.build();
    const buildMs = performance.now() - start;
    const memoryBytes = usedBytes() - before;
    // Ours answers every pair; the slow engines on large graphs a prefix of them.
    const limit = spec.everyPair || !big ? opts.pairs : Math.min(opts.pairs, opts.peerPairs);
    built.push({ contender, buildMs, memoryBytes, limit });
    log(`  ${fmt(buildMs)} ms, ${fmt(memoryBytes / 1e6, 1)} MB kept${contender.shortcuts === undefined ? '' : `, ${fmt(contender.shortcuts)} shortcuts`}`);
  }
  for (const { contender, limit } of built) {
    for (let i = 0; i < (limit < opts.pairs ? 3 : WARMUP_PAIRS); i++) contender.search(warmup[2 * i]!, warmup[2 * i + 1]!);
  }

  log(`${net.name}: ${fmt(opts.pairs)} pairs (${big ? `${fmt(Math.min(opts.pairs, opts.peerPairs))} for the peers and plain Dijkstra` : 'all for every engine'})`);
  const times = built.map(() => [] as number[]);
  const minutes = built.map(() => new Float64Array(opts.pairs).fill(Number.NaN));
  const problems = built.map(() => 0);
  const unreachable = built.map(() => 0);
  // Pairs are taken in blocks; in each block every engine answers all its pairs in turn, the order rotating from
  // block to block, so that no engine is always timed right after another's garbage or in the machine's busy
  // minutes, while each still runs with its own data warm in the caches, as it would in service.
  const settled = built.map(() => 0);
  for (let block = 0; block * BLOCK < opts.pairs; block++) {
    for (let k = 0; k < built.length; k++) {
      const e = (k + block) % built.length;
      const { contender, limit } = built[e]!;
      for (let p = block * BLOCK; p < Math.min(limit, (block + 1) * BLOCK); p++) {
        const from = pairs[2 * p]!;
        const to = pairs[2 * p + 1]!;
        const start = performance.now();
        const found = contender.search(from, to);
        times[e]!.push(performance.now() - start);
        if (contender.searchSpace) settled[e]! += contender.searchSpace();
        const answer = contender.answer(found);
        if (answer.path === null) {
          unreachable[e]! += 1;
          continue;
        }
        const judged = judge(graph, from, to, answer.path, answer.minutes);
        minutes[e]![p] = judged.minutes;
        if (judged.problems.length > 0) {
          problems[e]! += 1;
          if (problems[e]! <= 3) console.error(`*** ${net.name}, ${contender.name}, ${net.nodeId(from)} → ${net.nodeId(to)}: ${judged.problems.join('; ')}`);
        }
      }
    }
    if (big) log(`  ${Math.min(opts.pairs, (block + 1) * BLOCK)} pairs`);
  }

  // Every engine's minutes against our contraction hierarchies', pair by pair; unreachable must agree too.
  const ours = minutes[0]!;
  const engines: EngineResult[] = built.map(({ contender, buildMs, memoryBytes, limit }, e) => {
    let mismatches = problems[e]!;
    for (let p = 0; p < limit && e > 0; p++) {
      const a = ours[p]!;
      const b = minutes[e]![p]!;
      const agree = Number.isNaN(a) ? Number.isNaN(b) : Math.abs(a - b) <= TOLERANCE;
      if (agree) continue;
      mismatches += 1;
      if (mismatches <= 3) console.error(`*** MISMATCH ${net.name}, ${contender.name}, ${net.nodeId(pairs[2 * p]!)} → ${net.nodeId(pairs[2 * p + 1]!)}: ${b} minutes, ours ${a}`);
    }
    const result: EngineResult = {
      name: contender.name,
      ours: contender.ours,
      buildMs: Math.round(buildMs),
      memoryBytes,
      memoryBytesPerEdge: Math.round((memoryBytes / net.edges) * 10) / 10,
      queries: queryStats(times[e]!),
      mismatches,
      unreachable: unreachable[e]!,
    };
    if (contender.keptBytes !== undefined) {
      result.keptBytes = contender.keptBytes;
      result.keptBytesPerEdge = Math.round((contender.keptBytes / net.edges) * 10) / 10;
    }
    if (contender.shortcuts !== undefined) result.shortcuts = contender.shortcuts;
    if (contender.searchSpace) result.meanSettled = Math.round(settled[e]! / Math.max(1, times[e]!.length));
    if (e > 0) {
      result.oursOnSamePairs = queryStats(times[0]!.slice(0, limit));
      result.speedUp = Math.round((result.queries.medianMs / result.oursOnSamePairs.medianMs) * 10) / 10;
    }
    return result;
  });
  const peers = engines.filter((engine) => !engine.ours).sort((a, b) => a.queries.medianMs - b.queries.medianMs);
  const fastest = peers[0];
  const mismatches = engines.reduce((sum, engine) => sum + engine.mismatches, 0);
  return {
    network: net.name,
    nodes: net.nodeCount,
    edges: net.edges,
    arcs: graph.head.length,
    generateMs: Math.round(net.generateMs),
    topSpeedKmh: Math.round(speed * 100) / 100,
    pairs: opts.pairs,
    engines,
    ...(fastest
      ? {
          fastestPeer: {
            name: fastest.name,
            medianMs: fastest.queries.medianMs,
            oursMedianMs: fastest.oursOnSamePairs!.medianMs,
            speedUp: fastest.speedUp!,
            pairs: fastest.queries.pairs,
          },
        }
      : {}),
    mismatches,
  };
}

function printCase(run: CaseResult) {
  const lines = [
    '',
    `${run.network}: ${fmt(run.nodes)} nodes, ${fmt(run.edges)} edges (${fmt(run.arcs)} arcs), generated in ${fmt(run.generateMs)} ms; ${fmt(run.pairs)} pairs`,
    '',
    '  engine                               pairs  median ms     p95 ms   build ms  memory MB   B/edge  × ours (same pairs)',
  ];
  for (const e of run.engines) {
    const bytes = e.keptBytesPerEdge !== undefined ? `${fmt(e.memoryBytesPerEdge)} (${fmt(e.keptBytesPerEdge)})` : fmt(e.memoryBytesPerEdge);
    lines.push(
      `  ${e.name.padEnd(35)} ${fmt(e.queries.pairs).padStart(6)} ${e.queries.medianMs.toFixed(4).padStart(10)} ${e.queries.p95Ms.toFixed(4).padStart(10)} ${fmt(e.buildMs).padStart(10)} ${fmt(e.memoryBytes / 1e6, 1).padStart(10)} ${bytes.padStart(8)} ${e.speedUp === undefined ? '' : `${fmt(e.speedUp, 1)}×`.padStart(20)}${e.mismatches ? `  ${e.mismatches} MISMATCHES` : ''}`,
    );
  }
  const ch = run.engines[0]!;
  const alt = run.engines.find((e) => e.name.includes('ALT'));
  lines.push(
    `  contraction hierarchies: ${fmt(ch.shortcuts ?? 0)} shortcuts (${fmt((ch.shortcuts ?? 0) / run.arcs, 2)} per arc), ${fmt(ch.meanSettled ?? 0)} nodes settled a query on average` +
      (alt ? `; ALT ${fmt(alt.meanSettled ?? 0)}` : ''),
    '  B/edge: memory kept by the built engine per edge, measured; in brackets the typed arrays it keeps, counted exactly',
  );
  if (run.fastestPeer) {
    lines.push(`  fastest peer: ${run.fastestPeer.name}, median ${run.fastestPeer.medianMs} ms against ours ${run.fastestPeer.oursMedianMs} ms on the same ${fmt(run.fastestPeer.pairs)} pairs: ${fmt(run.fastestPeer.speedUp, 1)}× faster`);
  }
  console.log(lines.join('\n'));
}

// Loaded when the Pareto part runs (types only here), so that the fastest-path comparison runs whatever their state.
type ParetoModule = typeof ParetoBench;
type DeparturesModule = typeof SyntheticDepartures;
type RailNetworkModule = typeof SyntheticRailNetwork;

interface ParetoCase extends ParetoBench.ParetoBenchResult {
  id: 'a' | 'b' | 'c' | 'd';
  instance: 'multimodal' | 'road-only stress';
  generateMs: number;
}

interface ParetoRun {
  available: boolean;
  skipped?: boolean;
  error?: string;
  cases?: ParetoCase[];
  ms?: number;
  target?: { target: string; met: boolean | null; detail: string; withTolerance: { met: boolean | null; detail: string } };
}

const shownMs = (ms: number, atLimit: boolean) => `${atLimit ? '≥' : ''}${ms >= 100 ? fmt(ms) : fmt(ms, 1)}`;

function printPareto(cases: readonly ParetoCase[], queries: number) {
  const lines = [
    '',
    `Pareto planner: ${fmt(PARETO_EDGES)} links, ${fmt(PARETO_DEPARTURES)} departures, up to ${fmt(queries)} random queries a case (one 40' container, ` +
      `departing within two days of the season's start), each stopped after ${PARETO_LIMIT_MS / 1000} s, ${PARETO_BUDGET_MS / 1000} s a case`,
    '',
    '  case                                          tolerance  compile s  queries   p50 ms   p95 ms  stopped  found  mean routes',
  ];
  for (const c of cases) {
    const name = `(${c.id}) ${c.instance === 'multimodal' ? `multimodal, ${PARETO_WEEKS}-week timetable` : 'road only, scheduled trucking'}`;
    lines.push(
      `  ${name.padEnd(45)} ${(c.tolerance === 0 ? 'exact' : `${fmt(c.tolerance * 100)} %`).padStart(9)} ${fmt(c.compileMs / 1000, 1).padStart(10)} ` +
        `${fmt(c.queries).padStart(8)} ${shownMs(c.p50Ms, c.p50Stopped).padStart(8)} ${shownMs(c.p95Ms, c.p95Stopped).padStart(8)} ` +
        `${fmt(c.stopped).padStart(8)} ${fmt(c.found).padStart(6)} ${fmt(c.meanRoutes, 1).padStart(12)}`,
    );
  }
  lines.push(
    `  stopped: queries that reached the ${PARETO_LIMIT_MS / 1000} s limit; they count in the percentiles at the time they took (≥: a stopped query's time)`,
  );
  console.log(lines.join('\n'));
}

/** The Pareto planner's benchmark: the four cases, one after the other, each on its own compiled planner. */
async function runPareto(opts: Options): Promise<ParetoRun> {
  if (![PARETO_BENCH, DEPARTURES, RAIL_NETWORK].every((file) => existsSync(file))) {
    console.log('\nPareto planner: not available (bench/routing/pareto.ts or the synthetic networks and departures are not there)');
    return { available: false };
  }
  const { runParetoBench } = (await import(pathToFileURL(PARETO_BENCH).href)) as ParetoModule;
  const { syntheticDepartures } = (await import(pathToFileURL(DEPARTURES).href)) as DeparturesModule;
  const { syntheticMultimodalNetwork, syntheticTimetable } = (await import(pathToFileURL(RAIL_NETWORK).href)) as RailNetworkModule;
  // The season from the first Monday of 2026, 00:00 UTC, in minutes since the Unix epoch.
  const start = Date.UTC(2026, 0, 5) / 60_000;
  const began = performance.now();
  const instances = [
    {
      instance: 'multimodal' as const,
      describe: `multimodal network of ${label(PARETO_EDGES)} links, ${fmt(PARETO_DEPARTURES)} departures of a ${PARETO_WEEKS}-week timetable`,
      make: () => {
        const network = syntheticMultimodalNetwork({ edges: PARETO_EDGES, seed: opts.seed });
        return { network, departures: syntheticTimetable(network, { count: PARETO_DEPARTURES, seed: opts.seed, start, weeks: PARETO_WEEKS }) };
      },
      ids: ['a', 'b'] as const,
    },
    {
      instance: 'road-only stress' as const,
      describe: `road network of ${label(PARETO_EDGES)} links, ${fmt(PARETO_DEPARTURES)} scheduled trucking departures`,
      make: () => {
        const network = syntheticRoadNetwork({ edges: PARETO_EDGES, seed: opts.seed });
        return { network, departures: syntheticDepartures(network, { count: PARETO_DEPARTURES, seed: opts.seed, start }) };
      },
      ids: ['c', 'd'] as const,
    },
  ];
  const cases: ParetoCase[] = [];
  for (const { instance, describe, make, ids } of instances) {
    log(`Pareto planner: ${describe}`);
    const generating = performance.now();
    const { network, departures } = make();
    const generateMs = Math.round(performance.now() - generating);
    for (const [k, tolerance] of [0, 0.02].entries()) {
      const id = ids[k]!;
      const name = `Pareto (${id}) ${instance}, ${tolerance === 0 ? 'exact' : `tolerance ${tolerance}`}`;
      const result = await runParetoBench({
        network,
        departures,
        queries: opts.paretoQueries,
        seed: opts.seed,
        tolerance,
        start,
        limitMs: PARETO_LIMIT_MS,
        budgetMs: PARETO_BUDGET_MS,
        name,
        log,
      });
      cases.push({ id, instance, generateMs, ...result });
    }
  }
  printPareto(cases, opts.paretoQueries);
  const judge = (c: ParetoCase | undefined) =>
    c === undefined || c.queries === 0
      ? { met: null, detail: 'not measured' }
      : {
          met: !c.p50Stopped && c.p50Ms < PARETO_TARGET_MS,
          detail: `p50 ${shownMs(c.p50Ms, c.p50Stopped)} ms, p95 ${shownMs(c.p95Ms, c.p95Stopped)} ms over ${fmt(c.queries)} queries, ${fmt(c.stopped)} stopped`,
        };
  const exact = judge(cases.find((c) => c.id === 'a'));
  const target = {
    target: `Pareto queries (time, cost, CO2, transfers), exact, ${label(PARETO_EDGES)} links, ${fmt(PARETO_DEPARTURES)} timetable departures: p50 under ${PARETO_TARGET_MS} ms`,
    ...exact,
    withTolerance: judge(cases.find((c) => c.id === 'b')),
  };
  return { available: true, cases, ms: Math.round(performance.now() - began), target };
}

async function main() {
  const opts = options();
  const started = new Date();
  const environment = {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    loadAverageAtEnd: [] as number[],
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChangesInSrc: git(['status', '--porcelain', '--', 'src/modules/logistics/engine/fastest', 'src/modules/logistics/synthetic']) !== '',
    /** The Pareto planner's code (the engine and the synthetic networks) differs from the commit measured. */
    uncommittedChangesInPlanner: git(['status', '--porcelain', '--', 'src/modules/logistics/engine', 'src/modules/logistics/synthetic']) !== '',
  };
  if (loadavg()[0]! > cpus().length * 0.5) log(`warning: load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores; timings will be inflated`);

  const cases: CaseResult[] = [];
  if (opts.reference) {
    const reference = await referenceBenchNetwork(REFERENCE_FILE);
    if (reference) cases.push(await runCase(reference, opts, opts.seed));
    else log('reference network: its GeoJSON file is not there yet; synthetic graphs only');
    if (cases[0]) printCase(cases[0]);
  }
  for (const edges of opts.sizes) {
    log(`synthetic road graph of ${label(edges)} edges (seed ${opts.seed})`);
    const net = syntheticBenchNetwork(edges, opts.seed);
    log(`  ${fmt(net.nodeCount)} nodes in ${fmt(net.generateMs)} ms; RSS ${mb(process.memoryUsage().rss)} MB`);
    const run = await runCase(net, opts, opts.seed + edges);
    cases.push(run);
    printCase(run);
  }
  // The Pareto planner's benchmark is another engine's: its failure is reported, and does not lose these results.
  const pareto: ParetoRun = opts.pareto
    ? await runPareto(opts).catch((error: unknown) => {
        console.error(`\n*** Pareto planner benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { available: true, error: String(error) };
      })
    : { available: false, skipped: true };
  environment.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);

  const mismatches = cases.reduce((sum, run) => sum + run.mismatches, 0);
  const largest = cases.filter((run) => run.edges >= 1_000_000).at(-1);
  const target = {
    target: 'median query at least 10× faster than the fastest peer at 1 M edges, same answers',
    met: largest?.fastestPeer ? largest.fastestPeer.speedUp >= 10 && largest.mismatches === 0 : null,
    detail: largest?.fastestPeer
      ? `${fmt(largest.fastestPeer.speedUp, 1)}× (${largest.fastestPeer.name} ${largest.fastestPeer.medianMs} ms, ours ${largest.fastestPeer.oursMedianMs} ms, ${largest.fastestPeer.pairs} pairs), ${largest.mismatches} mismatches`
      : 'no graph of 1 M edges in this run',
  };
  const verdict = (met: boolean | null) => (met === null ? 'n/a ' : met ? 'MET ' : 'MISS');
  const targetLines = ['', 'Targets'];
  if (cases.length > 0) targetLines.push(`  ${verdict(target.met)}  ${target.target}: ${target.detail}`);
  if (pareto.target) {
    targetLines.push(
      `  ${verdict(pareto.target.met)}  ${pareto.target.target}, case (a): ${pareto.target.detail}`,
      `        not the target (routes within 2 % on cost and CO2 merged), case (b) with tolerance 0.02: ${pareto.target.withTolerance.met === null ? 'n/a' : pareto.target.withTolerance.met ? 'would meet it' : 'would miss it'}, ${pareto.target.withTolerance.detail}`,
    );
  }
  if (targetLines.length > 2) console.log(targetLines.join('\n'));
  if (cases.length > 0) console.log(mismatches === 0 ? '\nAnswers: every engine agrees with ours on every pair (within 1e-6 minutes), every path valid.' : `\n*** ${mismatches} MISMATCH(ES): see above.`);

  const result = { startedAt: started.toISOString(), options: opts, environment, cases, pareto, target, mismatches };
  const out = opts.out ?? join(here, '..', 'results', `routing-${started.toISOString().slice(0, 10)}.json`);
  await mkdir(dirname(out), { recursive: true });
  // Runs of one day share a file: a run with exactly the same options replaces the earlier one.
  const previous = existsSync(out) ? ((JSON.parse(await readFile(out, 'utf8')) as { runs?: (typeof result)[] }).runs ?? []) : [];
  const kept = previous.filter((r) => JSON.stringify(r.options) !== JSON.stringify(result.options));
  await writeFile(out, `${JSON.stringify({ runs: [...kept, result] }, null, 2)}\n`);
  log(`results written to ${out}`);
  if (mismatches > 0) process.exitCode = 1;
}

await main();
