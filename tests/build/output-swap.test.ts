import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_MARKER, readBuildMarker, writeBuildMarker } from '../../src/build/output-marker.ts';
import { stagingFor, swapInto } from '../../src/build/output-swap.ts';

let parent: string;
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'multiplane-swap-'));
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

function folder(path: string, files: Record<string, string>): void {
  mkdirSync(path, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
}

describe('swapInto', () => {
  it('replaces the output with the staging folder, and the old output is deleted after the swap', async () => {
    const out = join(parent, 'site');
    folder(out, { 'index.html': 'old', 'stale.html': 'gone after the swap' });
    folder(stagingFor(out), { 'index.html': 'new' });
    swapInto(stagingFor(out), out);
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    // The old output is deleted by a process of its own, which the swap does not wait for; only
    // under a name the next build never restores (`.site.discarded-<pid>`).
    await expect.poll(() => readdirSync(parent), { timeout: 20_000, interval: 50 }).toEqual(['site']);
  });

  it('creates the output when there was none', () => {
    const out = join(parent, 'site');
    folder(stagingFor(out), { 'index.html': 'new' });
    swapInto(stagingFor(out), out);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(readdirSync(parent)).toEqual(['site']);
  });
});

describe('the build marker', () => {
  it('records the generator, version, time and edition, and is recognised', () => {
    writeBuildMarker(parent, 'public', { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 26) / 1000) });
    expect(readBuildMarker(parent)).toEqual({ generator: 'multiplane', version: expect.stringMatching(/^\d+\.\d+\.\d+/), builtAt: '2026-11-26T00:00:00.000Z', edition: 'public' });
  });

  it('is not recognised when the file is not Multiplane’s', () => {
    writeFileSync(join(parent, BUILD_MARKER), '{"generator":"something else"}');
    expect(readBuildMarker(parent)).toBeUndefined();
    writeFileSync(join(parent, BUILD_MARKER), 'not JSON');
    expect(readBuildMarker(parent)).toBeUndefined();
  });
});
