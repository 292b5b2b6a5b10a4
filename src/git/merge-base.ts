import { git, GitError } from './run-git.ts';

export interface MergeBase {
  /** The commit HEAD and the ref last had in common. */
  readonly commit: string;
  /** Its abbreviated form, for messages. */
  readonly short: string;
  /** True when it is the ref's own commit: HEAD contains all of the ref. */
  readonly atTip: boolean;
}

/**
 * Returns where HEAD branched off `ref`: `git merge-base <ref> HEAD`. A change is compared with
 * that commit, not with the ref's tip, so a branch that is behind its base is not blamed for what
 * landed on the base since it branched (as `git diff ref...HEAD` and GitHub's pull request view do).
 */
export function mergeBase(root: string, ref: string): MergeBase {
  const tip = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
  let commit: string;
  try {
    commit = git(root, ['merge-base', ref, 'HEAD']).trim();
  } catch (error) {
    const shallow = safe(() => git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true');
    throw new GitError(
      shallow
        ? `${ref} and HEAD have no common commit in this shallow clone; fetch the history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)`
        : `${ref} and HEAD have no common commit (${error instanceof Error ? error.message || 'git merge-base failed' : 'git merge-base failed'})`,
    );
  }
  if (!commit) throw new GitError(`${ref} and HEAD have no common commit`);
  return { commit, short: commit.slice(0, 12), atTip: commit === tip };
}

function safe(read: () => boolean): boolean {
  try {
    return read();
  } catch {
    return false;
  }
}
