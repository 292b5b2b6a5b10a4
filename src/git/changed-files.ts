import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, GitError } from './run-git.ts';

export interface ChangedFiles {
  /** Paths relative to the project root, with `/`, added or modified since the ref (committed or not). */
  readonly changed: readonly string[];
  /** Paths that existed at the ref and no longer do. */
  readonly deleted: readonly string[];
}

export { GitError };

/**
 * Lists what changed under `folder` between `ref` and the working tree (give it the merge base,
 * see merge-base.ts, to leave out what landed on the base branch meanwhile): committed, staged,
 * unstaged and untracked changes alike, because a pull request check runs on a checkout and an
 * author runs it before committing. Renames count as a deletion and an addition.
 */
export function changedFiles(root: string, ref: string, folder: string): ChangedFiles {
  git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const prefix = git(root, ['rev-parse', '--show-prefix']).trim();
  const strip = (path: string) => (prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path);
  const changed = new Set<string>();
  const deleted = new Set<string>();
  for (const line of git(root, ['diff', '--name-status', '--no-renames', ref, '--', folder]).split('\n')) {
    const [status, path] = line.split('\t');
    if (!status || !path) continue;
    (status.startsWith('D') ? deleted : changed).add(strip(path));
  }
  for (const path of git(root, ['ls-files', '--others', '--exclude-standard', '--', folder]).split('\n')) {
    if (path) changed.add(path);
  }
  return { changed: [...changed].sort(), deleted: [...deleted].sort() };
}

/**
 * Extracts `folder` as it was at `ref` into a temporary directory and returns its root, so the
 * content can be checked as it was before the change. `cleanup` removes it.
 */
export function checkoutAt(root: string, ref: string, folder: string): { root: string; cleanup(): void } {
  const target = mkdtempSync(join(tmpdir(), 'multiplane-base-'));
  const prefix = git(root, ['rev-parse', '--show-prefix']).trim();
  const archive = spawnSync('git', ['archive', '--format=tar', ref, `${prefix}${folder}`], { cwd: root, maxBuffer: 1024 * 1024 * 1024 });
  if (archive.status !== 0) {
    rmSync(target, { recursive: true, force: true });
    // The folder may simply not exist at that ref: then the base had no content.
    const message = archive.stderr.toString();
    if (/did not match any files/.test(message)) return { root: target, cleanup: () => rmSync(target, { recursive: true, force: true }) };
    throw new GitError(message.trim().split('\n')[0] || 'git archive failed');
  }
  const extract = spawnSync('tar', ['-x', '-C', target, ...(prefix ? ['--strip-components', String(prefix.split('/').filter(Boolean).length)] : [])], {
    input: archive.stdout,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (extract.status !== 0) {
    rmSync(target, { recursive: true, force: true });
    throw new GitError(`tar could not extract the content at ${ref}: ${extract.stderr.toString().trim()}`);
  }
  return { root: target, cleanup: () => rmSync(target, { recursive: true, force: true }) };
}
