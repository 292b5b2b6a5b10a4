import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER, readBuildMarker, writeBuildMarker } from '../../src/build/output-marker.ts';
import { buildCommand } from '../../src/cli/build.ts';
import { fixtureRoot } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';
import { scratchFolder, startBuild } from './build-process.ts';

// Real builds of the small fixture; generous timeouts, since CI machines may be slower and busy.
const BUILD_TIMEOUT = 180_000;

const parent = scratchFolder('output-crash');
const out = join(parent, 'site');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

// The two tests run in order: the second kills a build while it replaces the first one's site.
describe('replacing the output folder', () => {
  it('replaces a folder holding the marker of an earlier build, and no file of the site refers to the marker', { timeout: BUILD_TIMEOUT }, async () => {
    mkdirSync(out);
    writeFileSync(join(out, 'stale.html'), 'from an earlier build');
    writeBuildMarker(out, 'internal');
    const build = startBuild(out);
    expect(await build.ended, build.output()).toEqual({ code: 0, signal: null });
    expect(existsSync(join(out, 'stale.html'))).toBe(false);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(readBuildMarker(out)).toMatchObject({ generator: 'multiplane', edition: 'internal', builtAt: '2026-11-26T00:00:00.000Z' });
    // No page, sitemap, feed, catalog or search fragment (gzipped) mentions it.
    const mentions = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((path) => {
      if (path === BUILD_MARKER || !statSync(join(out, path)).isFile()) return false;
      const bytes = readFileSync(join(out, path));
      const text = (path.endsWith('.pf_fragment') || path.endsWith('.pf_meta') ? gunzipSync(bytes) : bytes).toString('latin1');
      return text.includes('multiplane-build');
    });
    expect(mentions).toEqual([]);
    // The replaced site is deleted by a detached process after the swap (output-swap.ts), which a
    // busy machine may not have finished when the build exits; nothing else is left beside it.
    expect(readdirSync(parent).filter((name) => !name.startsWith('.site.discarded-'))).toEqual(['site']);
    await expect.poll(() => readdirSync(parent), { timeout: 60_000, interval: 100 }).toEqual(['site']);
  });

  it('loses no site when a build dies in the middle of its swap: the next build puts the previous one back', { timeout: BUILD_TIMEOUT }, async () => {
    const previousHome = readFileSync(join(out, 'index.html'), 'utf8');
    writeFileSync(join(out, 'kept.txt'), 'proof that this is the previous output');
    const build = startBuild(out, { NODE_OPTIONS: `--import=${join(import.meta.dirname, 'crash-in-swap.mjs')}` });
    expect(await build.ended, build.output()).toEqual({ code: null, signal: 'SIGKILL' });
    const pid = build.child.pid!;
    // The crash left no output folder, the previous one moved aside and the finished staging folder.
    expect(readdirSync(parent).sort()).toEqual([`.site.previous-${pid}`, `.site.staging-${pid}`]);
    expect(existsSync(join(parent, `.site.staging-${pid}`, BUILD_MARKER))).toBe(true);

    // The next build's start repairs it, even though this one goes no further than the check.
    const io = memoryIo(fixtureRoot('dangling-owner'));
    expect(await buildCommand(['--out', out], io)).toBe(1);
    expect(io.out().split('\n')[0]).toBe(
      `Restored ${out} from .site.previous-${pid}, where a build that was stopped during its swap had moved it; removed 1 leftover of stopped builds beside ${parent}/ (.site.staging-${pid}).`,
    );
    expect(readdirSync(parent)).toEqual(['site']);
    expect(readFileSync(join(out, 'kept.txt'), 'utf8')).toBe('proof that this is the previous output');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(previousHome);
  });
});
