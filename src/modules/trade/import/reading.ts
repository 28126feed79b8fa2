import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { importProblem, type ImportProblem } from '../../../errors/import-problems.ts';
import { startTypeScriptWorker } from '../../../workers/typescript-worker.ts';
import { contentHashOf, hashFileContent, startContentHash } from './content-hash.ts';
import { ImportError, ImportFileError } from './errors.ts';
import { mergedLedger, rollupFixesOf, ValueOverflowError, type LedgerState, type RollupFix } from './key-ledger.ts';
import { LinePacker } from './packer.ts';
import { packTradeFile, readsAsBaci, summarise, type ReadOptions, type ReadSummary } from './read.ts';
import { totalTuples } from './totals.ts';

export interface ReadingPlan {
  datasetId: string;
  flushLines?: number | undefined;
  /**
   * Where the file is read: worker threads leave this one free to load the tuples and serve requests, and two of
   * them read the two halves of a large BACI file at once.
   */
  thread?: 'this' | 'worker' | 'two workers' | undefined;
  /** Hash the file's content as it is read (when it was not hashed before). */
  hashContent?: boolean | undefined;
}

/** What the import needs besides the tuples, ready once they have all been taken. */
export interface ReadingOutcome {
  rollupFixes: RollupFix[];
  /** The dataset's all-product totals as binary COPY tuples for trade_totals. */
  totals: Uint8Array[];
  /** When the plan asked for it, the content hash of the file (see content-hash.ts). */
  contentHash: string | undefined;
}

export interface Reading {
  tuples: AsyncIterable<Uint8Array>;
  outcome(): ReadingOutcome;
}

/** Files from this size up are read in a worker thread; below it, starting one costs more than it saves. */
export const WORKER_FILE_BYTES = 8 << 20;
/**
 * BACI files from this size up are read in two halves by two workers, on a machine of four cores or more: with
 * fewer, the two readers and the database take turns on the same cores and gain nothing.
 */
export const SPLIT_FILE_BYTES = 64 << 20;

/** Where a file will be read, made ready before the reading starts (a worker takes a moment to load). */
export interface Reader {
  /** Reads a trade file into trade_lines tuples, filling `summary`; a reader reads one file. */
  start(options: ReadOptions, summary: ReadSummary, plan: ReadingPlan): Reading;
  /** Lets go of a reader that will not be started, or stops one that was. */
  close(): Promise<void>;
}

/** A reader in this thread or in workers, as asked, else as the size of `file` suggests. */
export async function prepareReader(file: string, thread?: ReadingPlan['thread']): Promise<Reader> {
  const size = (await stat(file)).size;
  const where = thread ?? (size >= SPLIT_FILE_BYTES && availableParallelism() >= 4 ? 'two workers' : size >= WORKER_FILE_BYTES ? 'worker' : 'this');
  if (where === 'this') return { start: readHere, close: async () => undefined };
  const workers = Array.from({ length: where === 'two workers' ? 2 : 1 }, takeReadingWorker);
  return {
    start: (options, summary, plan) => readInWorkers(workers, options, summary, plan),
    close: async () => {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
      // Only now, so that loading the next one does not slow this reading down.
      startSpares();
    },
  };
}

const READING_WORKER = new URL('./reading-worker.ts', import.meta.url);
const spares: ReadingWorker[] = [];
let sparesWanted = 0;

/**
 * Keeps `count` reading workers started and waiting, until the function returned is called: a server does, so an
 * upload is read at once instead of after a worker has loaded its modules (a few hundred milliseconds).
 */
export function keepReadingWorkersReady(count = 1): () => Promise<void> {
  sparesWanted = count;
  startSpares();
  return async () => {
    sparesWanted = 0;
    await Promise.all(spares.splice(0).map(({ worker }) => worker.terminate()));
  };
}

/** Starts one reading worker for the next reading, once: a command does while it opens the database. */
export function startReadingWorkerAhead(): void {
  startSpare();
}

/** Reading workers started and waiting. */
export const readingWorkersReady = () => spares.length;

function startSpares(): void {
  while (spares.length < sparesWanted) startSpare();
}

function startSpare(): void {
  const spare = new ReadingWorker(startTypeScriptWorker(READING_WORKER, undefined));
  // A worker waiting to be used does not keep the process alive.
  spare.worker.unref();
  spares.push(spare);
}

function takeReadingWorker(): ReadingWorker {
  for (let spare = spares.shift(); spare; spare = spares.shift()) {
    if (spare.stopped) {
      void spare.worker.terminate();
      continue;
    }
    spare.worker.ref();
    return spare;
  }
  return new ReadingWorker(startTypeScriptWorker(READING_WORKER, undefined));
}

/**
 * A worker thread, watched from its start: one that fails or stops while the import is still hashing or reading the
 * header is known when the reading starts, instead of an unhandled error or a wait for ever.
 */
class ReadingWorker {
  stopped: Error | undefined;
  onChange: (() => void) | undefined;

