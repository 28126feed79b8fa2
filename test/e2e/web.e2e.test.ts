import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN = { email: 'e2e@example.org', password: 'correct horse battery', name: 'E2E Admin' };

interface WebBuilder {
  buildWebIfStale: () => Promise<boolean>;
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
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /api/health in time:\n${log()}`);
}

async function stop(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

describe.skipIf(!chromiumPath)('web app end to end', () => {
  let dataDir = '';
  let server: ChildProcess | undefined;
  let serverLog = '';
  let browser: Browser | undefined;
  let base = '';

  beforeAll(async () => {
    // A variable specifier keeps the plain-JS build script out of type checking.
    const builderPath = new URL('../../scripts/build-web-if-stale.mjs', import.meta.url).href;
    const builder = (await import(builderPath)) as WebBuilder;
    await builder.buildWebIfStale();

    dataDir = await mkdtemp(join(tmpdir(), 'scohub-e2e-'));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;

    // The embedded database admits one process at a time, so the admin is created before the server opens it.
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'admin', 'create', '--email', ADMIN.email, '--password', ADMIN.password, '--name', ADMIN.name],
      { cwd: repoRoot, env },
    );

    server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
    base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, server, () => serverLog);

    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stop(server);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const context = await browser!.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    return context.newPage();
  }

  it('shows the map, speaks four languages, lists the states and logs in and out', { timeout: 90_000 }, async () => {
    const page = await newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));

    await page.goto(base);
    await page.getByTestId('sco-map').waitFor();
    await page.locator('[data-testid="sco-map"] svg path').first().waitFor({ state: 'attached' });
    const memberCount = page.locator('[data-testid="status-counts"] [data-status="member"] .legend-count');
    await memberCount.waitFor();
    expect(Number(await memberCount.textContent())).toBeGreaterThanOrEqual(6);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('navigation').getByRole('link', { name: 'Organisation', exact: true }).waitFor();

    const switcher = page.getByTestId('language-switcher');
    await switcher.selectOption({ label: 'Русский' });
    await page.getByRole('navigation').getByRole('link', { name: 'Организация', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'ШОС: краткий обзор' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    await switcher.selectOption({ label: '繁體中文' });
    await page.getByRole('navigation').getByRole('link', { name: '組織概況', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    expect(await page.locator('[data-testid="status-counts"] [data-status="member"]').textContent()).toContain('成員國');

    // Sweep across Central Asia: the tooltips name states and statuses in the chosen language.
    const map = await page.getByTestId('sco-map').boundingBox();
    const tooltips = new Set<string>();
    for (let step = 0; map && step <= 10; step++) {
      await page.mouse.move(map.x + map.width * (0.1 + step * 0.08), map.y + map.height * 0.4);
      await page.waitForTimeout(100);
      tooltips.add(await page.getByTestId('sco-map').innerText());
    }
    expect([...tooltips].join('\n')).toContain('成員國');

    await page.getByRole('navigation').getByRole('link', { name: '組織概況', exact: true }).click();
    const table = page.getByTestId('state-table');
    await table.waitFor();
    await table.getByText('中國', { exact: true }).waitFor();
    const tableText = (await table.textContent()) ?? '';
    expect(tableText).toContain('俄羅斯');
    expect(tableText).toContain('哈薩克');
    expect(tableText).not.toContain('China');

    await page.getByTestId('login-link').click();
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toBe(ADMIN.name);
    // Back on the organisation page, an administrator gets the forms to add states.
    await page.getByTestId('state-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/organisation');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-link').waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);

    expect(pageErrors).toEqual([]);
  });

  it('shows the server error message in the chosen language for a wrong password', { timeout: 60_000 }, async () => {
    const page = await newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('language-switcher').selectOption('ru');
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    const alert = page.locator('form [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/[а-яё]/i);
  });
});
