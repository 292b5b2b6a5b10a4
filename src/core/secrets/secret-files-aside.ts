import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type SecretFiles, secretFiles, type SecretFilesOptions } from './secret-files.ts';

const WORKER_URL = new URL('./secret-files-worker.ts', import.meta.url);

/**
 * `secretFiles` in a worker thread, so that the walk over every file of the content folder runs
 * beside the loading of the entries instead of after it: at 10,000 entries the walk takes about
 * half a second, a seventh of a check. On one core, or where the worker cannot start (a runtime
 * that cannot load TypeScript in a worker, a bundled copy of this module), the walk runs in this
 * thread instead; its result is the same either way.
 */
export function secretFilesAside(options: SecretFilesOptions, workerUrl: URL = WORKER_URL): Promise<SecretFiles> {
  // A worker is given a copy of its data: only what the walk reads goes.
  const plain: SecretFilesOptions = { root: options.root, ...(options.contentDir === undefined ? {} : { contentDir: options.contentDir }) };
  const here = () => Promise.resolve().then(() => secretFiles(plain));
  if (availableParallelism() < 2) return handled(here());
  return handled(new Promise((resolve) => {
    let settled = false;
    const inThisThread = () => {
      if (settled) return;
      settled = true;
      resolve(here());
    };
    let worker: Worker;
    try {
      worker = new Worker(workerUrl, { workerData: plain });
    } catch {
      inThisThread();
      return;
    }
    worker.once('message', (found: SecretFiles) => {
      if (settled) return;
      settled = true;
      resolve(found);
    });
    worker.once('error', inThisThread);
    worker.once('exit', inThisThread);
  }));
}

/** `promise`, marked as handled: a check that fails before it awaits the walk leaves no unhandled rejection behind. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
