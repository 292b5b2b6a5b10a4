import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type BodyFacts, shiftFacts } from './body-facts.ts';
import { factsKey, openFactsCache } from './facts-cache.ts';
import { saveCache } from './keyed-cache.ts';
import type { WorkerBatch, WorkerResult } from './analyze-worker.ts';

/** One body to analyze, under a key of the caller's choosing (an entry's key, say). */
export interface BodyItem<K> {
  readonly key: K;
  readonly body: string;
  /** The file line of the body's first line. */
  readonly firstLine: number;
  /** Read the body as MDX. Default false. */
  readonly mdx?: boolean | undefined;
}

export interface AnalyzeBodiesOptions {
  /** Folder of the facts cache (the project's is `<root>/.cache/multiplane/`). Without one nothing is cached. */
  readonly cacheDir?: string | undefined;
  /** Threads to parse in, this one included. Default `os.availableParallelism()`; 1 parses in this thread only. */
  readonly workers?: number | undefined;
  /** Worker threads start only when more bodies than this are not cached. Default 10,000. */
  readonly workerThreshold?: number | undefined;
  /** The worker module; only tests set it, to one that cannot start. */
  readonly workerUrl?: URL | undefined;
  /** Told when the cache cannot be written or worker threads cannot be used; neither stops the analysis. */
  readonly warn?: ((message: string) => void) | undefined;
  /**
   * Keep the cached facts of bodies not asked for: the caller asks only for the bodies that
   * changed since its last call (the content store of a watcher), not for every body there is.
   */
  readonly keepUnused?: boolean | undefined;
  /** Told what was done, once done (for benchmarks). */
  readonly onStats?: ((stats: AnalyzeStats) => void) | undefined;
  /**
   * Handed the writing of the cache, to call when the caller's own work no longer waits for it;
   * without it the cache is written before the facts are returned.
   */
  readonly saveLater?: ((save: () => void) => void) | undefined;
}

export interface AnalyzeStats {
  /** Distinct bodies (identical bodies are analyzed once). */
  readonly bodies: number;
  /** Distinct bodies whose facts came from the cache. */
  readonly cached: number;
  /** Worker threads that parsed at least one batch. */
  readonly workers: number;
  readonly ms: number;
}

/**
 * Below this, starting threads costs more than it saves: Sätteri parses 3,000 generated bodies
 * in 0.27 s in this thread and in 0.47 s with a worker loading its parsers beside it; 10,000 in
 * 0.81–0.95 s and 0.79 s. A build's check runs beside Astro's start, which the second core serves.
 */
const WORKER_THRESHOLD = 10_000;
const WORKER_URL = new URL('./analyze-worker.ts', import.meta.url);

interface Work {
  readonly body: string;
  readonly mdx: boolean;
}

/**
 * Returns the facts of every body (see analyzeBody), by key. Facts of bodies analyzed before
 * come from the cache in `options.cacheDir`; the others are parsed, in worker threads when there
 * are many, and cached. Entries of the cache not asked for in this call are dropped from it.
 */
