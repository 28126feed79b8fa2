import { Writable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { emptySummary } from './read.ts';
import { failureOf, outcomeOf, packPart, PIECES_IN_FLIGHT, type LoaderMessage, type PartRead, type ReadingMessage, type WorkerInput } from './reading.ts';

const port = parentPort!;
const post = (message: ReadingMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

// Pieces posted and not yet taken by the loader; reading waits while there are too many, so memory stays bounded.
let inFlight = 0;
let taken: (() => void) | undefined;
const started = new Promise<WorkerInput>((resolve) => {
  port.on('message', (message: LoaderMessage) => {
    if (message.kind === 'start') {
      resolve(message.input);
      return;
    }
    inFlight -= 1;
    taken?.();
  });
});
const { options, keepRejects, plan } = await started;

const rejects = keepRejects
  ? new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        post({ kind: 'reject', text: String(chunk) });
        done();
      },
    })
  : undefined;

try {
  const summary = emptySummary();
  const onProgress = (progress: { bytes: number; rows: number }) => post({ kind: 'progress', ...progress });
  let read: PartRead | undefined;
  for await (const piece of packPart({ ...options, rejects, onProgress }, summary, plan, (part) => (read = part))) {
    post({ kind: 'tuples', piece }, [piece.buffer as ArrayBuffer]);
    inFlight += 1;
    while (inFlight >= PIECES_IN_FLIGHT) await new Promise<void>((resolve) => (taken = resolve));
  }
  const { ledger, contentHash } = read!;
  const outcome = options.part === undefined ? outcomeOf(ledger, summary, plan.datasetId, contentHash) : undefined;
  const transfer = [ledger.mask.buffer, ledger.sums.buffer, ledger.emitted.buffer, ...(outcome?.totals.map((piece) => piece.buffer) ?? [])];
  post({ kind: 'done', part: read!, outcome }, transfer as ArrayBuffer[]);
} catch (error) {
  post({ kind: 'failed', error: failureOf(error) });
}
port.close();
