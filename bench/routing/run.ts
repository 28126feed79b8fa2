/**
 * Route planner benchmark: single-criterion (fastest time) shortest paths with the product's contraction
 * hierarchies against `ngraph.path` (A*, NBA*) and `graphology-shortest-path` (bidirectional Dijkstra), on the same
 * origin–destination pairs, every answer checked; then the Pareto planner when its benchmark is present.
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
import { syntheticRoadNetwork } from '../../src/modules/logistics/synthetic/road-network.ts';
import { seededRandom } from '../../src/modules/logistics/synthetic/seeded-random.ts';
import { contenders, type Contender } from './engines.ts';
import { mb, queryStats, usedBytes, type QueryStats } from './measure.ts';
import { label, referenceBenchNetwork, syntheticBenchNetwork, topSpeedKmh, type BenchNetwork } from './networks.ts';

const HELP = `npm run bench:routing -- [options]

  --sizes LIST        synthetic graphs by edge count (default 10k,100k,1M; 1e6 and 1_000_000 work too)
  --pairs N           random origin–destination pairs per graph (default 1000)
  --peer-pairs N      pairs given to the peers and to plain Dijkstra on graphs of 1 M edges or more, where each
                      of their queries takes a large fraction of a second (default 100; the first N of the pairs)
  --seed N            generator and pair seed (default 20261124)
  --skip-reference    leave out the reference network even when its GeoJSON file is there
  --skip-pareto       leave out the Pareto planner's benchmark
  --out FILE          results file (default bench/results/routing-<date>.json; runs of the same day are kept together)`;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const REFERENCE_FILE = join(root, 'src', 'modules', 'logistics', 'reference', 'sco-network.geojson');
const PARETO_BENCH = join(here, 'pareto.ts');
const DEPARTURES = join(root, 'src', 'modules', 'logistics', 'synthetic', 'departures.ts');
/** Answers agree when their minutes differ by no more than this (sums taken in another order round differently). */
const TOLERANCE = 1e-6;
const WARMUP_PAIRS = 20;
const BLOCK = 50;

function count(text: string, name: string): number {
  const match = /^([\d_.]+(?:e\d+)?)([kKmM]?)$/.exec(text.trim());
  const value = match ? Number(match[1]!.replace(/_/g, '')) * ({ k: 1e3, m: 1e6 }[match[2]!.toLowerCase()] ?? 1) : NaN;
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name}: "${text}" is not a whole number`);
  return value;
}

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      pairs: { type: 'string' },
      'peer-pairs': { type: 'string' },
      seed: { type: 'string' },
      'skip-reference': { type: 'boolean' },
      'skip-pareto': { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  return {
    sizes: (values.sizes ?? '10k,100k,1M').split(',').map((size) => count(size, '--sizes')),
    pairs: count(values.pairs ?? '1000', '--pairs'),
    peerPairs: count(values['peer-pairs'] ?? '100', '--peer-pairs'),
    seed: count(values.seed ?? '20261124', '--seed'),
    reference: !values['skip-reference'],
    pareto: !values['skip-pareto'],
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

interface ParetoModule {
  runParetoBench: (input: Record<string, unknown>) => Promise<unknown>;
}
interface DeparturesModule {
  syntheticDepartures: (network: unknown, options: Record<string, unknown>) => unknown;
}

/** The Pareto planner's benchmark, written beside this one; absent until it is. */
async function runPareto(opts: Options): Promise<{ available: boolean; result?: unknown; ms?: number }> {
  if (!existsSync(PARETO_BENCH) || !existsSync(DEPARTURES)) {
    console.log('\nPareto planner: not available (bench/routing/pareto.ts or the synthetic departures are not there yet)');
    return { available: false };
  }
  const { runParetoBench } = (await import(pathToFileURL(PARETO_BENCH).href)) as ParetoModule;
  const { syntheticDepartures } = (await import(pathToFileURL(DEPARTURES).href)) as DeparturesModule;
  log('Pareto planner: synthetic network of 100k edges and 50,000 departures');
  const network = syntheticRoadNetwork({ edges: 100_000, seed: opts.seed });
  // Departures from the first Monday of 2026, 00:00 UTC, in minutes since the Unix epoch.
  const start = Date.UTC(2026, 0, 5) / 60_000;
  const departures = syntheticDepartures(network, { count: 50_000, seed: opts.seed, start });
  const began = performance.now();
  const result = await runParetoBench({ network, departures, queries: 200, seed: opts.seed, log });
  const ms = performance.now() - began;
  const summary = (result ?? {}) as Record<string, unknown>;
  const field = (key: string, digits = 0) => (typeof summary[key] === 'number' ? fmt(summary[key], digits) : '?');
  console.log(`\nPareto planner (100k edges, 50,000 departures, ${field('queries')} queries): p50 ${field('p50Ms', 1)} ms, p95 ${field('p95Ms', 1)} ms; ${field('found')} found, ${field('meanRoutes', 1)} routes on average`);
  return { available: true, result, ms: Math.round(ms) };
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
  const pareto = opts.pareto
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
  console.log(`\nTarget\n  ${target.met === null ? 'n/a ' : target.met ? 'MET ' : 'MISS'}  ${target.target}: ${target.detail}`);
  console.log(mismatches === 0 ? '\nAnswers: every engine agrees with ours on every pair (within 1e-6 minutes), every path valid.' : `\n*** ${mismatches} MISMATCH(ES): see above.`);

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
