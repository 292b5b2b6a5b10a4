#!/usr/bin/env node
// `npm run bench -- --entries 1000,3000,10000 [--baseline 3000] [--pdf 3000] [--dev 3000] [--out bench.json]`:
// measures check, build, output, search and the dev server on synthetic platforms. Not part of the tests.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBench } from '../src/bench/format-bench.ts';
import { runBench } from '../src/bench/run-bench.ts';
import { runMain } from '../src/cli/run-main.ts';

runMain(async () => {
  const { values } = parseArgs({
    allowNegative: true,
    options: {
      entries: { type: 'string', default: '1000,3000,10000' },
      baseline: { type: 'string', default: '3000' },
      pdf: { type: 'string', default: '3000' },
      dev: { type: 'string', default: '3000' },
      'dev-example': { type: 'boolean', default: true },
      out: { type: 'string', default: 'bench-results.json' },
    },
  });
  const list = (text: string) => text.split(',').map(Number).filter((value) => Number.isInteger(value) && value > 0);
  const root = resolve(import.meta.dirname, '..');
  const report = await runBench({
    root,
    sizes: list(values.entries),
    baseline: list(values.baseline),
    pdf: list(values.pdf),
    dev: list(values.dev),
    devExample: values['dev-example'],
    log: (line) => console.log(line),
  });
  const out = resolve(values.out);
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatBench(report.results)}\n\nMachine: ${JSON.stringify(report.machine)}\nWritten to ${out}`);
  return 0;
});
