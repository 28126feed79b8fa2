/**
 * Trade import and dashboard benchmark: the product's own importer and analysis functions on PostgreSQL and PGlite
 * against DuckDB on the raw file, on synthetic BACI data. `npm run bench:trade -- --help` lists the options.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import duckdb from '@duckdb/node-api';
import { benchDataset, type BenchDataset } from './dataset.ts';
import type { DuckDbRun } from './duckdb.ts';
import { median, seconds } from './measure.ts';
import type { OurRun } from './ours.ts';
import type { Profile } from './profile.ts';
import { QUERY_NAMES, compareAnswers, type Questions } from './questions.ts';
import type { InTurnLatency } from './in-turn.ts';
import type { ImportPair, Job, JobResult, SerialisedCodes } from './worker.ts';
import { parseCount } from '../figures.ts';

const HELP = `npm run bench:trade -- [options]

  --rows N            rows of the synthetic BACI file (default 10M; 1M, 1e6 and 1_000_000 all work)
  --pglite-rows N     a smaller file for PGlite (default: the same file)
  --postgres URL      PostgreSQL server to create a throwaway database on (default: BENCH_DATABASE_URL; else skipped)
  --skip-pglite       leave PGlite out
  --skip-profile      leave out the phase profile of the PostgreSQL import (it reads and loads the file again)
  --repeat N          measured runs of each dashboard query (default 100), after --warmup N (default 3)
  --imports N         imports of the file by each engine, the median reported (default 3)
  --pairs N           rounds of DuckDB's load and the PostgreSQL import one right after the other (default 5);
                      the import target is judged on the median of the rounds' ratios
  --seed N            generator seed (default 20250101)
  --fresh             generate the data again even when a cached copy exists
  --pglite-memory     PGlite in memory instead of a temp folder
  --out FILE          results file (default bench/results/trade-<date>.json; runs of the same day are kept together)

Environment: BENCH_ROWS, BENCH_PGLITE_ROWS, BENCH_DATABASE_URL, BENCH_SKIP_PGLITE=1, BENCH_REPEAT.`;

function count(text: string | undefined, fallback: number, name: string): number {
  return text === undefined || text === '' ? fallback : parseCount(text, name);
}

function options() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      'pglite-rows': { type: 'string' },
      postgres: { type: 'string' },
      'skip-pglite': { type: 'boolean' },
      'skip-profile': { type: 'boolean' },
      'pglite-memory': { type: 'boolean' },
      repeat: { type: 'string' },
      imports: { type: 'string' },
      pairs: { type: 'string' },
      warmup: { type: 'string' },
      seed: { type: 'string' },
      fresh: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const env = process.env;
  const rows = count(values.rows ?? env.BENCH_ROWS, 10_000_000, '--rows');
  return {
    rows,
    pgliteRows: count(values['pglite-rows'] ?? env.BENCH_PGLITE_ROWS, rows, '--pglite-rows'),
    postgres: values.postgres ?? (env.BENCH_DATABASE_URL || undefined),
    pglite: !(values['skip-pglite'] ?? ['1', 'true'].includes(env.BENCH_SKIP_PGLITE ?? '')),
    pgliteMemory: values['pglite-memory'] ?? false,
    profile: !values['skip-profile'],
    repeat: count(values.repeat ?? env.BENCH_REPEAT, 100, '--repeat'),
    warmup: count(values.warmup, 3, '--warmup'),
    imports: count(values.imports, 3, '--imports'),
    pairs: count(values.pairs, 5, '--pairs'),
    seed: count(values.seed, 20_250_101, '--seed'),
    fresh: values.fresh ?? false,
    out: values.out,
  };
}

type Options = ReturnType<typeof options>;

/** The product code measured, so results can be tied to a commit. */
function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: dirname(fileURLToPath(import.meta.url)), encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

