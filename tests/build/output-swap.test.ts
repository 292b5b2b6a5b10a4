import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_MARKER, readBuildMarker, writeBuildMarker } from '../../src/build/output-marker.ts';
import { recoverInterruptedBuilds } from '../../src/build/output-recovery.ts';
import { deleteInBackground, discardedFor, stagingFor, swapInto } from '../../src/build/output-swap.ts';

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

  it('moves the old output to the spare given, for the next build to make its folder of, unless a spare is there', async () => {
    const out = join(parent, 'site');
    const spare = join(parent, 'cache', 'site.spare');
    folder(out, { 'index.html': 'first' });
    folder(stagingFor(out), { 'index.html': 'second' });
    swapInto(stagingFor(out), out, spare);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('second');
    expect(readFileSync(join(spare, 'index.html'), 'utf8')).toBe('first');
    expect(readdirSync(parent).sort()).toEqual(['cache', 'site']);
    // The spare is taken: the next old output is deleted as without one.
    folder(stagingFor(out), { 'index.html': 'third' });
    swapInto(stagingFor(out), out, spare);
    expect(readFileSync(join(spare, 'index.html'), 'utf8')).toBe('first');
    await expect.poll(() => readdirSync(parent).sort(), { timeout: 20_000, interval: 50 }).toEqual(['cache', 'site']);
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

describe('deleteInBackground', () => {
  it('deletes under its own pid, at the lowest priority, so that the next build neither deletes the same files again nor waits', async () => {
    const out = join(parent, 'site');
    const discarded = discardedFor(out);
    // Enough files that the deletion is seen under way.
    for (let folderIndex = 0; folderIndex < 40; folderIndex++) {
      folder(join(discarded, `f${folderIndex}`), Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`p${i}.html`, 'x'.repeat(100)])));
    }
    deleteInBackground(discarded);
    let deleter: number | undefined;
    await expect
      .poll(
        () => {
          const name = readdirSync(parent).find((candidate) => candidate.startsWith('.site.discarded-'));
          const pid = name === undefined ? undefined : Number(name.slice('.site.discarded-'.length));
          if (pid !== undefined && pid !== process.pid) deleter = pid;
          return deleter !== undefined || name === undefined;
        },
        { timeout: 20_000, interval: 2 },
      )
      .toBe(true);
    // 4,000 files take far longer to delete than the poll's interval: the renamed folder is seen.
    expect(deleter).toBeDefined();
    // The folder now carries a living process's pid: a build starting now leaves it alone.
    expect(recoverInterruptedBuilds(out)).toEqual({ restored: undefined, removed: [] });
    const stat = readStat(deleter!);
    // The nice value, the 19th field of /proc/<pid>/stat (the 17th after the command's name).
    if (stat) expect(Number(stat.split(') ')[1]!.split(' ')[16])).toBe(19);
    await expect.poll(() => readdirSync(parent), { timeout: 20_000, interval: 50 }).toEqual([]);
  });
});

/** /proc/<pid>/stat, where there is one (Linux) and the process still runs. */
function readStat(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
}
