import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN = { email: 'e2e@example.org', password: 'correct horse battery', name: 'E2E Admin' };

interface WebBuilder {
  buildWebIfStale: () => Promise<boolean>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// One lock per checkout: end-to-end files run in parallel workers and must not build web/dist at the same time.
const BUILD_LOCK = join(tmpdir(), `scohub-web-build-${createHash('sha1').update(repoRoot).digest('hex').slice(0, 10)}.lock`);
const STALE_LOCK_MS = 5 * 60_000;

async function withBuildLock<T>(action: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      await mkdir(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - ((await stat(BUILD_LOCK).catch(() => null))?.mtimeMs ?? Date.now());
      // A lock left behind by a run that was killed mid-build is taken over.
      if (age > STALE_LOCK_MS || Date.now() > deadline) await rm(BUILD_LOCK, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    return await action();
  } finally {
    await rm(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** Builds web/dist when its sources changed, so the server under test serves the current app. */
export async function buildWebIfStale(): Promise<void> {
  // A variable specifier keeps the plain-JS build script out of type checking.
  const builderPath = new URL('../../scripts/build-web-if-stale.mjs', import.meta.url).href;
  const builder = (await import(builderPath)) as WebBuilder;
  await withBuildLock(() => builder.buildWebIfStale());
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`The server did not answer /api/health in time:\n${log()}`);
}

async function stopProcess(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface TestServer {
  base: string;
  log: () => string;
  /** Stops the server and deletes its data directory. */
  stop: () => Promise<void>;
}

/** Starts the server on a free port with an empty embedded database holding one administrator, ADMIN. */
export async function startServer(): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'scohub-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;

  // The embedded database admits one process at a time, so the admin is created before the server opens it.
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'admin', 'create', '--email', ADMIN.email, '--password', ADMIN.password, '--name', ADMIN.name],
    { cwd: repoRoot, env },
  );

  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(server);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base, server, () => serverLog);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, log: () => serverLog, stop };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page in a fresh English browser context, with the page's uncaught errors collected. */
export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
}

/** The server and browser that the tests of one `describe` share. */
export interface BrowserSession {
  /** The server's address, such as http://127.0.0.1:41234. */
  readonly base: string;
  readonly browser: Browser;
  readonly server: TestServer;
  /** Opens a page in a new context (en-GB, 1280×900), so cookies and storage start empty. */
  openPage: () => Promise<OpenedPage>;
}

/**
 * Starts the server (building web/dist first if its sources changed) and a browser before the tests of the
 * enclosing `describe`, and stops both after them. Call it in the body of a `describe`; read the fields in tests.
 */
export function useBrowserSession(): BrowserSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    await buildWebIfStale();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} runs only while the tests of its describe do.`);
    return value;
  };
  const session: BrowserSession = {
    get base() {
      return session.server.base;
    },
    get browser() {
      return started(browser, 'browser');
    },
    get server() {
      return started(server, 'server');
    },
    async openPage() {
      const context = await session.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
      return { context, page, pageErrors };
    },
  };
  return session;
}

/** Logs in through the login link of the page shown, and waits for the user's name in the header. */
export async function logIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByTestId('login-link').click();
  await page.getByTestId('login-email').fill(account.email);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

/** Logs in as ADMIN through the login link of the page shown, and waits for the user's name in the header. */
export const logInAsAdmin = (page: Page): Promise<void> => logIn(page, ADMIN);
