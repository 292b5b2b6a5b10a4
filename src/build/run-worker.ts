import { Worker } from 'node:worker_threads';

/**
 * Runs a worker thread over `data` and resolves with the one message it posts: `{ result }`, or
 * `{ error }` with what went wrong, which rejects. A worker that exits without posting rejects too.
 */
export function runWorker<T>(file: URL, data: unknown, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: data });
    let settled = false;
    worker.once('message', (message: { result?: T; error?: string }) => {
      settled = true;
      if (message.error === undefined) resolve(message.result as T);
      else reject(new Error(message.error));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`${what} stopped with code ${code} before it finished.`));
    });
  });
}

/** What a worker posts when its work threw: the message, with its cause. */
export function workerError(error: unknown): { error: string } {
  if (!(error instanceof Error)) return { error: String(error) };
  return { error: error.cause ? `${error.message} (${String(error.cause)})` : error.message };
}
