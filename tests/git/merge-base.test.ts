import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check.ts';
import { mergeBase } from '../../src/git/merge-base.ts';
import { GitError } from '../../src/git/run-git.ts';
import { fixtureRoot } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A repository holding the valid fixture on `main`, and a branch `feature` taken from it. */
function repository(): { root: string; git: (...args: string[]) => string; edit: (file: string, from: string, to: string) => void } {
  const root = mkdtempSync(join(tmpdir(), 'multiplane-merge-base-'));
  roots.push(root);
  cpSync(fixtureRoot('valid'), root, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
    });
  const edit = (file: string, from: string, to: string) => {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(from);
    writeFileSync(path, text.replace(from, to));
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('branch', 'feature');
  return { root, git, edit };
}

async function changed(root: string, ref: string) {
  const io = memoryIo(root);
  const status = await checkCommand(['--format', 'json', '--changed', ref], io);
  return { status, report: JSON.parse(io.out() || '{}'), io };
}

describe('--changed compares with the merge base', () => {
  it('does not blame a branch that is behind its base for what the base fixed since', async () => {
    const { root, git, edit } = repository();
    // Where the branch was taken, the runbook's review had lapsed; main has since reviewed it.
    git('checkout', '-q', 'main');
    edit('content/runbooks/api-runbook.md', 'last: 2026-09-01', 'last: 2025-01-01');
    git('commit', '-qam', 'review lapses');
    git('branch', '-f', 'feature');
    edit('content/runbooks/api-runbook.md', 'last: 2025-01-01', 'last: 2026-11-20');
    git('commit', '-qam', 'main reviews the runbook');
    // The branch changes something else. Compared with main's tip, the runbook would count as
    // changed by the branch and its old warning would be blamed on it.
    git('checkout', '-q', 'feature');
    edit('content/services/db.md', 'The database.', 'The primary database.');
    const { status, report } = await changed(root, 'main');
    expect(status).toBe(0);
    expect(report.findings).toEqual([]);
    expect(execFileSync('git', ['diff', '--name-only', 'main', '--', 'content'], { cwd: root, encoding: 'utf8' })).toContain('content/runbooks/api-runbook.md');
  });

  it('still reports what the branch itself breaks', async () => {
    const { root, git, edit } = repository();
    edit('content/owners/alex.md', 'Approves changes.', 'Approves every change.');
    git('commit', '-qam', 'main moves on');
    git('checkout', '-q', 'feature');
    edit('content/services/api.md', 'dependsOn: [db]', 'dependsOn: [dbb]');
    const { status, report } = await changed(root, 'main');
    expect(status).toBe(1);
    expect(report.findings.map((finding: { rule: string; file: string }) => [finding.rule, finding.file])).toEqual([['dangling-reference', 'content/services/api.md']]);
  });

  it('says which commit it compared with when the ref moved on', async () => {
    const { root, git, edit } = repository();
    const base = git('rev-parse', 'HEAD').trim();
    edit('content/owners/alex.md', 'Approves changes.', 'Approves every change.');
    git('commit', '-qam', 'main moves on');
    git('checkout', '-q', 'feature');
    const io = memoryIo(root);
    await checkCommand(['--changed', 'main'], io);
    expect(io.out()).toContain(`Limited to the change since main (from ${base.slice(0, 12)}, where HEAD branched off it): 0 files added or modified`);
    expect(mergeBase(root, 'main')).toEqual({ commit: base, short: base.slice(0, 12), atTip: false });
    expect(mergeBase(root, 'feature').atTip).toBe(true);
  });

  it('refuses a ref with no history in common, saying so', () => {
    const { root, git } = repository();
    git('checkout', '-q', '--orphan', 'unrelated');
    git('commit', '-q', '--allow-empty', '-m', 'nothing shared');
    expect(() => mergeBase(root, 'main')).toThrowError(GitError);
    expect(() => mergeBase(root, 'main')).toThrowError(/^main and HEAD have no common commit/);
    expect(() => mergeBase(root, 'no-such-ref')).toThrowError(GitError);
  });
});
