import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticBaci } from '../synthetic/baci.ts';
import { readBaciCountryCodes } from './companions.ts';
import { ImportError, ImportFileError } from './errors.ts';
import { emptySummary, type ReadOptions } from './read.ts';
import { keepReadingWorkersReady, prepareReader, readingWorkersReady, startReading, type ReadingPlan } from './reading.ts';

const DATASET_ID = '6f1d0c2a-5b7e-4c3d-9a8f-1e2d3c4b5a69';
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
let dir: string;
let baci: ReadOptions;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scohub-reading-'));
  // Synthetic data (a seeded generator), large enough for many pieces and several flushes.
  const generated = await writeSyntheticBaci({ dir, rows: 60_000, seed: 7, countries: 40 });
  const file = generated.files[0]!.path;
  baci = { file, baciCountries: await readBaciCountryCodes(file) };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Everything a reading gives: its tuples as one byte string, the summary it fills and its outcome. */
async function read(options: ReadOptions, thread: ReadingPlan['thread']) {
  const summary = emptySummary();
  const progress: number[] = [];
  const reading = await startReading({ ...options, onProgress: ({ rows }) => progress.push(rows) }, summary, { datasetId: DATASET_ID, flushLines: 5000, thread, hashContent: true });
  const pieces: Uint8Array[] = [];
  for await (const piece of reading.tuples) pieces.push(piece);
  return { tuples: Buffer.concat(pieces), pieces: pieces.length, summary, outcome: reading.outcome(), progress };
}

async function failureOf(options: ReadOptions, thread: ReadingPlan['thread']): Promise<unknown> {
  return read(options, thread).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('reading a file in a worker thread', () => {
  it('gives the same tuples, summary, rollup fixes, totals and content hash, byte for byte, as reading it in this thread', async () => {
    const here = await read(baci, 'this');
    const worker = await read(baci, 'worker');
    expect(worker.pieces).toBeGreaterThan(1);
    expect(worker.tuples.equals(here.tuples)).toBe(true);
    expect(worker.summary).toEqual(here.summary);
    expect(worker.summary.rowsRead).toBe(60_000);
    expect(worker.outcome.rollupFixes).toEqual(here.outcome.rollupFixes);
    const sha256 = createHash('sha256').update(await readFile(baci.file)).digest('hex');
    expect([here.outcome.contentHash, worker.outcome.contentHash]).toEqual([sha256, sha256]);
    const totals = Buffer.concat(worker.outcome.totals);
    expect(totals.byteLength).toBeGreaterThan(0);
    expect(totals.equals(Buffer.concat(here.outcome.totals))).toBe(true);
    expect(worker.progress.at(-1)).toBe(60_000);
  });

  it('split between two workers, gives the same summary, totals, rollup fixes and content hash as reading it in this thread', async () => {
    const here = await read(baci, 'this');
    const halves = await read(baci, 'two workers');
    expect(halves.summary).toEqual(here.summary);
    expect(halves.outcome.rollupFixes).toEqual(here.outcome.rollupFixes);
    expect(Buffer.concat(halves.outcome.totals).equals(Buffer.concat(here.outcome.totals))).toBe(true);
    expect(halves.outcome.contentHash).toBe(here.outcome.contentHash);
    expect(halves.progress.at(-1)).toBe(60_000);
  });

  it.each([
    ['a bad row in the first half', 4321],
    ['a bad row in the second half, numbered from the start of the file', 51_234],
  ])('stops at %s with the same file, line, column and problem in every thread', async (_, index) => {
    const text = (await readFile(baci.file, 'utf8')).split('\n');
    text[index] = '2021,156,643,010121,12x,1';
    const file = join(dir, `BACI_BAD${index}_Y2021_V202401.csv`);
    await writeFile(file, text.join('\n'));
    const options = { ...baci, file };
    const here = await failureOf(options, 'this');
    expect(here).toBeInstanceOf(ImportError);
    expect((here as ImportError).line).toBe(index + 1);
    for (const thread of ['worker', 'two workers'] as const) {
      const elsewhere = await failureOf(options, thread);
      expect(elsewhere).toBeInstanceOf(ImportError);
      const fields = (e: ImportError) => ({ file: e.file, line: e.line, column: e.column, problem: e.problem, message: e.message });
      expect(fields(elsewhere as ImportError)).toEqual(fields(here as ImportError));
    }
  });

  it('writes the same rejected rows, with reasons, when told to skip them', async () => {
    const text = (await readFile(baci.file, 'utf8')).split('\n');
    text[10] = '2021,156,643,ABC,1,1';
    text[20_000] = '2021,999999,643,010121,1,1';
    const file = join(dir, 'BACI_SKIP_Y2021_V202401.csv');
    await writeFile(file, text.join('\n'));
    const rejected = async (thread: ReadingPlan['thread']) => {
      const rejects = new PassThrough();
      const written: string[] = [];
      rejects.on('data', (chunk: Buffer) => written.push(String(chunk)));
      const { summary } = await read({ ...baci, file, rejects }, thread);
      return { rejected: summary.rejected, written: written.join('') };
    };
    const here = await rejected('this');
    expect(here.rejected).toBe(2);
    expect(here.written).toMatch(/^11,/);
    expect(await rejected('worker')).toEqual(here);
    // Rejected rows keep the file's order, so a file with a rejects file is read by one worker.
    expect(await rejected('two workers')).toEqual(here);
  });

  it('reports a file it cannot read as a whole as the same file error', async () => {
    const options = { file: join(FIXTURES, 'mapped-kgz.csv') };
    const worker = await failureOf(options, 'worker');
    expect(worker).toBeInstanceOf(ImportFileError);
    expect(worker).toEqual(await failureOf(options, 'this'));
    expect((worker as ImportFileError).problem?.code).toBe('UNKNOWN_LAYOUT');
  });

  it('takes a worker kept ready for the reading, and starts the next one only once the reading is over', async () => {
    const here = await read(baci, 'this');
    const stop = keepReadingWorkersReady();
    try {
      expect(readingWorkersReady()).toBe(1);
      const reader = await prepareReader(baci.file, 'worker');
      expect(readingWorkersReady()).toBe(0);
      const summary = emptySummary();
      const reading = reader.start(baci, summary, { datasetId: DATASET_ID, flushLines: 5000, hashContent: true });
      const pieces: Uint8Array[] = [];
      for await (const piece of reading.tuples) pieces.push(piece);
      expect(Buffer.concat(pieces).equals(here.tuples)).toBe(true);
      expect(reading.outcome().contentHash).toBe(here.outcome.contentHash);
      expect(readingWorkersReady()).toBe(0);
      await reader.close();
      expect(readingWorkersReady()).toBe(1);
    } finally {
      await stop();
    }
    expect(readingWorkersReady()).toBe(0);
  });
});