  constructor(readonly worker: Worker) {
    worker.on('error', (error) => {
      this.stopped ??= error;
      this.onChange?.();
    });
    worker.on('exit', (code) => {
      this.stopped ??= new Error(`a reading worker stopped (exit code ${code}) before it finished`);
      this.onChange?.();
    });
  }
}

/** Prepares a reader and starts it at once. */
export async function startReading(options: ReadOptions, summary: ReadSummary, plan: ReadingPlan): Promise<Reading> {
  return (await prepareReader(options.file, plan.thread)).start(options, summary, plan);
}

/** What reading a file, or a part of it, leaves besides its tuples. */
export interface PartRead {
  summary: ReadSummary;
  ledger: LedgerState;
  /** Lines read, the header and empty lines included: where the next part's line numbers start. */
  lines: number;
  contentHash: string | undefined;
}

/** Reads a file or a part of it through a packer, hashing its bytes on the way if the plan asks. */
export async function* packPart(options: ReadOptions, summary: ReadSummary, plan: ReadingPlan, done: (part: PartRead) => void): AsyncGenerator<Uint8Array> {
  const packer = new LinePacker({ flushLines: plan.flushLines });
  const hash = plan.hashContent ? startContentHash() : undefined;
  const lines = yield* packTradeFile({ ...options, contentHash: hash }, summary, packer);
  done({ summary, ledger: packer.ledger.state(), lines, contentHash: hash && contentHashOf(hash, options.mapping) });
}

export function outcomeOf(ledger: LedgerState, summary: ReadSummary, datasetId: string, contentHash: string | undefined): ReadingOutcome {
  return { rollupFixes: rollupFixesOf(ledger), totals: totalTuples(datasetId, ledger, summary.layout === 'baci'), contentHash };
}

function readHere(options: ReadOptions, summary: ReadSummary, plan: ReadingPlan): Reading {
  let outcome: ReadingOutcome | undefined;
  return {
    tuples: packPart(options, summary, plan, (part) => (outcome = outcomeOf(part.ledger, summary, plan.datasetId, part.contentHash))),
    outcome: () => outcome ?? unfinished(),
  };
}

const unfinished = (): never => {
  throw new Error('the reading is not finished: take every tuple first');
};

/** What a worker reading a file posts back. */
export type ReadingMessage =
  | { kind: 'tuples'; piece: Uint8Array }
  | { kind: 'progress'; bytes: number; rows: number }
  | { kind: 'reject'; text: string }
  | { kind: 'done'; part: PartRead; outcome: ReadingOutcome | undefined }
  | { kind: 'failed'; error: FailedReading };

/** What the loader posts to a worker: the reading to do, then each piece it has taken. */
export type LoaderMessage = { kind: 'start'; input: WorkerInput } | { kind: 'taken' };

/** An error of the worker, in a form that crosses threads (classes do not). */
export type FailedReading =
  | { kind: 'row'; file: string; line: number; column: string; problem: ImportProblem }
  | { kind: 'file'; message: string; problem: ImportProblem | undefined }
  | { kind: 'other'; name: string; message: string; stack: string | undefined };

/**
 * The input of the worker: the options that can cross threads (a worker given no `part` reads the whole file, and
 * then also works out the outcome while the loader still feeds COPY its last pieces), and whether rejected rows are
 * wanted.
 */
export interface WorkerInput {
  options: Omit<ReadOptions, 'rejects' | 'onProgress' | 'contentHash'>;
  keepRejects: boolean;
  plan: ReadingPlan;
}

/** Pieces (of a little over 1 MiB) each worker may post before the loader has taken them. */
export const PIECES_IN_FLIGHT = 64;

export function failureOf(error: unknown): FailedReading {
  if (error instanceof ImportError) return { kind: 'row', file: error.file, line: error.line, column: error.column, problem: error.problem };
  if (error instanceof ImportFileError) return { kind: 'file', message: error.message, problem: error.problem };
  const known = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', name: known.name, message: known.message, stack: known.stack };
}

/** The error a worker reported; a row's line counted from `lineOffset`, the lines of the parts before its own. */
function revived(failure: FailedReading, lineOffset = 0): Error {
  switch (failure.kind) {
    case 'row':
      return new ImportError(failure.file, failure.line + lineOffset, failure.column, failure.problem);
    case 'file':
      return new ImportFileError(failure.message, failure.problem);
    case 'other': {
      const error = new Error(failure.message);
      error.name = failure.name;
      if (failure.stack) error.stack = failure.stack;
      return error;
    }
  }
}

/** Where a file of `size` bytes splits into two parts at a line near its middle, or undefined if it does not. */
async function middleLine(file: string, size: number): Promise<number | undefined> {
  const handle = await open(file);
  try {
    const { bytesRead, buffer } = await handle.read({ buffer: Buffer.alloc(1 << 20), position: Math.floor(size / 2) });
    const newline = buffer.subarray(0, bytesRead).indexOf(10);
    const at = Math.floor(size / 2) + newline + 1;
    return newline < 0 || at >= size ? undefined : at;
  } finally {
    await handle.close();
  }
}

