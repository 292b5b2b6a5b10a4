import { parentPort, workerData } from 'node:worker_threads';
import { completePages } from './csp-step.ts';
import { workerError } from './run-worker.ts';

/** One part of the CSP pass (src/build/csp-step.ts), in a worker thread of its own. */
if (parentPort) {
  const { siteDir, pages, keepIn } = workerData as { siteDir: string; pages: readonly string[]; keepIn?: string };
  try {
    parentPort.postMessage({ result: completePages(siteDir, pages, keepIn) });
  } catch (error) {
    parentPort.postMessage(workerError(error));
  }
}
