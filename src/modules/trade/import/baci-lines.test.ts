import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticBaci } from '../synthetic/baci.ts';
import { readBaciCountryCodes } from './companions.ts';
import { emptySummary, type ReadOptions } from './read.ts';
import { startReading } from './reading.ts';

/** The line, column and reason of each row of a rejects file. */
const rejectedRows = (text: string) => {
  const rows: string[][] = parse(text, { relax_column_count: true });
  return rows.map(([line, column, reason]) => ({ line, column, reason }));
};

const DATASET_ID = '0c6b2f1e-7d3a-4e5b-8c9d-1a2b3c4d5e6f';

/** One line's fields in BACI's order t,i,j,k,v,q, as written (quotes and all), and how the line ends. */
type Line = { fields: string[]; ending: '\n' | '\r\n' };

// Lines the field-by-field reader must hand to the general scanner, or read alike: every one is valid or rejected
// with a reason, never misread.
const UNUSUAL: string[][] = [
  ['2021', '156', '643', '010121', '5.', '1.5'],
  ['2021', '156', '643', '10121', '0.000001', 'NA'],
  ['2021', '156', '643', '010121', '123456789012345', '1'],
  ['2021', '156', '643', '010121', '1234567890123456', '1'],
  ['2021', '156', '643', '010121', '.5', '1'],
  ['2021', '156', '643', '010121', '1.2.3', '1'],
  ['2021', '156', '643', '010121', '-4.5', '1'],
  ['2021', '156', '643', '010121', ' 4.5', '1'],
  ['"2021"', '156', '643', '"010121"', '"1,5"', '2'],
  ['2021', '0156', '643', '010121', '4', 'N'],
  ['2021', '156', '643', '010121', '4', 'NAN'],
  ['20211', '156', '643', '010121', '4', '1'],
  ['2021', '1234567', '643', '010121', '4', '1'],
  ['2021', '999', '643', '010121', '4', '1'],
  ['2021', '156', '643', '1234567', '4', '1'],
  ['2021', '156', '643', '', '4', '1'],
  ['2021', '156', '643', '010121', '4', ''],
  ['2021', '156', '643', '010121', '4', '1e3'],
];

describe('reading BACI lines field by field when the header is BACI\'s own t,i,j,k,v,q', () => {
  let dir: string;
  let inOrder: string;
  let reordered: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scohub-baci-lines-'));
    // Synthetic data (a seeded generator) spanning several 1 MiB reads, with unusual lines spread through it.
    const generated = await writeSyntheticBaci({ dir, rows: 90_000, seed: 11, countries: 30 });
    const text = await readFile(generated.files[0]!.path, 'utf8');
    const lines: Line[] = text
      .split('\n')
      .slice(1)
      .filter((line) => line !== '')
      .map((line, index) => ({ fields: line.split(','), ending: index % 13 === 0 ? '\r\n' : '\n' }));
    for (let n = 0; n < 400; n++) lines.splice(n * 223 + 5, 0, { fields: [...UNUSUAL[n % UNUSUAL.length]!], ending: n % 3 === 0 ? '\r\n' : '\n' });
    lines.splice(40_000, 0, { fields: [''], ending: '\n' });
    // The same lines with the exporter column first: a header in another order is read by the general scanner.
    const render = (order: number[]) =>
      [order.map((at) => 'tijkvq'[at]).join(','), ...lines.map(({ fields, ending }) => order.map((at) => fields[at] ?? '').join(',') + ending)].join('\n');
    const written = async (name: string, order: number[]) => {
      await mkdir(join(dir, name));
      await copyFile(generated.countryCodesFile, join(dir, name, basename(generated.countryCodesFile)));
      const file = join(dir, name, basename(generated.files[0]!.path));
      await writeFile(file, render(order));
      return file;
    };
    inOrder = await written('in-order', [0, 1, 2, 3, 4, 5]);
    reordered = await written('reordered', [1, 0, 2, 3, 4, 5]);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function read(file: string) {
    const options: ReadOptions = { file, baciCountries: await readBaciCountryCodes(file) };
    const rejects = new PassThrough();
    const written: string[] = [];
    rejects.on('data', (chunk: Buffer) => written.push(String(chunk)));
    const summary = emptySummary();
    const reading = await startReading({ ...options, rejects }, summary, { datasetId: DATASET_ID, flushLines: 7000, thread: 'this' });
    const pieces: Uint8Array[] = [];
    for await (const piece of reading.tuples) pieces.push(piece);
    return { tuples: Buffer.concat(pieces), summary, outcome: reading.outcome(), rejected: rejectedRows(written.join('')) };
  }

  it('packs the same tuples, totals and summary, and rejects the same lines for the same reasons, as the general scanner', async () => {
    const fast = await read(inOrder);
    const general = await read(reordered);
    expect(fast.summary.rowsRead).toBeGreaterThan(90_000);
    expect(fast.summary.rejected).toBeGreaterThan(0);
    expect(fast.summary).toEqual(general.summary);
    expect(fast.tuples.equals(general.tuples)).toBe(true);
    expect(Buffer.concat(fast.outcome.totals).equals(Buffer.concat(general.outcome.totals))).toBe(true);
    expect(fast.outcome.rollupFixes).toEqual(general.outcome.rollupFixes);
    expect(fast.rejected.length).toBe(fast.summary.rejected);
    expect(fast.rejected).toEqual(general.rejected);
  });
});
