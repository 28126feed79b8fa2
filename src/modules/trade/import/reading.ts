import { stat } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import type { ImportProblem } from '../../../errors/import-problems.ts';
import { startTypeScriptWorker } from '../../../workers/typescript-worker.ts';
import { ImportError, ImportFileError } from './errors.ts';
import { contentHashOf, startContentHash } from './content-hash.ts';
import { LinePacker, type RollupFix } from './packer.ts';
import { packTradeFile, type ReadOptions, type ReadSummary } from './read.ts';
import { totalTuples } from './totals.ts';

export interface ReadingPlan {
  datasetId: string;
  flushLines?: number | undefined;
  /** Where the file is read: a worker thread leaves this one free to load the tuples and serve requests. */
  thread?: 'this' | 'worker' | undefined;
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

/** Where a file will be read, made ready before the reading starts (a worker takes a moment to load). */
export interface Reader {
  /** Reads a trade file into trade_lines tuples, filling `summary`; a reader reads one file. */
  start(options: ReadOptions, summary: ReadSummary, plan: ReadingPlan): Reading;
  /** Lets go of a reader that will not be started, or stops one that was. */
  close(): Promise<void>;
}

/** A reader in this thread or a worker, as asked, else as the size of `file` suggests. */
export async function prepareReader(file: string, thread?: ReadingPlan['thread']): Promise<Reader> {
  const where = thread ?? ((await stat(file)).size >= WORKER_FILE_BYTES ? 'worker' : 'this');
  if (where === 'this') return { start: readHere, close: async () => undefined };
  const worker = startTypeScriptWorker(new URL('./reading-worker.ts', import.meta.url), undefined);
  return { start: (options, summary, plan) => readInWorker(worker, options, summary, plan), close: async () => void (await worker.terminate()) };
}

/** Prepares a reader and starts it at once. */
export async function startReading(options: ReadOptions, summary: ReadSummary, plan: ReadingPlan): Promise<Reading> {
  return (await prepareReader(options.file, plan.thread)).start(options, summary, plan);
}

/**
 * Reads the file through the packer, hashing its bytes on the way if the plan asks, and gives the outcome once
 * every tuple has been taken; the same in this thread and in a worker.
 */
export async function* packWithOutcome(options: ReadOptions, summary: ReadSummary, plan: ReadingPlan, done: (outcome: ReadingOutcome) => void): AsyncGenerator<Uint8Array> {
  const packer = new LinePacker({ flushLines: plan.flushLines });
  const contentHash = plan.hashContent ? startContentHash() : undefined;
  yield* packTradeFile({ ...options, contentHash }, summary, packer);
  done({
    rollupFixes: packer.rollupFixes(),
    totals: totalTuples(plan.datasetId, packer, summary.layout === 'baci'),
    contentHash: contentHash && contentHashOf(contentHash, options.mapping),
  });
}

function readHere(options: ReadOptions, summary: ReadSummary, plan: ReadingPlan): Reading {
  let outcome: ReadingOutcome | undefined;
  return {
    tuples: packWithOutcome(options, summary, plan, (done) => (outcome = done)),
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
  | { kind: 'done'; summary: ReadSummary; outcome: ReadingOutcome }
  | { kind: 'failed'; error: FailedReading };

/** What the loader posts to a worker: the reading to do, then each piece it has taken. */
export type LoaderMessage = { kind: 'start'; input: WorkerInput } | { kind: 'taken' };

/** An error of the worker, in a form that crosses threads (classes do not). */
export type FailedReading =
  | { kind: 'row'; file: string; line: number; column: string; problem: ImportProblem }
  | { kind: 'file'; message: string; problem: ImportProblem | undefined }
  | { kind: 'other'; name: string; message: string; stack: string | undefined };

/** The input of the worker: the options that can cross threads, and whether rejected rows are wanted. */
export interface WorkerInput {
  options: Omit<ReadOptions, 'rejects' | 'onProgress'>;
  keepRejects: boolean;
  plan: ReadingPlan;
}

/** Pieces a worker may post before the loader has taken them: about this many MiB held between the threads. */
export const PIECES_IN_FLIGHT = 64;

export function failureOf(error: unknown): FailedReading {
  if (error instanceof ImportError) return { kind: 'row', file: error.file, line: error.line, column: error.column, problem: error.problem };
  if (error instanceof ImportFileError) return { kind: 'file', message: error.message, problem: error.problem };
  const known = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', name: known.name, message: known.message, stack: known.stack };
}

function revived(failure: FailedReading): Error {
  switch (failure.kind) {
    case 'row':
      return new ImportError(failure.file, failure.line, failure.column, failure.problem);
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

function readInWorker(worker: Worker, options: ReadOptions, summary: ReadSummary, plan: ReadingPlan): Reading {
  const { rejects, onProgress, ...portable } = options;
  const post = (message: LoaderMessage) => worker.postMessage(message);
  let outcome: ReadingOutcome | undefined;
  async function* tuples(): AsyncGenerator<Uint8Array> {
    post({ kind: 'start', input: { options: portable, keepRejects: rejects !== undefined, plan } });
    const queue: ReadingMessage[] = [];
    let wake: (() => void) | undefined;
    let exited: Error | undefined;
    const arrived = () => new Promise<void>((resolve) => (wake = resolve));
    worker.on('message', (message: ReadingMessage) => {
      queue.push(message);
      wake?.();
    });
    worker.on('error', (error) => {
      exited = error;
      wake?.();
    });
    worker.on('exit', (code) => {
      exited ??= new Error(`the reading worker stopped (exit code ${code}) before it finished`);
      wake?.();
    });
    try {
      for (;;) {
        const message = queue.shift();
        if (!message) {
          if (exited) throw exited;
          await arrived();
          continue;
        }
        switch (message.kind) {
          case 'tuples':
            yield message.piece;
            post({ kind: 'taken' });
            break;
          case 'progress':
            onProgress?.(message);
            break;
          case 'reject':
            rejects!.write(message.text);
            break;
          case 'failed':
            throw revived(message.error);
          case 'done':
            Object.assign(summary, message.summary);
            outcome = message.outcome;
            return;
        }
      }
    } finally {
      await worker.terminate();
    }
  }
  return { tuples: tuples(), outcome: () => outcome ?? unfinished() };
}
