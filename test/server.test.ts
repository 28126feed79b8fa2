import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayPostgres } from '../src/db/testing.ts';
import { readStatusHistory } from '../src/modules/org/reference/load.ts';
import { startServer, type StartedServer } from './server-process.ts';

const root = new URL('..', import.meta.url);

type Started = StartedServer;

/** Runs the server expecting it to refuse to start; resolves with its exit code and what it printed. */
function failedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

async function stop(started: Started): Promise<void> {
  const exited = new Promise((resolve) => started.process.once('exit', resolve));
  started.process.kill('SIGTERM');
  await exited;
}

describe('starting the server', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'scohub-start-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps data across restarts and loads reference data only once', async () => {
    const first = await startServer({ DATA_DIR: dataDir });
    const registered = await fetch(`${first.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'restart@example.org',
        password: 'persisted password',
        displayName: 'Restart',
        role: 'member',
        organisation: { name: 'Persisting Co.', kind: 'enterprise' },
      }),
    });
    expect(registered.status).toBe(201);
    const statesBefore = ((await (await fetch(`${first.url}/api/org/states`)).json()) as { states: unknown[] }).states.length;
    const indicatorsBefore = ((await (await fetch(`${first.url}/api/org/indicators`)).json()) as { indicators: unknown[] }).indicators.length;
    await stop(first);

    const second = await startServer({ DATA_DIR: dataDir });
    const login = await fetch(`${second.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'restart@example.org', password: 'persisted password' }),
    });
    expect(login.status).toBe(200);
    const states = ((await (await fetch(`${second.url}/api/org/states`)).json()) as { states: { history: unknown[] }[] }).states;
    const indicators = ((await (await fetch(`${second.url}/api/org/indicators`)).json()) as { indicators: unknown[] }).indicators;
    expect(states.length).toBe(statesBefore);
    expect(indicators.length).toBe(indicatorsBefore);
    expect(states.reduce((sum, s) => sum + s.history.length, 0)).toBe((await readStatusHistory()).length);
    await stop(second);
  });

  it('stops with a message naming the variable when the environment is wrong', async () => {
    const { code, output } = await failedStart({ DATABASE_URL: 'mysql://user@localhost/hub' });
    expect(code).not.toBe(0);
    expect(output).toContain('DATABASE_URL');
  });

  it('stops with a clear message when the database server cannot be reached', async () => {
    const { code, output } = await failedStart({ DATABASE_URL: 'postgres://hub:secret@127.0.0.1:9/hub' });
    expect(code).not.toBe(0);
    expect(output).toMatch(/Cannot connect to the PostgreSQL server given by DATABASE_URL \(postgres:\/\/hub:\*\*\*@127\.0\.0\.1:9\/hub\)/);
    expect(output).not.toContain('secret');
  });

  it('stops and names the migration when one fails, leaving the schema unchanged', async () => {
    const brokenDir = await mkdtemp(join(tmpdir(), 'scohub-broken-'));
    const pglite = await PGlite.create(join(brokenDir, 'pglite'));
    await pglite.exec('CREATE TABLE organisations (conflicting int)');
    await pglite.close();
    const { code, output } = await failedStart({ DATA_DIR: brokenDir, DATABASE_URL: '' });
    expect(code).not.toBe(0);
    expect(output).toMatch(/Migration accounts\/migrations\/\d{14}_accounts\.sql failed/);
    const after = await PGlite.create(join(brokenDir, 'pglite'));
    expect((await after.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_migrations'`)).rows).toEqual([]);
    await after.close();
    await rm(brokenDir, { recursive: true, force: true });
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)('several instances on one PostgreSQL server', () => {
  it('start together, migrate once, and share sessions: log in on one, act on the other', async () => {
    const database = await createThrowawayPostgres(postgresUrl!);
    const [a, b] = await Promise.all([startServer({ DATABASE_URL: database.url }), startServer({ DATABASE_URL: database.url })]);
    try {
      const health = (await (await fetch(`${b.url}/api/health`)).json()) as { database: string };
      expect(health.database).toBe('postgresql');
      const registered = await fetch(`${a.url}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'shared@example.org',
          password: 'shared sessions work',
          displayName: 'Shared',
          role: 'provider',
          organisation: { name: 'Khorgos Gateway Logistics', kind: 'logistics', country: 'KAZ' },
        }),
      });
      const { csrfToken } = (await registered.json()) as { csrfToken: string };
      const cookie = registered.headers.getSetCookie()[0]!.split(';')[0]!;
      const onOther = await fetch(`${b.url}/api/auth/me`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ locale: 'ru' }),
      });
      expect(onOther.status).toBe(200);
      expect(((await onOther.json()) as { user: { locale: string } }).user.locale).toBe('ru');
    } finally {
      await Promise.all([stop(a), stop(b)]);
      await database.drop();
    }
  });
});
