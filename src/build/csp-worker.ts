import { parentPort, workerData } from 'node:worker_threads';
import { completePages } from './csp-step.ts';

/** One part of the CSP pass (src/build/csp-step.ts), in a worker thread of its own. */
if (parentPort) {
  const { siteDir, pages, keepIn } = workerData as { siteDir: string; pages: readonly string[]; keepIn?: string };
  try {
    parentPort.postMessage({ done: completePages(siteDir, pages, keepIn) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}
