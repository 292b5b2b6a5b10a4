import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck, type CheckReport } from '../../src/core/check/run-check.ts';
import type { Finding } from '../../src/core/findings/finding.ts';
import { runScratchFolder } from './scratch-root.ts';

/** The example platform as a fixture project (see tests/fixtures/example/README.md). */
export const EXAMPLE_ROOT = join(import.meta.dirname, '..', 'fixtures', 'example');

/** The instant every fixture is checked at, so review and backup ages never drift. */
export const NOW = new Date('2026-11-26T00:00:00Z');

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const scratch = runScratchFolder('fixtures');

/**
 * Returns the root of a fixture project: `valid/` with the case's own files laid over it, and
 * the paths listed in the case's `remove` file taken away. Each case then shows only what it
 * changes, one field of the valid tree at a time.
 */
export function fixtureRoot(name: string): string {
  const root = join(scratch, name);
  if (existsSync(root)) return root;
  cpSync(join(FIXTURES, 'valid'), root, { recursive: true, verbatimSymlinks: true });
  if (name !== 'valid') {
    const overlay = join(FIXTURES, name);
    if (!existsSync(overlay)) throw new Error(`No fixture named ${name}.`);
    if (existsSync(join(overlay, 'content'))) {
      cpSync(join(overlay, 'content'), join(root, 'content'), { recursive: true, force: true, verbatimSymlinks: true });
    }
    const removals = join(overlay, 'remove');
    if (existsSync(removals)) {
      for (const path of readFileSync(removals, 'utf8').split('\n').filter(Boolean)) {
        rmSync(join(root, path), { recursive: true, force: true });
      }
    }
  }
  return root;
}

/** Checks a fixture at the fixed test instant. */
export function checkFixture(name: string, now: Date = NOW): CheckReport {
  return runCheck({ root: fixtureRoot(name), now });
}

/** Findings of one rule, reduced to what a reader sees, for inline snapshots. */
export function findingsOf(report: CheckReport, rule: string): Pick<Finding, 'severity' | 'file' | 'line' | 'field' | 'message' | 'hint'>[] {
  return report.findings
    .filter((finding) => finding.rule === rule)
    .map(({ severity, file, line, field, message, hint }) => ({ severity, file, line, ...(field ? { field } : {}), message, hint }));
}

let copies = 0;

/**
 * A fresh, writable copy of a fixture project: its content only, so what another test wrote into
 * the shared fixture root (an output folder, a cache) is not carried over.
 */
export function freshFixtureRoot(name = 'valid'): string {
  const copy = join(scratch, `${name}-copy-${copies++}`);
  cpSync(join(fixtureRoot(name), 'content'), join(copy, 'content'), { recursive: true, verbatimSymlinks: true });
  return copy;
}