export async function analyzeBodies<K>(items: readonly BodyItem<K>[], options: AnalyzeBodiesOptions = {}): Promise<Map<K, BodyFacts>> {
  const started = performance.now();
  const cache = openFactsCache(options.cacheDir);
  const keys = items.map((item) => factsKey(item.body, item.mdx ?? false));
  const known = new Map<string, BodyFacts>();
  const missing = new Map<string, Work>();
  items.forEach((item, index) => {
    const key = keys[index] ?? '';
    if (known.has(key) || missing.has(key)) return;
    const facts = cache.get(key);
    if (facts) known.set(key, facts);
    else missing.set(key, { body: item.body, mdx: item.mdx ?? false });
  });
  const cached = known.size;

  const work = [...missing.values()];
  const threads = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  // The parsers load only when a body is not cached: a warm check never loads them.
  const analyze = work.length > 0 ? relativeAnalyzer(await import('./analyze-body.ts')) : undefined;
  const parsed = !analyze
    ? { facts: [], workers: 0 }
    : threads > 1 && work.length > (options.workerThreshold ?? WORKER_THRESHOLD)
      ? await parseInThreads(work, threads, analyze, options.workerUrl ?? WORKER_URL, options.warn)
      : { facts: work.map(analyze), workers: 0 };
  [...missing.keys()].forEach((key, index) => {
    const facts = parsed.facts[index];
    if (!facts) return;
    known.set(key, facts);
    cache.set(key, facts);
  });
  saveCache(cache, { keepUnused: options.keepUnused ?? false, warn: options.warn, later: options.saveLater });

  const result = new Map<K, BodyFacts>();
  items.forEach((item, index) => {
    const facts = known.get(keys[index] ?? '');
    if (facts) result.set(item.key, shiftFacts(facts, item.firstLine - 1));
  });
  options.onStats?.({ bodies: known.size, cached, workers: parsed.workers, ms: performance.now() - started });
  return result;
}

/** Analyzes one body as if it started on line 1: the facts are cached that way (see shiftFacts). */
const relativeAnalyzer =
  ({ analyzeBody }: typeof import('./analyze-body.ts')) =>
  (item: Work) =>
    analyzeBody(item.body, 1, { mdx: item.mdx });

/**
 * Parses `work` in `threads - 1` worker threads and this one, handing out small batches to
 * whichever is free, so a slow start or a busy core does not hold the rest back. A worker that
 * cannot start (a runtime that cannot load TypeScript in a worker, a bundled copy of this module)
 * puts its batch back, and this thread parses whatever is left.
 */
async function parseInThreads(work: readonly Work[], threads: number, analyze: (item: Work) => BodyFacts, workerUrl: URL, warn: AnalyzeBodiesOptions['warn']): Promise<{ facts: BodyFacts[]; workers: number }> {
  const facts: BodyFacts[] = new Array<BodyFacts>(work.length);
  const size = Math.min(200, Math.max(16, Math.ceil(work.length / (threads * 8))));
  const queue: number[] = [];
  for (let start = 0; start < work.length; start += size) queue.push(start);
  const parseBatch = (start: number) => {
    for (let index = start; index < Math.min(start + size, work.length); index++) facts[index] = analyze(work[index] as Work);
  };
  let warned = false;
  let used = 0;

  const runWorker = () =>
    new Promise<void>((resolve) => {
      let current: number | undefined;
      let answered = false;
      let worker: Worker | undefined;
      const fail = (error: Error) => {
        if (current !== undefined) queue.unshift(current);
        current = undefined;
        if (!warned) warn?.(`Could not parse Markdown in worker threads (${error.message}); parsing in the main thread instead.`);
        warned = true;
        void worker?.terminate();
        resolve();
      };
      const feed = () => {
        current = queue.shift();
        if (current === undefined) {
          void worker?.terminate().then(() => resolve());
          return;
        }
        const message: WorkerBatch = { batch: current, items: work.slice(current, current + size) };
        worker?.postMessage(message);
      };
      try {
        worker = new Worker(workerUrl);
      } catch (error) {
        fail(error as Error);
        return;
      }
      worker.on('message', (result: WorkerResult) => {
        if (!answered) used += 1;
        answered = true;
        result.facts.forEach((item, offset) => (facts[result.batch + offset] = item));
        feed();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (current !== undefined) fail(new Error(`the worker stopped with exit code ${code}`));
      });
      feed();
    });

  const workers = Array.from({ length: threads - 1 }, runWorker);
  for (let start = queue.shift(); start !== undefined; start = queue.shift()) {
    parseBatch(start);
    // Lets the workers' answers in, so they get their next batch while this thread parses.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  // Batches that failed workers put back after this thread ran out of work.
  for (let start = queue.shift(); start !== undefined; start = queue.shift()) parseBatch(start);
  return { facts, workers: used };
}