const log = (text: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Runs one engine's job in a child process, so the peak RSS measured there is that engine's alone. */
async function inWorker(job: Job): Promise<JobResult> {
  const dir = await mkdtemp(join(tmpdir(), 'scohub-bench-job-'));
  try {
    const jobFile = join(dir, 'job.json');
    const resultFile = join(dir, 'result.json');
    await writeFile(jobFile, JSON.stringify(job));
    const worker = join(dirname(fileURLToPath(import.meta.url)), 'worker.ts');
    const child = spawn(process.execPath, [...process.execArgv, worker, jobFile, resultFile], { stdio: ['ignore', 'inherit', 'inherit'] });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`the ${job.engine} part of the benchmark failed (exit code ${code})`);
    return JSON.parse(await readFile(resultFile, 'utf8')) as JobResult;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface FileRun {
  dataset: BenchDataset;
  /** Peak RSS of each engine's whole worker process (getrusage), beside the sampled peaks of the measured steps. */
  workerMaxRssMb?: Record<string, number>;
  duckdb?: DuckDbRun;
  postgresql?: OurRun;
  pglite?: OurRun;
  /** Rounds of DuckDB's load and the PostgreSQL import, one right after the other. */
  pairs?: ImportPair[];
  /** The questions asked of both in turn. */
  inTurn?: InTurnLatency;
}

const pairedRatio = (pairs: readonly ImportPair[]) => median(pairs.map((p) => p.postgresqlMs / p.duckdbMs));

function printResults(runs: FileRun[], profile: Profile | undefined) {
  const lines: string[] = [];
  for (const run of runs) {
    const duck = run.duckdb!;
    lines.push('', `${fmt(run.dataset.rows)} rows (${fmt(run.dataset.bytes / 1e6)} MB, ${run.dataset.file})`, '');
    lines.push('  Import (median of the runs below)         wall s     rows/s  RSS MB before→peak (+server)   × DuckDB');
    const row = (name: string, ms: number, rss: string, ratio: string) =>
      lines.push(`  ${name.padEnd(40)} ${seconds(ms).toFixed(2).padStart(7)} ${fmt(run.dataset.rows / (ms / 1000)).padStart(10)} ${rss.padStart(29)} ${ratio.padStart(10)}`);
    row('DuckDB CREATE TABLE AS read_csv (memory)', duck.loadMs, `${duck.rssBeforeMb}→${duck.peakRssMb}`, '1.00');
    if (duck.fileLoadMs !== null) row('DuckDB, into a database file', duck.fileLoadMs, '', (duck.fileLoadMs / duck.loadMs).toFixed(2));
    for (const ours of [run.postgresql, run.pglite]) {
      if (!ours) continue;
      const backend = ours.backendPeakRssMb === null ? '' : ` +${ours.backendPeakRssMb}`;
      row(`${ours.engine === 'postgresql' ? 'PostgreSQL' : 'PGlite'} importTradeFile`, ours.importMs, `${ours.rssBeforeMb}→${ours.peakRssMb}${backend}`, (ours.importMs / duck.loadMs).toFixed(2));
    }
    const each = (ms: readonly number[]) => ms.map((m) => seconds(m).toFixed(2)).join(', ');
    lines.push(`  each run, s: DuckDB (memory) ${each(duck.loadRunsMs)}`);
    for (const ours of [run.postgresql, run.pglite]) if (ours) lines.push(`               ${ours.engine === 'postgresql' ? 'PostgreSQL' : 'PGlite'} ${each(ours.importRunsMs)}`);
    if (run.pairs?.length) {
      lines.push('', '  Paired rounds: DuckDB load (memory) and PostgreSQL import, one right after the other');
      run.pairs.forEach((pair, round) =>
        lines.push(`    round ${round + 1}: DuckDB ${seconds(pair.duckdbMs).toFixed(2)} s, PostgreSQL ${seconds(pair.postgresqlMs).toFixed(2)} s, ${(pair.postgresqlMs / pair.duckdbMs).toFixed(2)}×`),
      );
      lines.push(`    median of the rounds' ratios: ${pairedRatio(run.pairs).toFixed(2)}×`);
    }
    if (run.inTurn) {
      lines.push('', '  Dashboard questions asked of PostgreSQL and DuckDB in turn (ms)  median      p95   DuckDB median     p95   × median   × p95');
      for (const name of QUERY_NAMES) {
        const { postgresql: a, duckdb: b } = run.inTurn[name];
        lines.push(
          `  ${name.padEnd(62)} ${a.medianMs.toFixed(2).padStart(8)} ${a.p95Ms.toFixed(2).padStart(8)} ${b.medianMs.toFixed(2).padStart(15)} ${b.p95Ms.toFixed(2).padStart(7)} ${(a.medianMs / b.medianMs).toFixed(2).padStart(10)} ${(a.p95Ms / b.p95Ms).toFixed(2).padStart(7)}`,
        );
      }
    }
    for (const ours of [run.postgresql, run.pglite]) {
      if (!ours) continue;
      const stored = Object.entries(ours.storedRows).map(([what, n]) => `${what} ${fmt(n)}`).join(', ');
      lines.push('', `  ${ours.engine === 'postgresql' ? 'PostgreSQL' : 'PGlite'} import phases (rows written: ${stored})`);
      for (const phase of ours.phases) lines.push(`    ${phase.label.padEnd(60)} ${seconds(phase.ms).toFixed(2).padStart(8)} s`);
      if (ours.settleMs > 0) lines.push(`    ${'(after the import, before the queries) VACUUM, CHECKPOINT'.padEnd(60)} ${seconds(ours.settleMs).toFixed(2).padStart(8)} s`);
    }
    lines.push('', '  Dashboard query (ms)      engine        median      p95   DuckDB median     p95   × median   × p95');
    for (const name of QUERY_NAMES) {
      for (const ours of [run.postgresql, run.pglite]) {
        if (!ours) continue;
        const a = ours.queries[name];
        const b = duck.queries[name];
        lines.push(
          `  ${name.padEnd(25)} ${ours.engine.padEnd(12)} ${a.medianMs.toFixed(2).padStart(8)} ${a.p95Ms.toFixed(2).padStart(8)} ${b.medianMs.toFixed(2).padStart(15)} ${b.p95Ms.toFixed(2).padStart(7)} ${(a.medianMs / b.medianMs).toFixed(2).padStart(10)} ${(a.p95Ms / b.p95Ms).toFixed(2).padStart(7)}`,
        );
      }
    }
  }
  if (profile) {
    lines.push('', `PostgreSQL import, phases measured alone (${fmt(profile.rows)} rows)`);
    for (const phase of profile.phases) lines.push(`    ${phase.label.padEnd(60)} ${seconds(phase.ms).toFixed(2).padStart(8)} s${phase.note ? `  ${phase.note}` : ''}`);
  }
  console.log(lines.join('\n'));
}

/** Targets of the requirement, judged on the main file. */
function targets(run: FileRun) {
  const pg = run.postgresql;
  const duck = run.duckdb!;
  const out: { target: string; met: boolean | null; detail: string }[] = [];
  const pairs = run.pairs ?? [];
  out.push(
    pairs.length > 0
      ? {
          target: 'PostgreSQL import within 5× of DuckDB load (median of paired rounds)',
          met: pairedRatio(pairs) <= 5,
          detail: `${pairedRatio(pairs).toFixed(2)}× over ${pairs.length} rounds (${pairs.map((p) => (p.postgresqlMs / p.duckdbMs).toFixed(2)).join(', ')})`,
        }
      : {
          target: 'PostgreSQL import within 5× of DuckDB load',
          met: pg ? pg.importMs <= 5 * duck.loadMs : null,
          detail: pg ? `${(pg.importMs / duck.loadMs).toFixed(2)}× (${seconds(pg.importMs)} s vs ${seconds(duck.loadMs)} s)` : 'PostgreSQL not run',
        },
  );
  for (const name of QUERY_NAMES) {
    const inTurn = run.inTurn?.[name];
    const a = inTurn ? inTurn.postgresql : pg?.queries[name];
    const b = inTurn ? inTurn.duckdb : duck.queries[name];
    out.push({
      target: `${name}: median and p95 no slower than DuckDB${inTurn ? ' (asked in turn)' : ''}`,
      met: a ? a.medianMs <= b.medianMs && a.p95Ms <= b.p95Ms : null,
      detail: a ? `median ${a.medianMs} vs ${b.medianMs} ms, p95 ${a.p95Ms} vs ${b.p95Ms} ms` : 'PostgreSQL not run',
    });
  }
  return out;
}

async function main() {
  const opts: Options = options();
  const started = new Date();
  const questions = (dataset: BenchDataset): Questions => ({ reporter: 'CHN', partners: 'SCO', period: String(dataset.years.at(-1)), top: 10 });
  log(`synthetic BACI file of ${fmt(opts.rows)} rows (seed ${opts.seed})`);
  const primary = await benchDataset(opts.rows, opts.seed, opts.fresh);
  log(primary.generated ? `generated in ${seconds(primary.generateMs!)} s: ${primary.file}` : `reusing ${primary.file}`);
  const runs: FileRun[] = [{ dataset: primary }];
  let pgliteRun = runs[0]!;
  if (opts.pglite && opts.pgliteRows !== opts.rows) {
    const small = await benchDataset(opts.pgliteRows, opts.seed, opts.fresh);
    pgliteRun = { dataset: small };
    runs.push(pgliteRun);
  }
  const environment: Record<string, unknown> = {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${type()} ${release()}`,
    node: process.version,
    duckdb: duckdb.version(),
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChangesInSrc: git(['status', '--porcelain', '--', 'src']) !== '',
  };
  // Other work on the machine skews every timing; say so rather than report it as the product's.
  if (loadavg()[0]! > cpus().length * 0.5) log(`warning: load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores; timings will be inflated`);

  const base = { warmup: opts.warmup, repeat: opts.repeat, imports: opts.imports };
  const codesByFile = new Map<string, Promise<SerialisedCodes>>();
  const codesFor = (dataset: BenchDataset) => {
    const spec = { file: dataset.file, questions: questions(dataset), years: dataset.years, ...base };
    if (!codesByFile.has(dataset.file)) codesByFile.set(dataset.file, inWorker({ engine: 'members', ...spec }).then((job) => job.codes!));
    return codesByFile.get(dataset.file)!;
  };
  let profile: Profile | undefined;
  if (opts.postgres) {
    log(`PostgreSQL: importing ${fmt(primary.rows)} rows with importTradeFile`);
    const job = await inWorker({ engine: 'postgresql', file: primary.file, years: primary.years, questions: questions(primary), postgres: opts.postgres, profile: opts.profile, ...base });
    environment.postgresql = job.info;
    runs[0]!.postgresql = job.ours;
    runs[0]!.workerMaxRssMb = { ...runs[0]!.workerMaxRssMb, postgresql: job.processMaxRssMb };
    profile = job.profile;
    if (opts.pairs > 0) {
      log(`PostgreSQL and DuckDB: ${opts.pairs} paired rounds of import and load`);
      const paired = await inWorker({ engine: 'pairs', file: primary.file, years: primary.years, questions: questions(primary), postgres: opts.postgres, codes: await codesFor(primary), ...base, imports: opts.pairs });
      runs[0]!.pairs = paired.pairs;
      runs[0]!.inTurn = paired.inTurn;
    }
  } else {
    log('PostgreSQL: skipped (no --postgres URL and no BENCH_DATABASE_URL)');
  }

  if (opts.pglite) {
    const file = pgliteRun.dataset;
    log(`PGlite (${opts.pgliteMemory ? 'in memory' : 'temp folder'}): importing ${fmt(file.rows)} rows with importTradeFile`);
    const job = await inWorker({ engine: 'pglite', file: file.file, years: file.years, questions: questions(file), pgliteMemory: opts.pgliteMemory, ...base });
    environment.pglite = job.info;
    pgliteRun.pglite = job.ours;
    pgliteRun.workerMaxRssMb = { ...pgliteRun.workerMaxRssMb, pglite: job.processMaxRssMb };
  }

  let mismatches = 0;
  for (const run of runs) {
    log(`DuckDB: loading ${fmt(run.dataset.rows)} rows and asking the same questions`);
    const spec = { file: run.dataset.file, questions: questions(run.dataset), years: run.dataset.years, ...base };
    const job = await inWorker({ engine: 'duckdb', codes: await codesFor(run.dataset), ...spec });
    run.duckdb = job.duckdb!;
    run.workerMaxRssMb = { ...run.workerMaxRssMb, duckdb: job.processMaxRssMb };
    if (run.duckdb.rows !== run.dataset.rows) {
      console.error(`\n*** MISMATCH: DuckDB loaded ${run.duckdb.rows} rows, the file has ${run.dataset.rows}`);
      mismatches += 1;
    }
    for (const engine of [run.postgresql, run.pglite]) {
      if (!engine) continue;
      const expectedTotal = `${run.dataset.totalDollars}.00`;
      const problems = compareAnswers(engine.answers, run.duckdb.answers);
      if (engine.datasetTotal !== expectedTotal) problems.push(`dataset total_value ${engine.datasetTotal}, the generator wrote ${expectedTotal}`);
      if (engine.records !== run.dataset.rows) problems.push(`dataset records ${engine.records}, the file has ${run.dataset.rows}`);
      for (const problem of problems) console.error(`\n*** MISMATCH (${engine.engine} vs DuckDB, ${fmt(run.dataset.rows)} rows) ${problem}`);
      mismatches += problems.length;
    }
  }

  environment.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
  printResults(runs, profile);
  const judged = targets(runs[0]!);
  console.log('\nTargets');
  for (const t of judged) console.log(`  ${t.met === null ? 'n/a ' : t.met ? 'MET ' : 'MISS'}  ${t.target}: ${t.detail}`);
  console.log(mismatches === 0 ? '\nAnswers: every engine agrees with DuckDB to the cent.' : `\n*** ${mismatches} MISMATCH(ES) with DuckDB: see above.`);

  const result = {
    startedAt: started.toISOString(),
    options: { ...opts, postgres: opts.postgres ? opts.postgres.replace(/\/\/[^@/]*@/, '//***@') : null },
    environment,
    questions: questions(primary),
    runs: runs.map((r) => ({ ...r, dataset: { ...r.dataset } })),
    profile,
    targets: judged,
    mismatches,
  };
  const out = opts.out ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'results', `trade-${started.toISOString().slice(0, 10)}.json`);
  await mkdir(dirname(out), { recursive: true });
  // Runs of one day share a file: a run with exactly the same options replaces the earlier one.
  const previous = existsSync(out) ? ((JSON.parse(await readFile(out, 'utf8')) as { runs?: (typeof result)[] }).runs ?? []) : [];
  const kept = previous.filter((r) => JSON.stringify(r.options) !== JSON.stringify(result.options));
  await writeFile(out, `${JSON.stringify({ runs: [...kept, result] }, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
  log(`results written to ${out}`);
  if (mismatches > 0) process.exitCode = 1;
}

await main();
