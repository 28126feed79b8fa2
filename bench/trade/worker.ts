/**
 * One engine's part of the benchmark, in its own process so each peak RSS is that engine's alone:
 * `worker.ts <job.json> <result.json>`, started by run.ts.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { loadReferenceData } from '../../src/db/reference.ts';
import { createThrowawayPostgres } from '../../src/db/testing.ts';
import { periodEnd } from '../../src/modules/trade/analysis.ts';
import { parsePeriod } from '../../src/modules/trade/engine/periods.ts';
import { readBaciCountryCodes } from '../../src/modules/trade/import/companions.ts';
import { keepReadingWorkersReady } from '../../src/modules/trade/import/reading.ts';
import { resolvePartnerGroup } from '../../src/modules/trade/store/partner-groups.ts';
import { loadIntoMemory, runDuckDb, type CountryCodes, type DuckDbRun } from './duckdb.ts';
import { queriesInTurn, type InTurnLatency } from './in-turn.ts';
import { mb } from './measure.ts';
import { importPairs, runOurs, type OurRun } from './ours.ts';
import { profilePostgres, type Profile } from './profile.ts';
import type { Questions } from './questions.ts';

export interface Job {
  /**
   * `members` resolves the partner group from the reference data for DuckDB, apart so its memory is not counted;
   * `pairs` times DuckDB's load and the PostgreSQL import in turn, for ratios the machine's drift does not skew.
   */
  engine: 'postgresql' | 'pglite' | 'duckdb' | 'members' | 'pairs';
  file: string;
  questions: Questions;
  warmup: number;
  repeat: number;
  /** Imports (loads for DuckDB) of the file, whose median is reported. */
  imports: number;
  /** PostgreSQL: the server to create a throwaway database on, and whether to profile the phases after the run. */
  postgres?: string | undefined;
  profile?: boolean | undefined;
  pgliteMemory?: boolean | undefined;
  /** Years of the file, for the series' members per year. */
  years: number[];
  /** DuckDB: the country codes the `members` job resolved. */
  codes?: SerialisedCodes | undefined;
}

/** CountryCodes with its maps as entry lists, for JSON. */
export interface SerialisedCodes {
  reporter: number;
  groupAtPeriodEnd: number[];
  groupByYear: [number, number[]][];
  iso3: [number, string][];
}

/** One round of `pairs`: DuckDB's load and our PostgreSQL import of the same file, one right after the other. */
export interface ImportPair {
  duckdbMs: number;
  postgresqlMs: number;
}

export interface JobResult {
  codes?: SerialisedCodes;
  pairs?: ImportPair[];
  inTurn?: InTurnLatency;
  ours?: OurRun;
  duckdb?: DuckDbRun;
  profile?: Profile;
  info: Record<string, string>;
  /** Peak RSS over the whole worker process (getrusage), beside the sampled peak of the measured step. */
  processMaxRssMb: number;
}

