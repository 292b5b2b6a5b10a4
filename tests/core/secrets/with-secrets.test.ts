import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../../src/cli/check.ts';
import { formatGithub } from '../../../src/core/check/format-github.ts';
import { formatSummary } from '../../../src/core/check/format-summary.ts';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { withSecretFindings } from '../../../src/core/check/with-secrets.ts';
import { secretFiles } from '../../../src/core/secrets/secret-files.ts';
import { fixtureRoot, NOW } from '../../helpers/fixtures.ts';
import { memoryIo } from '../../helpers/io.ts';
import { accessKeyId, BASE62, entryWith, jwt, pick } from './fakes.ts';

const scratch = mkdtempSync(join(tmpdir(), 'multiplane-with-secrets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let copies = 0;

/** A fresh copy of a fixture project, which a test may write into. */
function projectFrom(fixture: string): string {
  const root = join(scratch, `${fixture}-${copies++}`);
  cpSync(fixtureRoot(fixture), root, { recursive: true, verbatimSymlinks: true });
  return root;
}

describe('the secret scan in the check', () => {
  it('finds credentials in files the loader never reads, and names file and line', async () => {
    const root = projectFrom('valid');
    const values = [accessKeyId(), jwt(), `${'ghp_'}${pick(36, BASE62)}`, pick(12, BASE62)];
    writeFileSync(join(root, 'content/.env'), `# local settings\nAWS_ACCESS_KEY_ID=${values[0]}\n`);
    writeFileSync(join(root, 'content/_notes.md'), `Notes.\n\nsession: ${values[1]}\n`);
    writeFileSync(join(root, 'content/x.txt'), `GITHUB_TOKEN=${values[2]}\n`);
    writeFileSync(join(root, 'content/runbooks/_draft.md'), `Draft.\n\nhttps://bob:${values[3]}!@host.internal/x\n`);
    const io = memoryIo(root);
    expect(await checkCommand([], io)).toBe(1);
    const out = io.out();
    for (const location of ['content/.env:2', 'content/_notes.md:3', 'content/x.txt:1', 'content/runbooks/_draft.md:3']) {
      expect(out).toMatch(new RegExp(`${location.replace(/[.]/g, '\\.')} {2}error {2}secret-detected`));
    }
    for (const value of values) expect(out).not.toContain(value);
  });

  it('counts findings against the entry whose file holds the credential', async () => {
    const root = projectFrom('valid');
    writeFileSync(join(root, 'content/runbooks/api-runbook.md'), entryWith(`export AWS_ACCESS_KEY_ID=${accessKeyId()}`));
    const report = await withSecretFindings(runCheck({ root, now: NOW }), { root });
    expect(report.findings.filter((finding) => finding.rule === 'secret-detected')).toMatchObject([{ file: 'content/runbooks/api-runbook.md', line: 19, entry: 'runbooks/api-runbook' }]);
  });

  it('shows a suppressed token as a notice that neither fails the check nor counts as a warning', async () => {
    const root = projectFrom('valid');
    writeFileSync(join(root, 'content/_rotation.md'), `# Rotation\n\n<!-- secretlint-disable-next-line -->\nGITHUB_TOKEN=${'ghp_'}${pick(36, BASE62)}\n`);
    const before = runCheck({ root, now: NOW });
    const report = await withSecretFindings(before, { root });
    const notices = report.findings.filter((finding) => finding.severity === 'notice');
    expect(notices).toMatchObject([{ rule: 'secret-suppressed', file: 'content/_rotation.md', line: 3 }]);
    expect(report.errors).toBe(before.errors);
    expect(report.warnings).toBe(before.warnings);
    expect(report.completeness).toEqual(before.completeness);

    const io = memoryIo(root);
    expect(await checkCommand([], io)).toBe(0);
    expect(io.out()).toContain('content/_rotation.md:3  notice  secret-suppressed');
    expect(io.out()).toContain('1 notice to review');
    expect(formatGithub(report.findings)).toMatch(/^::notice file=content\/_rotation\.md,line=3,title=secret-suppressed::A secret scan was suppressed here/m);
    expect(formatSummary(report.findings)).toContain('| :information_source: | `content/_rotation.md:3` | `secret-suppressed` |');
    expect(formatSummary(report.findings)).toMatch(/0 errors, \d+ warnings?, 1 notice to review\./);
  });

  it('passes documentation placeholders without a finding', async () => {
    const root = projectFrom('secret-placeholders');
    // The placeholders do reach the scanner: they look enough like credentials to pass the prefilter.
    expect(secretFiles({ root }).candidates.map((candidate) => candidate.file)).toEqual(expect.arrayContaining(['content/.env.example', 'content/notes.txt', 'content/runbooks/_connecting.md']));
    const before = runCheck({ root, now: NOW });
    const report = await withSecretFindings(before, { root });
    expect(report.findings.filter((finding) => finding.rule.startsWith('secret-'))).toEqual([]);
  });

});
