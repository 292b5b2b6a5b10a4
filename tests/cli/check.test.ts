import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteWorkFolders } from '../../src/build/astro-process-start.ts';
import { checkCommand } from '../../src/cli/check.ts';
import { checkCacheDir } from '../../src/core/check/check-content.ts';
import { formatAnnotation } from '../../src/core/check/format-github.ts';
import { fixtureRoot, freshFixtureRoot } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';
import { BASE62, pick } from '../core/secrets/fakes.ts';

describe('npm run check', () => {
  it('exits 0 on clean content and prints a summary', async () => {
    const io = memoryIo(fixtureRoot('valid'));
    expect(await checkCommand([], io)).toBe(0);
    expect(io.out()).toContain('15 files, 15 entries: 0 errors, 0 warnings');
    expect(io.out()).toContain('Checked as of 2026-11-26T00:00:00.000Z');
  });

  it('exits 1 on an error and names file, line, rule, field and fix', async () => {
    const io = memoryIo(fixtureRoot('dangling-dependency'));
    expect(await checkCommand([], io)).toBe(1);
    expect(io.out().split('\n').slice(0, 4).join('\n')).toMatchInlineSnapshot(`
      "content/services/api.md:6  error  dangling-reference
        \`dependsOn[0]\` refers to \`dbb\`, which is not a service.
        field: dependsOn[0]
        fix:   Did you mean \`db\`? Use the ID of an entry in content/services/: its file name without .md."
    `);
  });

  it('reads one content folder however --content spells it', async () => {
    const root = fixtureRoot('dangling-dependency');
    const spellings = [[], ['--content', 'content'], ['--content', './content/'], ['--content', 'content//'], ['--content', join(root, 'content')], ['--content', `${join(root, 'content')}/`]];
    const outputs = await Promise.all(
      spellings.map(async (args) => {
        const io = memoryIo(root);
        expect(await checkCommand([...args, '--format', 'json'], io)).toBe(1);
        return JSON.parse(io.out()).findings;
      }),
    );
    for (const output of outputs) expect(output).toEqual(outputs[0]);
    expect(outputs[0][0]).toMatchObject({ file: 'content/services/api.md', rule: 'dangling-reference' });
    // And they share the folder's caches, so a new spelling does not cost a cold check or a full build.
    expect(new Set(spellings.map((args) => checkCacheDir(root, args[1])))).toHaveLength(1);
    expect(new Set(spellings.map((args) => siteWorkFolders(root, args[1] ?? 'content', 'internal').cache))).toHaveLength(1);
  });

  it('finds a credential in a dotfile and in an entry\'s body, each at its line, as the whole check reads them', async () => {
    // The command's own check: the walk for the secret scan runs beside the loading (src/core/secrets/secret-files-aside.ts).
    const root = freshFixtureRoot('valid');
    const token = () => `ghp_${pick(36, BASE62)}`;
    writeFileSync(join(root, 'content', '.env'), `GITHUB_TOKEN=${token()}\n`);
    appendFileSync(join(root, 'content', 'runbooks', 'api-runbook.md'), `\nThe deploy key is ${token()} for now.\n`);
    const io = memoryIo(root);
    expect(await checkCommand(['--format', 'json'], io)).toBe(1);
    const secrets = (JSON.parse(io.out()).findings as { rule: string; file: string; line: number }[]).filter((finding) => finding.rule === 'secret-detected');
    expect(secrets.map(({ file, line }) => `${file}:${line}`)).toEqual(['content/.env:1', 'content/runbooks/api-runbook.md:28']);
  });

  it('exits 0 on warnings, and 1 with --strict', async () => {
    expect(await checkCommand([], memoryIo(fixtureRoot('runbook-review-overdue')))).toBe(0);
    expect(await checkCommand(['--strict'], memoryIo(fixtureRoot('runbook-review-overdue')))).toBe(1);
  });

  it('pins "now" with --now, overriding SOURCE_DATE_EPOCH', async () => {
    const io = memoryIo(fixtureRoot('valid'));
    expect(await checkCommand(['--now', '2028-01-01', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.now).toBe('2028-01-01T00:00:00.000Z');
    expect(report.findings.map((finding: { rule: string }) => finding.rule)).toContain('policy-review-overdue');
  });

  it('prints JSON for tools', async () => {
    const io = memoryIo(fixtureRoot('team-without-escalation'));
    expect(await checkCommand(['--format', 'json'], io)).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.summary).toEqual({ files: 15, entries: 15, errors: 0, warnings: 1 });
    expect(report.findings[0]).toMatchObject({ rule: 'team-escalation', file: 'content/owners/data-team.md', line: 3, severity: 'warning' });
    expect(report.scorecards).toHaveLength(2);
  });

  it('prints GitHub annotations with --format github', async () => {
    const io = memoryIo(fixtureRoot('dangling-dependency'));
    await checkCommand(['--format', 'github'], io);
    expect(io.out()).toMatchInlineSnapshot(`
      "::error file=content/services/api.md,line=6,title=dangling-reference (dependsOn[0])::\`dependsOn[0]\` refers to \`dbb\`, which is not a service.%0AFix: Did you mean \`db\`? Use the ID of an entry in content/services/: its file name without .md.
      "
    `);
  });

  it('adds annotations after the human report inside GitHub Actions', async () => {
    const io = memoryIo(fixtureRoot('dangling-dependency'), { GITHUB_ACTIONS: 'true' });
    await checkCommand([], io);
    expect(io.out()).toContain('Summary');
    expect(io.out()).toContain('::error file=content/services/api.md,line=6,');
  });

  it('exits 2 with usage on a bad option or a bad date', async () => {
    const unknown = memoryIo(fixtureRoot('valid'));
    expect(await checkCommand(['--frmat', 'json'], unknown)).toBe(2);
    expect(unknown.err()).toContain("Unknown option '--frmat'");
    expect(unknown.err()).toContain('Usage: npm run check');
    const badDate = memoryIo(fixtureRoot('valid'));
    expect(await checkCommand(['--now', '2026-02-30'], badDate)).toBe(2);
    expect(badDate.err().split('\n')[0]).toBe('--now must be a date like 2026-03-01 or 2026-03-01T09:30:00Z; got "2026-02-30".');
    const badEpoch = memoryIo(fixtureRoot('valid'), { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(await checkCommand([], badEpoch)).toBe(2);
  });
});

describe('annotations', () => {
  it('escapes newlines, percent signs and property separators', async () => {
    expect(
      formatAnnotation({
        rule: 'field-invalid',
        severity: 'error',
        plane: 'identity',
        message: 'Value is 100%\nbroken',
        hint: 'Fix it, then: rerun',
        file: 'content/a,b:c.md',
        line: 3,
        field: 'a.b',
      }),
    ).toBe('::error file=content/a%2Cb%3Ac.md,line=3,title=field-invalid (a.b)::Value is 100%25%0Abroken%0AFix: Fix it, then: rerun');
  });
});

describe('the check script', () => {
  const script = join(import.meta.dirname, '../../scripts/check.ts');
  const node = (args: string[], cwd: string) =>
    spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', script, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1795651200', NO_COLOR: '1' },
    });

  it('returns the exit status to the shell', async () => {
    expect(node([], fixtureRoot('valid')).status).toBe(0);
    const failed = node([], fixtureRoot('dependency-cycle'));
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('content/services/api.md:6  error  dependency-cycle');
    expect(failed.stderr).toBe('');
  });

  it('never prints a stack trace for a missing content folder', async () => {
    const result = node(['--root', '/nonexistent-multiplane-root'], fixtureRoot('valid'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('platform-missing');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
