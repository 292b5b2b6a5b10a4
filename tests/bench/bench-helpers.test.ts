import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairedRatios, range, type SideRuns } from '../../src/bench/alternating-runs.ts';
import { parseBenchArgs, parseBenchCheckArgs } from '../../src/bench/bench-args.ts';
import { searchTimes } from '../../src/bench/format-bench.ts';
import { measureOutput } from '../../src/bench/page-sizes.ts';
import { BUILD_NODE_FLAGS, clearCaches, SCRIPT_NODE_FLAGS } from '../../src/bench/run-bench.ts';
import { UsageError } from '../../src/cli/io.ts';

const side = (name: string, ms: number[]): SideRuns => ({ name, ms, peakRssBytes: ms.map(() => 0), load: ms.map(() => [0, 0] as const) });

describe('benchmark figures', () => {
  it('reports a range, or one figure when every run agrees', () => {
    expect(range([3, 1, 2], String)).toBe('1–3');
    expect(range([2, 2], String)).toBe('2');
    expect(range([], String)).toBe('–');
  });

  it("reports each search word's range over its probes, the words in the order first searched", () => {
    const probe = (query: string, ms: number) => ({ query, ms, transferredBytes: 0, results: 5 });
    const probes = [probe('restore', 486), probe('database', 343), probe('restore', 302), probe('database', 343), probe('restore', 410)];
    expect(searchTimes(probes)).toBe('restore 302–486 ms, database 343 ms');
  });

  it('pairs the runs of one round when comparing two sides', () => {
    const { ratios, median } = pairedRatios(side('a', [100, 300, 200]), side('b', [200, 100, 200]));
    expect(ratios).toEqual([0.5, 3, 1]);
    expect(median).toBe(1);
    expect(pairedRatios(side('a', [100, 200]), side('b', [100, 100])).median).toBe(1.5);
  });

  it('ignores a run the other side does not have', () => {
    expect(pairedRatios(side('a', [100, 100, 100]), side('b', [50])).ratios).toEqual([2]);
  });

  it("times the scripts with the Node flags package.json's scripts give them", () => {
    const scripts = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const name of ['check', 'build', 'build:public']) {
      const flags = name === 'check' ? SCRIPT_NODE_FLAGS : BUILD_NODE_FLAGS;
      expect(scripts[name]!.split(' ').filter((word) => word.startsWith('--') && !word.startsWith('--no-warnings')), name).toEqual([...flags, ...(name === 'build:public' ? ['--edition'] : [])]);
    }
  });
});

describe('clean builds', () => {
  it("remove every cache of the content but keep Node's compiled code of the installed modules", () => {
    const root = mkdtempSync(join(tmpdir(), 'mp-clear-'));
    try {
      for (const folder of ['node_modules/.astro', '.astro', '.cache/multiplane/astro/x', '.cache/multiplane/check', '.cache/multiplane/search', '.cache/multiplane/site/a.spare', '.cache/multiplane/mermaid', '.cache/multiplane/node-compile/v24']) {
        mkdirSync(join(root, folder), { recursive: true });
        writeFileSync(join(root, folder, 'file'), 'x');
      }
      clearCaches(root);
      expect(existsSync(join(root, 'node_modules/.astro'))).toBe(false);
      expect(existsSync(join(root, '.astro'))).toBe(false);
      expect(readdirSync(join(root, '.cache/multiplane'))).toEqual(['node-compile']);
      expect(readFileSync(join(root, '.cache/multiplane/node-compile/v24/file'), 'utf8')).toBe('x');
      // A project that never built has nothing to clear.
      rmSync(join(root, '.cache'), { recursive: true });
      expect(() => clearCaches(root)).not.toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('output sizes', () => {
  it('counts every search index of a split search, and only those', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mp-sizes-'));
    try {
      const files: Record<string, number> = {
        'pagefind/pagefind.js': 10,
        'pagefind-1/fragment/en_a.pf_fragment': 20,
        'pagefind-12/index/en_b.pf_index': 30,
        'pagefind-notes/index.html': 400,
        'services/api/index.html': 500,
      };
      for (const [path, size] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), 'x'.repeat(size));
      }
      expect(measureOutput(dir, ['services'])).toMatchObject({ files: 5, bytes: 960, pagefindBytes: 60, entryPages: 1, medianEntryHtml: 500 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('benchmark arguments', () => {
  it('reads sizes, repeats and the dev switch', () => {
    const args = parseBenchArgs(['--entries', '3000,10000', '--baseline', '', '--repeats', '2', '--no-dev-example']);
    expect(args.sizes).toEqual([3000, 10000]);
    expect(args.baseline).toEqual([]);
    expect(args.repeats).toBe(2);
    expect(args.devExample).toBe(false);
  });

  it.each([
    [['--entries', '3k'], /--entries must be a comma-separated list/],
    [['--entries', ''], /--entries must be a comma-separated list/],
    [['--repeats', '0'], /--repeats must be a whole number above 0/],
    [['--repeats', '1.5'], /--repeats must be a whole number above 0/],
  ])('names the option in a usage error: %j', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(UsageError);
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });

  it('checks bench:check numbers', () => {
    expect(parseBenchCheckArgs(['--runs', '3', '--policy-checks', '0'])).toMatchObject({ runs: 3, policyChecks: 0, sizes: [10000] });
    expect(() => parseBenchCheckArgs(['--runs', '0'])).toThrow(/--runs must be a whole number of at least 1/);
    expect(() => parseBenchCheckArgs(['--policy-checks', '-1'])).toThrow(/--policy-checks/);
  });
});
