import { Worker } from 'node:worker_threads';

const bootstrap = new URL('./typescript-worker.mjs', import.meta.url);

/** Starts a worker thread running a TypeScript module; `input` reaches it as workerData.input. */
export function startTypeScriptWorker(module: URL, input: unknown): Worker {
  return new Worker(bootstrap, { workerData: { module: module.href, input } });
}
