import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check.ts';
import { fixtureRoot } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A git repository holding a fixture, committed as `base`. */
function repository(fixture: string): { root: string; git: (...args: string[]) => string } {
  const root = mkdtempSync(join(tmpdir(), 'multiplane-changed-'));
  roots.push(root);
  cpSync(fixtureRoot(fixture), root, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('tag', 'base');
  return { root, git };
}

async function check(root: string, ...args: string[]) {
  const io = memoryIo(root);
  const status = await checkCommand(['--format', 'json', ...args], io);
  return { status, report: JSON.parse(io.out() || '{}'), io };
}

describe('npm run check -- --changed <ref>', () => {
  it('leaves out warnings that predate the change', async () => {
    // The fixture's runbook is already overdue at the base commit.
    const { root } = repository('runbook-review-overdue');
    const file = join(root, 'content/services/db.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('The database.', 'The primary database.'));
    expect((await check(root)).report.findings.map((finding: { rule: string }) => finding.rule)).toEqual(['runbook-review-overdue']);
    const scoped = await check(root, '--changed', 'base');
    expect(scoped.status).toBe(0);
    expect(scoped.report.findings).toEqual([]);
  });

  it('reports every finding of a file the change touched', async () => {
    const { root } = repository('valid');
    const file = join(root, 'content/services/api.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('dependsOn: [db]', 'dependsOn: [dbb]'));
    const scoped = await check(root, '--changed', 'base');
    expect(scoped.status).toBe(1);
    expect(scoped.report.findings.map((finding: { rule: string; file: string }) => [finding.rule, finding.file])).toEqual([
      ['dangling-reference', 'content/services/api.md'],
    ]);
  });

  it('blames the change for what it breaks in files it did not touch', async () => {
    const { root, git } = repository('valid');
    git('rm', '-q', 'content/services/db.md');
    const scoped = await check(root, '--changed', 'base');
    expect(scoped.status).toBe(1);
    const files = scoped.report.findings.map((finding: { file: string }) => finding.file);
    // api.md and the runbook still point at the deleted database.
    expect(files).toContain('content/services/api.md');
    expect(files).toContain('content/runbooks/api-runbook.md');
  });

  it('counts uncommitted and untracked files as changed', async () => {
    const { root } = repository('valid');
    writeFileSync(join(root, 'content/runbooks/new.md'), '---\ntitle: New\nowner: nobody\nkind: runbook\nreview:\n  cadence: 6m\n  last: 2026-11-01\n---\n\nBody.\n');
    const scoped = await check(root, '--changed', 'base');
    expect(scoped.report.findings.map((finding: { rule: string }) => finding.rule)).toEqual(['owner-exists', 'runbook-sections']);
  });

  it('says what was left out in human output', async () => {
    const { root } = repository('runbook-review-overdue');
    const io = memoryIo(root);
    await checkCommand(['--changed', 'base'], io);
    expect(io.out()).toContain('Limited to the change since base: 0 files added or modified, 0 deleted; 1 older finding left out.');
  });

  it('exits 2 with a plain message for a ref that does not exist', async () => {
    const { root } = repository('valid');
    const { status, io } = await check(root, '--changed', 'no-such-branch');
    expect(status).toBe(2);
    expect(io.err()).toMatch(/^--changed no-such-branch: .*Give a branch, tag or commit that exists/);
  });

  it('writes every finding to the job summary inside GitHub Actions, beyond ten annotations', async () => {
    const { root } = repository('valid');
    for (let index = 0; index < 12; index++) {
      writeFileSync(join(root, `content/runbooks/r${index}.md`), `---\ntitle: R${index}\nowner: platform-team\nkind: runbook\nreview:\n  cadence: 6m\n  last: 2026-11-01\n---\n\nNo sections.\n`);
    }
    const summary = join(root, 'summary.md');
    const io = memoryIo(root, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    await checkCommand(['--changed', 'base'], io);
    expect(io.out().match(/^::warning /gm)).toHaveLength(10);
    const table = readFileSync(summary, 'utf8');
    expect(table.match(/^\| :warning: /gm)).toHaveLength(12);
    expect(table).toContain('10 of them are annotated on the changed lines');
    expect(io.out()).toMatch(/^::notice title=More findings in the job summary::2 more findings are not annotated /m);
  });
});
