// A worker thread of analyzeBodies: analyzes each batch of bodies it is sent, as read from line 1.
import { parentPort } from 'node:worker_threads';
import { analyzeBody } from './analyze-body.ts';
import type { BodyFacts } from './body-facts.ts';

/** A batch of bodies for a worker. */
export interface WorkerBatch {
  readonly batch: number;
  readonly items: readonly { readonly body: string; readonly mdx: boolean }[];
}

/** A worker's answer to a batch, in the order of its items. */
export interface WorkerResult {
  readonly batch: number;
  readonly facts: readonly BodyFacts[];
}

parentPort?.on('message', ({ batch, items }: WorkerBatch) => {
  const facts = items.map((item) => analyzeBody(item.body, 1, { mdx: item.mdx }));
  parentPort?.postMessage({ batch, facts } satisfies WorkerResult);
});
