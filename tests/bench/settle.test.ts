import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backgroundDeletionsDone } from '../../src/bench/settle.ts';
import { discardedBeside, discardedFor } from '../../src/build/output-swap.ts';

describe('waiting for background deletions between bench runs', () => {
  it("waits until every replaced output of the folder is gone, and only that folder's", async () => {
    const parent = mkdtempSync(join(tmpdir(), 'mp-settle-'));
    const dist = join(parent, 'dist');
    const discarded = discardedFor(dist, 4242);
    mkdirSync(join(discarded, 'pages'), { recursive: true });
    mkdirSync(discardedFor(join(parent, 'other'), 4243), { recursive: true });
    mkdirSync(dist);
    expect(discardedBeside(dist)).toEqual([discarded]);
    setTimeout(() => rmSync(discarded, { recursive: true, force: true }), 400);
    const waited = await backgroundDeletionsDone(dist, () => {});
    expect(waited).toBeGreaterThanOrEqual(300);
    expect(discardedBeside(dist)).toEqual([]);
    // With nothing left to delete it does not wait at all: not even a wait of no time is exceeded.
    const lines: string[] = [];
    await backgroundDeletionsDone(dist, (line) => lines.push(line), 0);
    expect(lines).toEqual([]);
    rmSync(parent, { recursive: true, force: true });
  });

  it('goes on, saying so, when a deletion takes too long', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'mp-settle-'));
    const dist = join(parent, 'dist');
    mkdirSync(discardedFor(dist, 4244), { recursive: true });
    const lines: string[] = [];
    await backgroundDeletionsDone(dist, (line) => lines.push(line), 300);
    expect(lines.join('\n')).toMatch(/still deleting .*\.dist\.discarded-4244 after 0 s; going on/);
    expect(discardedBeside(join(parent, 'missing', 'dist'))).toEqual([]);
    rmSync(parent, { recursive: true, force: true });
  });
});
