import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshFixtureRoot } from '../helpers/fixtures.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const CHECK = join(import.meta.dirname, '..', '..', 'scripts', 'check.ts');
const scratch = scratchFolders('check-loads');

// Records every module the check loads, in any of its threads. Loads, not resolutions: the facts
// cache resolves the parsers' packages to read their versions, which loads none of them.
const RECORDER = `
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
registerHooks({
  load(url, context, next) {
    appendFileSync(process.env.MULTIPLANE_LOADED, url + '\\n');
    return next(url, context);
  },
});
`;

/** Runs `npm run check --format json` in a process of its own: its findings, and the modules it loaded. */
function check(root: string): { findings: unknown[]; loaded: string[] } {
  const folder = scratch({ 'record.mjs': RECORDER });
  const list = join(folder, 'loaded.txt');
  writeFileSync(list, '');
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', '--import', pathToFileURL(join(folder, 'record.mjs')).href, CHECK, '--format', 'json', '--now', '2026-11-26T00:00:00Z'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, MULTIPLANE_LOADED: list }, timeout: 120_000 },
  );
  expect(result.stderr).toBe('');
  return { findings: JSON.parse(result.stdout).findings, loaded: readFileSync(list, 'utf8').split('\n').filter(Boolean) };
}

const loads = (loaded: readonly string[], pkg: string) => loaded.some((url) => url.includes(`/node_modules/${pkg}/`));
const MARKDOWN = ['satteri', 'micromark', 'mdast-util-from-markdown', 'acorn'];

describe('what a check loads', () => {
  it('loads the Markdown parsers only for bodies it has no facts of', () => {
    const root = freshFixtureRoot('valid');
    const cold = check(root);
    expect(loads(cold.loaded, 'satteri')).toBe(true);
    const warm = check(root);
    expect(MARKDOWN.filter((pkg) => loads(warm.loaded, pkg))).toEqual([]);
    expect(warm.findings).toEqual(cold.findings);
    // No file holds anything like a credential, so secretlint has nothing to scan.
    expect(loads(warm.loaded, '@secretlint/core')).toBe(false);

    // One body changed: it is parsed, and what it says is reported.
    const runbook = join(root, 'content', 'runbooks', 'api-runbook.md');
    writeFileSync(runbook, `${readFileSync(runbook, 'utf8')}\nSee [the guide](./missing-guide.md).\n`);
    const edited = check(root);
    expect(loads(edited.loaded, 'satteri')).toBe(true);
    expect(edited.findings).toContainEqual(expect.objectContaining({ rule: 'dangling-link', file: 'content/runbooks/api-runbook.md' }));
  });

  it('loads CEL only when a policy carries a check, and runs the check from a warm cache', () => {
    const none = freshFixtureRoot('valid');
    check(none);
    expect(loads(check(none).loaded, '@bufbuild/cel')).toBe(false);

    const root = freshFixtureRoot('policy-check-fail');
    const cold = check(root);
    const warm = check(root);
    expect(loads(warm.loaded, '@bufbuild/cel')).toBe(true);
    expect(warm.findings).toEqual(cold.findings);
    expect(warm.findings).toContainEqual(expect.objectContaining({ rule: 'policy:change-policy/tier-one-only' }));
  });

  it('loads secretlint when a file may hold a credential, and reports it', () => {
    const root = freshFixtureRoot('valid');
    const service = join(root, 'content', 'services', 'api.md');
    writeFileSync(service, `${readFileSync(service, 'utf8')}\nConnect with postgres://admin:${'s3cr3t'.repeat(3)}@db.internal:5432/app.\n`);
    const result = check(root);
    expect(loads(result.loaded, '@secretlint/core')).toBe(true);
    expect(result.findings).toContainEqual(expect.objectContaining({ file: 'content/services/api.md', severity: 'error', rule: expect.stringMatching(/secret/) }));
  });

  it('checks an MDX chapter from a warm cache as from a cold one', () => {
    const root = freshFixtureRoot('mdx-import');
    const cold = check(root);
    const warm = check(root);
    expect(warm.findings).toEqual(cold.findings);
    expect(warm.findings).toContainEqual(expect.objectContaining({ rule: 'mdx-import', file: 'content/whitepaper/introduction.mdx' }));
  });
});
