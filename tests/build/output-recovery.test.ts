import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBuildMarker } from '../../src/build/output-marker.ts';
import { describeRecovery, recoverInterruptedBuilds } from '../../src/build/output-recovery.ts';
import { discardedFor, movedAsideFor, sideFileFor, stagingFor } from '../../src/build/output-swap.ts';

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

let parent: string;
let out: string;
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'multiplane-recovery-'));
  out = join(parent, 'site');
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

function site(folder: string, page: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.html'), page);
  writeBuildMarker(folder, 'internal');
}

describe('recoverInterruptedBuilds', () => {
  it('moves the previous output back when a build died between the two renames of its swap', () => {
    const pid = deadPid();
    site(movedAsideFor(out, pid), 'previous site');
    site(stagingFor(out, pid), 'new site');
    const recovery = recoverInterruptedBuilds(out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect(readdirSync(parent)).toEqual(['site']);
    expect(describeRecovery(recovery, out, 'site')?.replaceAll(String(pid), '<pid>').replace(parent, '<parent>')).toMatchInlineSnapshot(
      `"Restored site from .site.previous-<pid>, where a build that was stopped during its swap had moved it; removed 1 leftover of stopped builds beside <parent>/ (.site.staging-<pid>)."`,
    );
  });

  it('removes a moved-aside output once the new output is in place', () => {
    site(out, 'new site');
    site(movedAsideFor(out, deadPid()), 'previous site');
    const recovery = recoverInterruptedBuilds(out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new site');
    expect(recovery.restored).toBeUndefined();
    expect(readdirSync(parent)).toEqual(['site']);
  });

  it("removes the staging folder, build plan, entries, what the site is handed ahead (whole or half written), timing marks, diagrams mark, pages' policies and search scratch folder of a dead build", () => {
    const pid = deadPid();
    const staging = stagingFor(out, pid);
    site(staging, 'half a site');
    writeFileSync(sideFileFor(staging, 'plan', pid), '{}');
    writeFileSync(sideFileFor(staging, 'entries', pid), '{}');
    writeFileSync(sideFileFor(staging, 'ahead', pid), '{}');
    writeFileSync(`${sideFileFor(staging, 'ahead', pid)}.${pid}.new`, '{');
    writeFileSync(sideFileFor(staging, 'marks', pid), '{}');
    writeFileSync(sideFileFor(staging, 'diagrams', pid), '');
    writeFileSync(sideFileFor(staging, 'policies', pid), '{}');
    site(join(sideFileFor(staging, 'search', pid), 'pagefind-1'), 'a linked page');
    const recovery = recoverInterruptedBuilds(out);
    expect(recovery.removed.map((path) => path.slice(parent.length + 1)).sort()).toEqual([
      `.multiplane-ahead-${pid}`,
      `.multiplane-ahead-${pid}.${pid}.new`,
      `.multiplane-diagrams-${pid}`,
      `.multiplane-entries-${pid}`,
      `.multiplane-marks-${pid}`,
      `.multiplane-plan-${pid}`,
      `.multiplane-policies-${pid}`,
      `.multiplane-search-${pid}`,
      `.site.staging-${pid}`,
    ]);
    expect(readdirSync(parent)).toEqual([]);
    expect(describeRecovery(recovery, out, 'site')).toMatch(/^Removed 9 leftovers of stopped builds beside /);
  });

  it('never puts back a replaced output that was being deleted, even when the output is missing, and deletes it without a word', async () => {
    site(discardedFor(out, deadPid()), 'half deleted');
    const recovery = recoverInterruptedBuilds(out);
    expect(recovery).toEqual({ restored: undefined, removed: [] });
    expect(existsSync(out)).toBe(false);
    await expect.poll(() => readdirSync(parent), { timeout: 20_000, interval: 50 }).toEqual([]);
  });

  it('leaves a replaced output alone while the build that replaced it runs', () => {
    const deleting = discardedFor(out, process.ppid);
    site(out, 'new site');
    site(deleting, 'being deleted');
    expect(recoverInterruptedBuilds(out)).toEqual({ restored: undefined, removed: [] });
    expect(existsSync(deleting)).toBe(true);
  });

  it('puts back an output moved aside under the name builds used before the marker', () => {
    site(`${stagingFor(out, deadPid())}.previous`, 'old-style previous');
    expect(recoverInterruptedBuilds(out).restored).toBeDefined();
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old-style previous');
  });

  it('leaves alone what a build still running has beside the output', () => {
    // The test runner's parent process is alive for as long as this test runs.
    const running = process.ppid;
    site(stagingFor(out, running), 'in progress');
    site(movedAsideFor(out, running), 'moved aside mid-swap');
    const recovery = recoverInterruptedBuilds(out);
    expect(recovery).toEqual({ restored: undefined, removed: [] });
    expect(describeRecovery(recovery, out, 'site')).toBeUndefined();
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent).sort()).toEqual([`.site.previous-${running}`, `.site.staging-${running}`]);
  });

  it('leaves other folders and other outputs alone', () => {
    const pid = deadPid();
    site(join(parent, 'sites'), 'another output');
    site(join(parent, `.sites.staging-${pid}`), "another output's leftover");
    mkdirSync(join(parent, '.site.staging-notapid'));
    recoverInterruptedBuilds(out);
    expect(readdirSync(parent).sort()).toEqual(['.site.staging-notapid', `.sites.staging-${pid}`, 'sites']);
  });
});
