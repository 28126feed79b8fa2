import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNetworkGeoJson } from '../modules/logistics/network-geojson.ts';

const CLI = fileURLToPath(new URL('./main.ts', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../modules/logistics/fixtures/small-network.geojson', import.meta.url));
const run = promisify(execFile);

/** Runs the command line on an embedded database in `dataDir`; its exit code and what it printed. */
async function cli(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('network import and export on the command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scohub-network-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the file, line and field of each problem in a bad file, and imports nothing', async () => {
    const bad = join(dir, 'bad.geojson');
    const text = (await readFile(FIXTURE, 'utf8')).replace('"minutes": 720', '"minutes": "twelve hours"');
    await writeFile(bad, text);
    const line = text.slice(0, text.indexOf('"minutes": "twelve hours"')).split('\n').length;
    const { code, stderr } = await cli(join(dir, 'unused'), 'network', 'import', bad);
    expect(code).toBe(1);
    expect(stderr).toContain(`${bad}, line ${line} (rail-urumqi-alashankou), field minutes: must be a number`);
    expect(stderr).toContain('Nothing was imported.');
  });

  it('replaces the network with a file and writes it back the same', async () => {
    const data = join(dir, 'db');
    const imported = await cli(data, 'network', 'import', FIXTURE);
    expect(imported.stdout).toContain('3 nodes, 2 links and 1 corridor.');
    const out = join(dir, 'out.geojson');
    expect((await cli(data, 'network', 'export', out)).code).toBe(0);
    const sorted = (text: string) => {
      const network = readNetworkGeoJson(text, 'x');
      return { ...network, nodes: network.nodes.sort((a, b) => a.id.localeCompare(b.id)), links: network.links.sort((a, b) => a.id.localeCompare(b.id)) };
    };
    expect(sorted(await readFile(out, 'utf8'))).toEqual(sorted(await readFile(FIXTURE, 'utf8')));
  }, 60_000);
});
