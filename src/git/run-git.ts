import { spawnSync } from 'node:child_process';

/** A git operation that failed, with git's own message. */
export class GitError extends Error {
  override readonly name = 'GitError';
}

/** Runs git in `root` and returns its output; throws a GitError with git's first line of complaint. */
export function git(root: string, args: readonly string[]): string {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.error) throw new GitError(`git could not be run: ${result.error.message}`);
  if (result.status !== 0) throw new GitError(result.stderr.trim().split('\n')[0] || `git ${args[0]} failed`);
  return result.stdout;
}
