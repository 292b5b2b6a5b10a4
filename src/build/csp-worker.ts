import { parentPort, workerData } from 'node:worker_threads';
import { completePages, type PagesJob } from './csp-step.ts';
import { workerError } from './run-worker.ts';

/** One part of the CSP pass (src/build/csp-step.ts), in a worker thread of its own. */
if (parentPort) {
  try {
    parentPort.postMessage({ result: completePages(workerData as PagesJob) });
  } catch (error) {
    parentPort.postMessage(workerError(error));
  }
}
