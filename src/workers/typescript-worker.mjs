// A worker thread does not inherit the TypeScript loader of the thread that starts it: register it, then run
// the module named in workerData.module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
