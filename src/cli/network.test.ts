import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { readNetworkGeoJson } from '../modules/logistics/network-geojson.ts';
import { importFailure } from './network.ts';
import { cli } from './run-cli.ts';

const FIXTURE = fileURLToPath(new URL('../modules/logistics/fixtures/small-network.geojson', import.meta.url));
const lineIn = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('network import and export on the command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scohub-network-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  /** A data directory that cannot be made, inside a plain file. */
  const notADirectory = async (name: string) => {
    await writeFile(join(dir, 'plain-file'), '');
    return join(dir, 'plain-file', name);
  };

  it('names the file, line and field of each problem in a bad file, and imports nothing', async () => {
    const bad = join(dir, 'bad.geojson');
    const text = (await readFile(FIXTURE, 'utf8')).replace('"minutes": 720', '"minutes": "twelve hours"');
    await writeFile(bad, text);
    const line = lineIn(text, '"minutes": "twelve hours"');
    const { code, stderr } = await cli(join(dir, 'unused'), 'network', 'import', bad);
    expect(code).toBe(1);
    expect(stderr).toContain(`${bad}, line ${line} (rail-urumqi-alashankou), field minutes: must be a number`);
    expect(stderr).toContain('Nothing was imported.');
  });

  it("names the file, line and field of each value beyond the API's limits, before it opens the database", async () => {
    const bad = join(dir, 'limits.geojson');
    const text = (await readFile(FIXTURE, 'utf8'))
      .replace('"minutes": 720', '"minutes": 3000000000')
      .replace('"customs": { "minutes": 30,', '"customs": { "minutes": 30.5,')
      .replace('"gauge": 1435', '"gauge": 2000')
      .replace('"distanceKm": 12', '"distanceKm": 60000');
    await writeFile(bad, text);
    // A database that cannot be opened: the import must stop at the file's problems without trying it.
    const { code, stderr } = await cli(await notADirectory('db'), 'network', 'import', bad);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toEqual([
      `Error: ${bad}, line ${lineIn(text, '"minutes": 30.5')} (CN-ALASHANKOU), field customs.minutes: 30.5 is not a whole number`,
      `${bad}, line ${lineIn(text, '"gauge": 2000')} (rail-urumqi-alashankou), field gauge: must be a gauge of 600 to 1700 mm or a list of up to 3 of them`,
      `${bad}, line ${lineIn(text, '"minutes": 3000000000')} (rail-urumqi-alashankou), field minutes: 3000000000 is above 10000000`,
      `${bad}, line ${lineIn(text, '"distanceKm": 60000')} (rail-alashankou-dostyk), field distanceKm: 60000 is above 50000`,
      'Nothing was imported.',
      '',
    ]);
  });

  it('names the file in one sentence when the database cannot take the network', async () => {
    const { code, stderr } = await cli(await notADirectory('db'), 'network', 'import', FIXTURE);
    expect(code).toBe(1);
    const [failure, ...rest] = stderr.split('\n');
    expect(failure).toMatch(/^Error: .+ could not be imported: \S/);
    expect(failure!.startsWith(`Error: ${FIXTURE} could not be imported: `)).toBe(true);
    expect(rest).toEqual(['Nothing was imported.', '']);
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

describe('a failed network import', () => {
  const text = readFileSync(FIXTURE, 'utf8');

  it("tells each of the network's problems with the file, the line where it is found and the field", () => {
    const problems = [
      { id: 'rail-alashankou-dostyk', field: 'to', message: 'no node KZ-DOSTYK' },
      { field: 'corridors', message: 'two corridors share an id' },
    ];
    const failure = importFailure('net.geojson', text, new DomainError('NETWORK_INVALID', { problems: 2 }, problems));
    expect(failure.message).toBe(
      [
        `net.geojson, line ${lineIn(text, '"to": "KZ-DOSTYK"')} (rail-alashankou-dostyk), field to: no node KZ-DOSTYK`,
        'net.geojson, field corridors: two corridors share an id',
        'Nothing was imported.',
      ].join('\n'),
    );
  });

  it('names the file beside any other failure', () => {
    expect(importFailure('net.geojson', text, new Error('value "3000000000" is out of range for type integer')).message).toBe(
      'net.geojson could not be imported: value "3000000000" is out of range for type integer\nNothing was imported.',
    );
  });
});
