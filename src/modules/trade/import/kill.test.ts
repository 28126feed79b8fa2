import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openPglite } from '../../../db/pglite.ts';
import { openPostgres } from '../../../db/postgres.ts';
import { createThrowawayPostgres } from '../../../db/testing.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = join(ROOT, 'src', 'cli', 'main.ts');
const FIXTURES = fileURLToPath(new URL('../fixtures/baci/', import.meta.url));
const SMALL_RELEASE = join(FIXTURES, 'BACI_HS17_Y2021_V202401.csv');
const BIG_ROWS = 1_500_000;

interface Run {
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

const running = new Set<ChildProcess>();

function importWithCli(file: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'trade', 'import', file, '--dataset', 'killtest', '--no-progress'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, exit, output: () => output };
}

/** Everything an import writes, as text, so two states compare exactly. */
async function snapshot(db: Database) {
  return {
    datasets: await db.query(
      `SELECT id, name, release, layout, content_hash, records, total_value::text AS total_value, imported_at::text AS imported_at FROM trade_datasets ORDER BY name`,
    ),
    totals: await db.query(
      `SELECT dataset_id, reporter, partner, flow, year, month, value::text AS value, summed FROM trade_totals ORDER BY dataset_id, reporter, partner, flow, year, month`,
    ),
    products: await db.query(
      `SELECT dataset_id, reporter, partner, flow, year, month, products, value_cents::text[] AS value_cents, heading_products,
              heading_cents::text[] AS heading_cents, chapter_products, chapter_cents::text[] AS chapter_cents FROM trade_lines
        ORDER BY dataset_id, reporter, partner, flow, year, month, products, heading_products, chapter_products`,
    ),
    lines: await db.query(`SELECT count(*) AS n, sum(cents)::text AS total FROM trade_lines, unnest(value_cents) AS cents`),
    partitions: (await db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE tablename LIKE 'trade\\_lines\\_%' ORDER BY tablename`)).map(
      (row) => row.tablename,
    ),
  };
}

async function folderSize(dir: string): Promise<number> {
  let size = 0;
  for (const name of await readdir(dir, { recursive: true })) {
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info?.isFile()) size += info.size;
  }
  return size;
}

/** Where the command line keeps its data, and how the test watches the import get under way. */
interface Store {
  env: Record<string, string>;
  open(): Promise<Database>;
  /** Called once the first release is in and nothing is connected. */
  beforeBigImport(): Promise<void>;
  /** True once the big import is writing its rows. */
  importUnderWay(): Promise<boolean>;
  /** True once nothing of the killed import is running any more. */
  killedImportGone(): Promise<boolean>;
  dispose(): Promise<void>;
}

interface Target {
  name: 'pglite' | 'postgresql';
  store(dir: string): Promise<Store>;
}

const pgliteTarget: Target = {
  name: 'pglite',
  async store(dir) {
    const dataDir = join(dir, 'data');
    let baseline = 0;
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      open: () => openPglite(join(dataDir, 'pglite')),
      beforeBigImport: async () => {
        baseline = await folderSize(dataDir);
      },
      // Rows loaded by COPY make the database folder grow by megabytes; start-up alone writes a few kilobytes.
      importUnderWay: async () => (await folderSize(dataDir)) > baseline + 4 * 1024 * 1024,
      killedImportGone: async () => true,
      dispose: async () => undefined,
    };
  },
};

const adminUrl = process.env.TEST_DATABASE_URL;
const postgresTarget: Target = {
  name: 'postgresql',
  async store(dir) {
    const throwaway = await createThrowawayPostgres(adminUrl!);
    let observer: Database | undefined;
    const copying = async () => {
      const [row] = await observer!.query<{ n: number }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'COPY %'`,
      );
      return row!.n > 0;
    };
    return {
      env: { DATA_DIR: join(dir, 'data'), DATABASE_URL: throwaway.url },
      open: () => openPostgres(throwaway.url, 2),
      beforeBigImport: async () => {
        observer = await openPostgres(throwaway.url, 1);
      },
      importUnderWay: copying,
      // The server ends the session, and rolls back its transaction, once it sees the connection gone.
      killedImportGone: async () => !(await copying()),
      dispose: async () => {
        await observer?.close();
        await throwaway.drop();
      },
    };
  },
};

async function waitFor(condition: () => Promise<boolean>, run: Run | undefined, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (run && run.child.exitCode !== null) throw new Error(`the import ended before ${what}: ${run.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(100);
  }
}

let dir: string;
let bigFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scohub-trade-kill-'));
  // A release large enough that loading it takes far longer than the test waits before killing it.
  const bigFolder = join(dir, 'big');
  await mkdir(bigFolder);
  const codes = ['156', '398', '417', '643', '699', '860', '490'];
  const products = ['10121', '80410', '270900', '847130', '260111'];
  const parts = ['t,i,j,k,v,q\n'];
  let part = '';
  for (let r = 0; r < BIG_ROWS; r++) {
    part += `2021,${codes[r % 7]!},${codes[(r + 1 + (r % 6)) % 7]!},${products[r % 5]!},${r % 9973}.${String(r % 1000).padStart(3, '0')},1\n`;
    if (part.length > 1 << 20) {
      parts.push(part);
      part = '';
    }
  }
  parts.push(part);
  bigFile = join(bigFolder, 'BACI_HS17_Y2021_V202501.csv');
  await writeFile(bigFile, parts.join(''));
  await copyFile(join(FIXTURES, 'country_codes_V202401.csv'), join(bigFolder, 'country_codes_V202401.csv'));
});

afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const targets = adminUrl ? [pgliteTarget, postgresTarget] : [pgliteTarget];

describe.each(targets)('an import killed midway on $name', (target) => {
  it(
    'leaves the previous release exactly as it was, with no partial dataset or partition',
    async () => {
      const store = await target.store(await mkdtemp(join(dir, `${target.name}-`)));
      try {
        const first = importWithCli(SMALL_RELEASE, store.env);
        expect(await first.exit).toEqual({ code: 0, signal: null });
        expect(first.output()).toContain('as dataset killtest (release V202401, baci)');

        let db = await store.open();
        const before = await snapshot(db);
        await db.close();
        // 1,250.500 + 3.125 + 41,000 + 2,500 + 980.010 + 0.999 + 12.345 + 700 + 0.001 thousand dollars
        expect(before.datasets).toEqual([expect.objectContaining({ name: 'killtest', release: 'V202401', records: 9, total_value: '46446980.00' })]);
        expect(before.partitions).toEqual([`trade_lines_${(before.datasets[0] as { id: string }).id.replace(/-/g, '')}`]);

        await store.beforeBigImport();
        const big = importWithCli(bigFile, store.env);
        await waitFor(() => store.importUnderWay(), big, 'the rows are being loaded', 40_000);
        await sleep(500);
        expect(big.child.exitCode).toBeNull();
        expect(big.output()).toBe('');
        big.child.kill('SIGKILL');
        expect(await big.exit).toEqual({ code: null, signal: 'SIGKILL' });
        await waitFor(() => store.killedImportGone(), undefined, 'the killed import is gone', 10_000);

        db = await store.open();
        try {
          expect(await snapshot(db)).toEqual(before);
        } finally {
          await db.close();
        }
      } finally {
        await store.dispose();
      }
    },
    90_000,
  );
});