const log = (text: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

async function withPostgres<T>(adminUrl: string, work: (db: Database, info: Record<string, string>) => Promise<T>): Promise<T> {
  const throwaway = await createThrowawayPostgres(adminUrl);
  const db = await openPostgres(throwaway.url, 4);
  try {
    await migrate(db);
    await loadReferenceData(db);
    const settings = await db.query<{ name: string; setting: string }>(
      `SELECT name, setting || coalesce(unit, '') AS setting FROM pg_settings WHERE name IN
        ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'fsync', 'synchronous_commit', 'wal_level', 'max_wal_size',
         'max_parallel_workers_per_gather', 'jit') ORDER BY name`,
    );
    const [{ server_version: version } = { server_version: '' }] = await db.query<{ server_version: string }>('SHOW server_version');
    return await work(db, { version, ...Object.fromEntries(settings.map((s) => [s.name, s.setting])) });
  } finally {
    await db.close();
    await throwaway.drop();
  }
}

async function withPglite<T>(inMemory: boolean, work: (db: Database, info: Record<string, string>) => Promise<T>): Promise<T> {
  const dir = inMemory ? undefined : await mkdtemp(join(tmpdir(), 'scohub-bench-pglite-'));
  const db = await openPglite(dir);
  try {
    await migrate(db);
    await loadReferenceData(db);
    const [{ server_version: version } = { server_version: '' }] = await db.query<{ server_version: string }>('SHOW server_version');
    return await work(db, { version, storage: inMemory ? 'memory' : 'temp folder' });
  } finally {
    await db.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The group's members from the platform's reference data (not from our answers, so DuckDB checks those too): at the
 * end of the period asked, and at the end of each year for the series.
 */
async function countryCodes(file: string, q: Questions, years: readonly number[]): Promise<CountryCodes> {
  const iso3 = new Map([...(await readBaciCountryCodes(file))].map(([code, alpha]) => [Number(code), alpha]));
  const codeOf = new Map([...iso3].map(([code, alpha]) => [alpha, code]));
  const codes = (list: string[]) => list.flatMap((alpha) => (codeOf.has(alpha) ? [codeOf.get(alpha)!] : []));
  return withPglite(true, async (db) => {
    const membersAt = async (period: string) => codes((await resolvePartnerGroup(db, q.partners, q.reporter, periodEnd(parsePeriod(period)))).members);
    const groupByYear = new Map<number, number[]>();
    for (const year of years) groupByYear.set(year, await membersAt(String(year)));
    return { reporter: codeOf.get(q.reporter)!, groupAtPeriodEnd: await membersAt(q.period), groupByYear, iso3 };
  });
}

const codesOf = (serialised: SerialisedCodes): CountryCodes => ({ ...serialised, groupByYear: new Map(serialised.groupByYear), iso3: new Map(serialised.iso3) });

async function runJob(job: Job): Promise<Omit<JobResult, 'processMaxRssMb'>> {
  // Imports run as in the server, which keeps one reading worker started and waiting for the next upload.
  const stopReadingWorkers = ['postgresql', 'pglite', 'pairs'].includes(job.engine) ? keepReadingWorkersReady() : undefined;
  try {
    return await runEngine(job);
  } finally {
    await stopReadingWorkers?.();
  }
}

async function runEngine(job: Job): Promise<Omit<JobResult, 'processMaxRssMb'>> {
  const options = { warmup: job.warmup, repeat: job.repeat, imports: job.imports };
  switch (job.engine) {
    case 'postgresql':
    {
      const { ours, info } = await withPostgres(job.postgres!, async (db, info) => ({ ours: await runOurs(db, job.file, job.questions, options), info }));
      log(`PostgreSQL: imported in ${(ours.importMs / 1000).toFixed(1)} s; queries done`);
      if (!job.profile) return { ours, info };
      // A fresh database, so the profile's statements see no other dataset's rows.
      log('PostgreSQL: profiling the import phases one at a time');
      const profile = await withPostgres(job.postgres!, (db) => profilePostgres(db, job.file, log));
      return { ours, profile, info };
    }
    case 'pglite':
      return withPglite(job.pgliteMemory ?? false, async (db, info) => {
        const ours = await runOurs(db, job.file, job.questions, options);
        log(`PGlite: imported in ${(ours.importMs / 1000).toFixed(1)} s; queries done`);
        return { ours, info };
      });
    case 'pairs':
      return withPostgres(job.postgres!, async (db, info) => {
        const pairs = await importPairs(db, job.file, job.imports, () => loadIntoMemory(job.file));
        log('PostgreSQL and DuckDB: asking the questions in turn');
        const inTurn = await queriesInTurn(db, job.file, job.questions, codesOf(job.codes!), options);
        return { pairs, inTurn, info };
      });
    case 'members': {
      const codes = await countryCodes(job.file, job.questions, job.years);
      return { codes: { ...codes, groupByYear: [...codes.groupByYear], iso3: [...codes.iso3] }, info: {} };
    }
    case 'duckdb': {
      const duckdb = await runDuckDb(job.file, job.questions, codesOf(job.codes!), { ...options, fileLoad: true });
      log(`DuckDB: loaded in ${(duckdb.loadMs / 1000).toFixed(1)} s; queries done`);
      return { duckdb, info: {} };
    }
  }
}

const [jobFile, resultFile] = process.argv.slice(2);
if (!jobFile || !resultFile) throw new Error('usage: worker.ts <job.json> <result.json>');
const job = JSON.parse(await readFile(jobFile, 'utf8')) as Job;
const result = await runJob(job);
await writeFile(resultFile, JSON.stringify({ ...result, processMaxRssMb: mb(process.resourceUsage().maxRSS * 1024) } satisfies JobResult));
