#!/usr/bin/env node
// `npm run bench -- --entries 1000,3000,10000 [--baseline 3000] [--pdf 3000] [--dev 3000] [--repeats 3] [--out bench.json]`:
// measures check, builds (clean, unchanged, one entry changed), output, search and the dev server
// on synthetic platforms, every build a whole process, alternating with the baselines. Not part of the tests.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BENCH_USAGE, parseBenchArgs } from '../src/bench/bench-args.ts';
import { formatBench } from '../src/bench/format-bench.ts';
import { runBench } from '../src/bench/run-bench.ts';
import { parseOrExplain, processIo } from '../src/cli/io.ts';
import { runMain } from '../src/cli/run-main.ts';

runMain(async () => {
  const parsed = parseOrExplain(() => parseBenchArgs(process.argv.slice(2)), BENCH_USAGE, processIo());
  if ('status' in parsed) return parsed.status;
  const { args } = parsed;
  const root = resolve(import.meta.dirname, '..');
  const report = await runBench({
    root,
    sizes: args.sizes,
    baseline: args.baseline,
    pdf: args.pdf,
    dev: args.dev,
    devExample: args.devExample,
    repeats: args.repeats,
    log: (line) => console.log(line),
  });
  const out = resolve(args.out);
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatBench(report.results)}\n\nMachine: ${JSON.stringify(report.machine)}\nWritten to ${out}`);
  return 0;
});
