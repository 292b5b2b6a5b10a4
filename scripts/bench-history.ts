#!/usr/bin/env node
// `node --experimental-strip-types scripts/bench-history.ts [--metrics 10000] [--history 3000] [--weeks 26] [--out file]`:
// times what the delivery metrics add to a build, and governance history over a synthetic git
// repository of weekly commits, cold, warm and with one new commit. A benchmark, not a test.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchHistory, benchMetrics } from '../src/bench/metrics-bench.ts';
import { runMain } from '../src/cli/run-main.ts';

runMain(async () => {
  const { values } = parseArgs({
    options: {
      metrics: { type: 'string', default: '10000' },
      history: { type: 'string', default: '3000' },
      weeks: { type: 'string', default: '26' },
      out: { type: 'string' },
    },
  });
  const list = (text: string) => text.split(',').map(Number).filter((value) => Number.isInteger(value) && value > 0);
  const root = resolve(import.meta.dirname, '..');
  const weeks = Number(values.weeks);
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  const metrics = list(values.metrics).map((entries) => {
    const result = benchMetrics(root, entries);
    console.log(
      `Metrics, ${entries} entries (${result.services} services, ${result.owners} owners): metrics ${result.metricsMs} ms, ` +
        `${result.charts} charts and their tables written ${result.markupMs} ms, metrics.json ${result.jsonMs} ms (${Math.round(result.jsonBytes / 1024)} KB); ` +
        `added to the build: ${result.metricsMs + result.markupMs + result.jsonMs} ms`,
    );
    return result;
  });
  const history = [];
  for (const entries of list(values.history)) {
    const result = await benchHistory(root, entries, weeks);
    console.log(
      `History, ${entries} entries, ${weeks} weekly commits (generated in ${(result.generateMs / 1000).toFixed(1)} s): cold ${(result.coldMs / 1000).toFixed(1)} s ` +
        `(${result.checked} commits checked), nothing new ${(result.warmMs / 1000).toFixed(2)} s, one new commit ${(result.newCommitMs / 1000).toFixed(1)} s, ` +
        `summed and charted ${result.chartsMs} ms`,
    );
    history.push(result);
  }
  if (values.out) writeFileSync(resolve(values.out), `${JSON.stringify({ metrics, history }, null, 2)}\n`);
  return 0;
});
