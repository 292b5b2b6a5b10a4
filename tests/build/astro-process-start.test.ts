import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { type AstroProcess, astroProcessFor, BUILT, builtOrExited, earlyWorkFolders, siteWorkFolders } from '../../src/build/astro-process-start.ts';
import { contentFolder } from '../../src/core/content/content-folder.ts';
import { freshFixtureRoot } from '../helpers/fixtures.ts';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

/** The project's modules a module imports, directly or through others, relative to src/. */
function importedModules(module: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) {
      const target = resolve(dirname(file), specifier!);
      if (seen.has(target)) continue;
      seen.add(target);
      visit(target);
    }
  };
  visit(join(SRC, module));
  return [...seen].map((file) => relative(SRC, file)).sort();
}

describe('the early start of the Astro process', () => {
  it('reads the work folders from the raw arguments as the build does', () => {
    const root = freshFixtureRoot('valid');
    const folders = (content: string, edition = 'internal') => siteWorkFolders(root, contentFolder(root, content), edition);
    expect(earlyWorkFolders([], root)).toEqual(siteWorkFolders(root, 'content', 'internal'));
    expect(earlyWorkFolders(['--no-pdf', '--content', 'content'], root)).toEqual(folders('content'));
    expect(earlyWorkFolders(['--content=./content/', '--out', 'site'], root)).toEqual(folders('content'));
    expect(earlyWorkFolders(['--out', 'x', '--content', 'tmp/p3k/content', '--timings', 't.json'], root)).toEqual(folders('tmp/p3k/content'));
    expect(earlyWorkFolders(['--edition', 'public'], root)).toEqual(folders('content', 'public'));
    // Another spelling of the same folder is the same folders, as for the build.
    expect(earlyWorkFolders(['--content', join(root, 'content')], root)).toEqual(siteWorkFolders(root, 'content', 'internal'));
    expect(earlyWorkFolders(['--edition=public', '--content', 'content'], root)).toEqual(folders('content', 'public'));
  });

  it('starts nothing when help is asked for', () => {
    expect(earlyWorkFolders(['-h'], '/tmp')).toBeUndefined();
    expect(earlyWorkFolders(['--help'], '/tmp')).toBeUndefined();
  });

  it('is used by the build it was started for, and ended for another', () => {
    const root = freshFixtureRoot('valid');
    const folders = siteWorkFolders(root, 'content', 'internal');
    const fake = (): AstroProcess => ({ pid: undefined, load: vi.fn(), prelink: vi.fn(), entries: vi.fn(), build: vi.fn(), cancel: vi.fn(), ended: vi.fn() });
    const early = { root, keptPages: folders.keptPages, process: fake() };
    expect(astroProcessFor(root, {}, folders, early)).toBe(early.process);
    expect(early.process.cancel).not.toHaveBeenCalled();

    const other = { root, keptPages: siteWorkFolders(root, 'content', 'public').keptPages, process: fake() };
    const started = astroProcessFor(root, {}, folders, other);
    started.cancel();
    expect(started).not.toBe(other.process);
    expect(other.process.cancel).toHaveBeenCalled();
  });

  it('imports nothing heavier than the folder rules, so that it starts before the build loads', () => {
    expect(importedModules('build/astro-process-start.ts')).toEqual(['build/astro-environment.ts', 'build/child-processes.ts', 'build/node-flags.ts', 'core/content/content-folder.ts']);
  });
});

describe("the end of the Astro process's build", () => {
  // A stand-in for Astro's process: reports (or not) on its fourth descriptor, then takes its time to exit.
  const start = (script: string) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    return { child, exited };
  };

  it('is its report, not its exit', async () => {
    const { child, exited } = start(`require('node:fs').writeSync(3, ${JSON.stringify(`${BUILT}\n`)}); setTimeout(() => process.exit(0), 2000);`);
    expect(await builtOrExited(child, exited)).toBe(0);
    // Still running: the report came first.
    expect(child.exitCode).toBeNull();
    expect(await exited).toBe(0);
  });

  it('is its exit status when it exits without a report', async () => {
    const { child, exited } = start(`require('node:fs').writeSync(3, 'built'); process.exit(3);`);
    expect(await builtOrExited(child, exited)).toBe(3);
  });
});
