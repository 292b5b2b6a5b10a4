import { parentPort, workerData } from 'node:worker_threads';
import { linkKeptPagesInto } from './prelinked-pages.ts';
import { workerError } from './run-worker.ts';

/** Links the kept pages into the build in a thread of its own (src/build/prelinked-pages.ts). */
if (parentPort) {
  const { keptDir, outDir } = workerData as { keptDir: string; outDir: string };
  try {
    parentPort.postMessage({ result: linkKeptPagesInto(keptDir, outDir) });
  } catch (error) {
    parentPort.postMessage(workerError(error));
  }
}