/** The summary of a file from those of its parts, in order. */
function mergedSummary(summary: ReadSummary, parts: readonly PartRead[], ledger: LedgerState): void {
  const [first] = parts;
  summary.layout = first!.summary.layout;
  for (const part of parts) {
    summary.rowsRead += part.summary.rowsRead;
    summary.rejected += part.summary.rejected;
    for (const [reason, count] of Object.entries(part.summary.skipped)) summary.skipped[reason] = (summary.skipped[reason] ?? 0) + count;
  }
  summarise(summary, ledger);
}

function readInWorkers(workers: ReadingWorker[], options: ReadOptions, summary: ReadSummary, plan: ReadingPlan): Reading {
  const { rejects, onProgress, contentHash: _, ...portable } = options;
  let outcome: ReadingOutcome | undefined;
  async function* tuples(): AsyncGenerator<Uint8Array> {
    // Two parts only for BACI read without a rejects file, whose lines all stand alone; rejects keep file order.
    const size = (await stat(options.file)).size;
    const middle = workers.length > 1 && readsAsBaci(options) && !rejects ? await middleLine(options.file, size) : undefined;
    const parts = middle === undefined ? [undefined] : [{ start: 0, end: middle }, { start: middle, end: size }];
    // Parts cannot hash the file in order between them: this thread hashes it beside them.
    const stopHashing = new AbortController();
    const hashing = parts.length > 1 && plan.hashContent ? hashFileContent(options.file, options.mapping, stopHashing.signal) : undefined;
    hashing?.catch(() => undefined);
    const queue: { from: number; message: ReadingMessage }[] = [];
    let wake: (() => void) | undefined;
    // Whether a worker said it was done or failed: if it stopped, its last message may still be queued.
    const ended = parts.map(() => false);
    const progress = parts.map(() => ({ bytes: 0, rows: 0 }));
    const done: (PartRead | undefined)[] = parts.map(() => undefined);
    let wholeFileOutcome: ReadingOutcome | undefined;
    let laterFailure: { from: number; failure: FailedReading } | undefined;
    parts.forEach((part, from) => {
      const reading = workers[from]!;
      const { worker } = reading;
      reading.onChange = () => wake?.();
      worker.on('message', (message: ReadingMessage) => {
        queue.push({ from, message });
        wake?.();
      });
      const input: WorkerInput = {
        options: { ...portable, part },
        keepRejects: rejects !== undefined,
        plan: { ...plan, hashContent: plan.hashContent && parts.length === 1 },
      };
      worker.postMessage({ kind: 'start', input } satisfies LoaderMessage);
    });
    const linesBefore = (from: number) => done.slice(0, from).reduce((sum, part) => sum + part!.lines, 0);
    try {
      yield* take();
    } finally {
      stopHashing.abort();
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    }
    const read = done as PartRead[];
    if (wholeFileOutcome) {
      Object.assign(summary, read[0]!.summary);
      outcome = wholeFileOutcome;
      return;
    }
    let ledger: LedgerState;
    try {
      ledger = mergedLedger(read.map((part) => part.ledger));
    } catch (error) {
      // The halves each held their sums; only together do they overflow, so no one line is to blame.
      if (error instanceof ValueOverflowError) throw new ImportFileError(`${options.file}: ${error.message}`, importProblem('UNREADABLE', { detail: error.message }));
      throw error;
    }
    mergedSummary(summary, read, ledger);
    outcome = outcomeOf(ledger, summary, plan.datasetId, hashing ? await hashing : read[0]!.contentHash);

    async function* take(): AsyncGenerator<Uint8Array> {
      for (;;) {
        if (done.every((part) => part !== undefined)) break;
        // A later part's error is reported once the parts before it are read: an earlier line may be wrong too.
        if (laterFailure && done.slice(0, laterFailure.from).every((part) => part !== undefined)) throw revived(laterFailure.failure, linesBefore(laterFailure.from));
        const next = queue.shift();
        if (!next) {
          const lost = parts.findIndex((_, from) => workers[from]!.stopped !== undefined && !ended[from]);
          if (lost >= 0) throw workers[lost]!.stopped!;
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        const { from, message } = next;
        switch (message.kind) {
          case 'tuples':
            yield message.piece;
            workers[from]!.worker.postMessage({ kind: 'taken' } satisfies LoaderMessage);
            break;
          case 'progress':
            progress[from] = message;
            onProgress?.(progress.reduce((sum, p) => ({ bytes: sum.bytes + p.bytes, rows: sum.rows + p.rows }), { bytes: 0, rows: 0 }));
            break;
          case 'reject':
            rejects!.write(message.text);
            break;
          case 'failed':
            ended[from] = true;
            if (from === 0 || message.error.kind !== 'row') throw revived(message.error);
            laterFailure ??= { from, failure: message.error };
            break;
          case 'done':
            ended[from] = true;
            done[from] = message.part;
            wholeFileOutcome = message.outcome;
            break;
        }
      }
    }
  }
  return { tuples: tuples(), outcome: () => outcome ?? unfinished() };
}
