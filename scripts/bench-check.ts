#!/usr/bin/env node
// `npm run bench:check -- --entries 10000 [--runs 5] [--policy-checks 20]`: times `npm run check`
// on a synthetic platform, as a whole process (what an author waits for) and per phase, once
// without policy checks and once with the policies carrying that many (20 by default; 0 skips
// the second run). A benchmark, not a test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { BENCH_CHECK_USAGE, parseBenchCheckArgs } from '../src/bench/bench-args.ts';
import { parseOrExplain, processIo } from '../src/cli/io.ts';
import { SCRIPT_NODE_FLAGS } from '../src/bench/run-bench.ts';
import { writeSyntheticPlatform } from '../src/bench/synthetic-platform.ts';
import { loadContent } from '../src/core/content/load-content.ts';
import { buildGraph } from '../src/core/graph/build-graph.ts';
import { runRules } from '../src/core/governance/run-rules.ts';
import { compilePolicyChecks } from '../src/core/policy-checks/compile-policy-checks.ts';

const parsed = parseOrExplain(() => parseBenchCheckArgs(process.argv.slice(2)), BENCH_CHECK_USAGE, processIo());
if ('status' in parsed) process.exit(parsed.status);
const { sizes, runs } = parsed.args;
const checkCounts = [...new Set([0, parsed.args.policyChecks])];
const now = new Date('2026-11-26T00:00:00Z');
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
// The first run fills the caches; the others are what an author waits for at each check after.
const warmRange = (warm: number[]) =>
  warm.length === 0 ? 'no warm run (--runs 1)' : `warm ${seconds(Math.min(...warm))}–${seconds(Math.max(...warm))} (median ${seconds(median(warm))} of ${warm.length})`;

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
for (const entries of sizes) {
  for (const policyChecks of checkCounts) {
    const root = mkdtempSync(join(tmpdir(), `multiplane-bench-${entries}-`));
    try {
      writeSyntheticPlatform({ entries, out: root, policyChecks });
      const wall: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        const result = spawnSync(process.execPath, [...SCRIPT_NODE_FLAGS, '--no-warnings', join(import.meta.dirname, 'check.ts'), '--format', 'json'], {
          cwd: root,
          env: { ...process.env, SOURCE_DATE_EPOCH: String(now.getTime() / 1000) },
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        });
        wall.push(performance.now() - started);
        if (result.status === 2 || result.status === null) throw new Error(`check failed: ${result.stderr}`);
      }
      const t0 = performance.now();
      const content = loadContent({ root });
      const t1 = performance.now();
      const graph = buildGraph(content.entries, content.rejected);
      const t2 = performance.now();
      const ruleRun = runRules(graph, content.governance, now, compilePolicyChecks);
      const t3 = performance.now();
      const policyRules = [...ruleRun.collections.keys()].filter((rule) => rule.startsWith('policy:')).length;
      console.log(
        `${entries} entries, ${policyChecks} policy checks (${policyRules} ran): npm run check ${seconds(wall[0]!)} without a cache, ${warmRange(wall.slice(1))}; ` +
          `in process: load ${(t1 - t0).toFixed(0)} ms, graph ${(t2 - t1).toFixed(0)} ms, rules ${(t3 - t2).toFixed(0)} ms`,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
}
