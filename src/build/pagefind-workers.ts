import { Worker } from 'node:worker_threads';
import type { PagefindJob, PagefindJobResult } from './pagefind-worker.ts';
import { nextResult } from './run-worker.ts';

/**
 * Pagefind's worker threads for the runs of one build step, up to `limit` at once, each kept for
 * the next run with its Pagefind service process (src/build/pagefind-worker.ts).
 *
 * A clean build of 3,000 entries writes 16 indexes. With a worker and a service started for each,
 * every run first paid some 0.1 s of a core to start a thread, load its modules (with Node's type
 * stripper) and start a service; most of those runs happen while Astro renders the pages on the
 * other core, so that came out of Astro's time too.
 *
 * A worker whose run failed is ended rather than kept: the next run gets a new one.
 */
export class PagefindWorkers {
  readonly #limit: number;
  readonly #idle: Worker[] = [];
  readonly #waiting: ((worker: Worker | undefined) => void)[] = [];
  /** Each worker not yet exited, with the promise of its exit; one that has is never handed a job again. */
  readonly #exits = new Map<Worker, Promise<void>>();
  #started = 0;
  #startedInAll = 0;
  #closed = false;

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  /** How many workers were started so far. */
  get started(): number {
    return this.#startedInAll;
  }

  /**
   * Starts the workers up to the limit now, idle, so that the first runs do not wait for them: a
   * worker takes some 0.3 s to start its thread and load its modules, and the search step of a
   * one-entry change at 10,000 entries waited for two, one after the other. Meant for a build
   * that knows early that it will write indexes, while its own thread has nothing else to do.
   */
  warm(): this {
    while (!this.#closed && this.#started < this.#limit) this.#give(this.#start());
    return this;
  }

  /** Runs `job` in a worker, when one is free. Rejects with the run's error, or when the pool is closed. */
  async run(job: PagefindJob): Promise<PagefindJobResult> {
    const worker = await this.#take();
    let kept = false;
    try {
      const result = await ask(worker, job);
      kept = true;
      return result;
    } finally {
      if (kept) this.#give(worker);
      else this.#end(worker);
    }
  }

  /**
   * Ends every worker, once its run is done, and with it its Pagefind service. Resolves when they
   * have all exited. Runs asked for after this reject.
   */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiting of this.#waiting.splice(0)) waiting(undefined);
    for (const worker of this.#idle.splice(0)) stop(worker);
    // A worker still running a job is stopped as it finishes (`#give`).
    await Promise.all(this.#exits.values());
  }

  async #take(): Promise<Worker> {
    if (this.#closed) throw new Error("Pagefind's workers were closed.");
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#started < this.#limit) return this.#start();
    const worker = await new Promise<Worker | undefined>((resolve) => this.#waiting.push(resolve));
    if (!worker) throw new Error("Pagefind's workers were closed.");
    return worker;
  }

  #start(): Worker {
    this.#started++;
    this.#startedInAll++;
    const worker = new Worker(WORKER, { env: { ...process.env, ...PAGEFIND_ENV } });
    // A worker that fails while idle must not take the build down: it is only not used again.
    worker.on('error', () => {});
    const exited = new Promise<void>((resolve) =>
      worker.once('exit', () => {
        this.#exits.delete(worker);
        const at = this.#idle.indexOf(worker);
        if (at >= 0) {
          this.#idle.splice(at, 1);
          this.#started--;
        }
        resolve();
      }),
    );
    this.#exits.set(worker, exited);
    return worker;
  }

  #give(worker: Worker): void {
    if (!this.#exits.has(worker)) return this.#end(worker);
    const waiting = this.#waiting.shift();
    if (waiting) waiting(worker);
    else if (this.#closed) stop(worker);
    else {
      // An idle worker does not keep the build's process alive.
      worker.unref();
      this.#idle.push(worker);
    }
  }

  #end(worker: Worker): void {
    this.#started--;
    void worker.terminate();
    // Someone waiting gets a new worker in its place.
    const waiting = this.#waiting.shift();
    if (!waiting) return;
    if (this.#closed) return waiting(undefined);
    waiting(this.#start());
  }
}

const WORKER = new URL('./pagefind-worker.ts', import.meta.url);

/**
 * Pagefind's service reads and parses a run's pages on a thread per core (Rust's rayon), and the
 * service a worker starts takes its environment. Most runs go on beside Astro's page generation,
 * which has one core (src/build/rewritten-ahead.ts, early-search.ts), or two at a time in the
 * search step: on two threads, a run took Astro's core from it as much as it saved. On one, an
 * index of 673 pages takes 1.9–2.0 s alone against 1.4–1.5 s (the same index, byte for byte), but
 * with the entry pages generated first (src/build/entries-first.ts) one-entry changes at 10,000
 * entries went from even with the code before to faster in six pairs of six, by turns
 * (docs/performance.md, "Before and after the changes of 2026-12-06, morning").
 */
const PAGEFIND_ENV = { RAYON_NUM_THREADS: '1' };

/** Hands `worker` one job and resolves with its result; rejects with its error, or if the worker fails or exits first. */
function ask(worker: Worker, job: PagefindJob): Promise<PagefindJobResult> {
  worker.ref();
  const answer = nextResult<PagefindJobResult>(worker, "Pagefind's worker");
  worker.postMessage(job);
  return answer;
}

/** Asks a worker to close its Pagefind service and exit (`close` waits for the exit). */
function stop(worker: Worker): void {
  // Idle, it was let go of (`unref`): the build's process must still wait for it to exit.
  worker.ref();
  worker.once('error', () => void worker.terminate());
  worker.postMessage(CLOSE);
}

/** The message that ends a worker. */
export const CLOSE = 'close';
