import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBuildMarker } from '../../src/build/output-marker.ts';
import { movedAsideFor, stagingFor } from '../../src/build/output-swap.ts';
import { buildCommand } from '../../src/cli/build.ts';
import { freshFixtureRoot } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';

/** A project whose content has an error: the build stops right after the check, with status 1. */
const failingProject = () => freshFixtureRoot('dangling-owner');

describe('npm run build --out', () => {
  it.each([
    ['.', 'is the project folder'],
    ['..', 'is a parent of the project folder'],
    ['src/..', 'is the project folder'],
    ['content', "is the project's content folder"],
    ['./content/', "is the project's content folder"],
    ['content/site', "is inside the project's content folder"],
    ['.git', "is the project's .git folder"],
    ['src', "is the project's src folder"],
    ['tests/site', "is inside the project's tests folder"],
    ['node_modules/.cache/site', "is inside the project's node_modules folder"],
  ])('refuses --out %s: it %s', async (out, why) => {
    const root = freshFixtureRoot();
    const io = memoryIo(root);
    expect(await buildCommand(['--out', out], io)).toBe(2);
    expect(io.err()).toContain(`--out ${out} ${why} (`);
    expect(io.err()).toContain('Use a folder of its own: dist (the default)');
    expect(io.err()).toContain('Usage: npm run build');
    expect(io.out()).toBe('');
    expect(readdirSync(join(root, 'content'))).toContain('platform.yaml');
  });

  it('says which folder it refuses, why, and what to use instead', async () => {
    const root = freshFixtureRoot();
    const io = memoryIo(root);
    expect(await buildCommand(['--out', '.'], io)).toBe(2);
    expect(io.err().split('\n')[0]!.replace(root, '<root>')).toMatchInlineSnapshot(
      `"--out . is the project folder (<root>). A build replaces its output folder as a whole, so it would delete the project. Use a folder of its own: dist (the default), or one outside the project such as ../site."`,
    );
  });

  it('refuses a symbolic link to the content folder, naming where it leads', async () => {
    const root = freshFixtureRoot();
    symlinkSync(join(root, 'content'), join(root, 'site'));
    const io = memoryIo(root);
    expect(await buildCommand(['--out', 'site'], io)).toBe(2);
    expect(io.err().split('\n')[0]!.replaceAll(root, '<root>')).toMatchInlineSnapshot(
      `"--out site, which leads to <root>/content, is the project's content folder (<root>/content). A build replaces its output folder as a whole, so it would delete what that folder holds. Use a folder of its own: dist (the default), or one outside the project such as ../site."`,
    );
    expect(existsSync(join(root, 'content', 'platform.yaml'))).toBe(true);
  });

  it('refuses an output folder that is the folder given with --content', async () => {
    const root = freshFixtureRoot();
    const io = memoryIo(root);
    expect(await buildCommand(['--content', 'content', '--out', 'content/'], io)).toBe(2);
    expect(io.err()).toContain('--out content/ is the content folder (');
  });

  it('refuses a non-empty folder it did not make, and leaves it as it was', async () => {
    const root = freshFixtureRoot();
    mkdirSync(join(root, 'site'));
    writeFileSync(join(root, 'site', 'notes.txt'), 'mine');
    const io = memoryIo(root);
    expect(await buildCommand(['--out', 'site'], io)).toBe(2);
    expect(io.err().replaceAll(root, '<root>')).toMatchInlineSnapshot(`
      "The output folder site (<root>/site) is not empty and was not made by npm run build (it has no .multiplane-build.json), so the build will not replace it.
      If it holds nothing you need (for example, the output of a build made before Multiplane marked its outputs), delete it yourself (rm -rf site) and build again; otherwise choose another folder with --out <dir>.
      "
    `);
    expect(readFileSync(join(root, 'site', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a file', async () => {
    const root = freshFixtureRoot();
    writeFileSync(join(root, 'site'), 'a file');
    const io = memoryIo(root);
    expect(await buildCommand(['--out', 'site'], io)).toBe(2);
    expect(io.err()).toContain('is a file, not a folder');
  });

  it('accepts a folder holding the marker of an earlier build, an empty folder and a new one', async () => {
    const root = failingProject();
    mkdirSync(join(root, 'marked'));
    writeFileSync(join(root, 'marked', 'index.html'), 'earlier build');
    writeBuildMarker(join(root, 'marked'), 'internal');
    mkdirSync(join(root, 'empty'));
    for (const out of ['marked', 'empty', 'new/site']) {
      const io = memoryIo(root);
      // Status 1: past the output checks, stopped by the content's error.
      expect(await buildCommand(['--out', out], io), io.err()).toBe(1);
    }
    expect(readFileSync(join(root, 'marked', 'index.html'), 'utf8')).toBe('earlier build');
  });

  it('puts back the output a killed build had moved aside, and removes leftovers of dead builds, at its start', async () => {
    const root = failingProject();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const out = join(root, 'dist');
    mkdirSync(movedAsideFor(out, dead));
    writeFileSync(join(movedAsideFor(out, dead), 'index.html'), 'the previous site');
    writeBuildMarker(movedAsideFor(out, dead), 'internal');
    mkdirSync(stagingFor(out, dead));
    const io = memoryIo(root);
    expect(await buildCommand([], io)).toBe(1);
    expect(io.out().split('\n')[0]!.replaceAll(String(dead), '<pid>').replace(root, '<root>')).toMatchInlineSnapshot(
      `"Restored dist from .dist.previous-<pid>, where a build that was stopped during its swap had moved it; removed 1 leftover of stopped builds beside <root>/ (.dist.staging-<pid>)."`,
    );
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the previous site');
    expect(readdirSync(root).filter((name) => name.startsWith('.dist.'))).toEqual([]);
  });
});
