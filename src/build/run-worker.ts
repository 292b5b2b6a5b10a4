import { Worker } from 'node:worker_threads';

/**
 * Runs a worker thread over `data` and resolves with the one message it posts: `{ result }`, or
 * `{ error }` with what went wrong, which rejects. A worker that exits without posting rejects too.
 */
export function runWorker<T>(file: URL, data: unknown, what: string): Promise<T> {
  const worker = new Worker(file, { workerData: data });
  // Once it has answered, what the worker does is of no concern: a late error is not one.
  worker.on('error', () => {});
  return nextResult<T>(worker, what);
}

/**
 * Resolves with the next message `worker` posts (`{ result }`, or `{ error }`, which rejects);
 * rejects if the worker fails or exits first. Listens only until then, so that a worker kept for
 * more work (src/build/pagefind-workers.ts) can be asked again.
 */
export function nextResult<T>(worker: Worker, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: { result?: T; error?: string }) => {
      done();
      if (message.error === undefined) resolve(message.result as T);
      else reject(new Error(message.error));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`${what} stopped with code ${code} before it finished.`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/** What a worker posts when its work threw: the message, with its cause. */
export function workerError(error: unknown): { error: string } {
  if (!(error instanceof Error)) return { error: String(error) };
  return { error: error.cause ? `${error.message} (${String(error.cause)})` : error.message };
}
