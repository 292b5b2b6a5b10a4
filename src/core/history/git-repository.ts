import { spawnSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';

/** A commit on the first-parent line of HEAD. */
export interface CommitRef {
  readonly hash: string;
  /** Committer time, milliseconds since 1970: when the commit reached the branch. */
  readonly time: number;
}

/** A blob of a commit's tree: a regular file's content hash. */
export interface TreeFile {
  readonly blob: string;
  readonly executable: boolean;
}

/** A repository as the history reads it. */
export interface Repository {
  /** The working tree's top folder. */
  readonly top: string;
  /** Where the project root sits inside the repository, with `/` and a trailing `/` (or empty). */
  readonly prefix: string;
  /** True for a shallow clone: history stops at a boundary commit. */
  readonly shallow: boolean;
}

/** Why the history cannot be read; shown to the reader as is. */
export class HistoryUnavailable extends Error {
  override readonly name = 'HistoryUnavailable';
}

const MAX_BUFFER = 1024 * 1024 * 1024;

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  if (result.error) throw new HistoryUnavailable(`git could not be run (${result.error.message}).`);
  if (result.status !== 0) throw new HistoryUnavailable(`git ${args[0]} failed: ${result.stderr.toString().trim().split('\n')[0] ?? ''}`);
  return result.stdout;
}

/**
 * The repository holding `root`, or HistoryUnavailable when there is none (a folder copied
 * without `.git`, a release tarball) or git is not installed.
 */
export function openRepository(root: string): Repository {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository'], { cwd: root, encoding: 'utf8' });
  if (result.error) throw new HistoryUnavailable(`git could not be run (${result.error.message}).`);
  if (result.status !== 0) throw new HistoryUnavailable('the project is not in a git repository.');
  const [top = '', prefix = '', shallow = 'false'] = result.stdout.split('\n');
  return { top, prefix: prefix.trim(), shallow: shallow.trim() === 'true' };
}

/** A path of the project (relative to `root`, or absolute) as a path of the repository, or undefined outside it. */
export function repositoryPath(repository: Repository, root: string, path: string): string | undefined {
  const inside = relative(repository.top, resolve(root, path));
  if (inside.startsWith('..') || resolve(repository.top, inside) !== resolve(root, path)) return undefined;
  return inside.split(sep).join('/');
}

/**
 * The commits of HEAD's first-parent line that changed any of `paths` (repository paths), newest
 * first. First parents only: a merged branch counts when it lands, as the commit that merged it.
 */
export function commitsTouching(repository: Repository, paths: readonly string[]): CommitRef[] {
  if (!hasHead(repository)) return [];
  const out = git(repository.top, ['log', '--first-parent', '--format=%H %ct', 'HEAD', '--', ...paths]).toString('utf8');
  return parseCommits(out);
}

/** The time of the oldest commit reachable on HEAD's first-parent line: in a shallow clone, its boundary. */
export function oldestCommitTime(repository: Repository): number | undefined {
  if (!hasHead(repository)) return undefined;
  const commits = parseCommits(git(repository.top, ['log', '--first-parent', '--format=%H %ct', 'HEAD']).toString('utf8'));
  return commits.length ? Math.min(...commits.map((commit) => commit.time)) : undefined;
}

function hasHead(repository: Repository): boolean {
  return spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: repository.top }).status === 0;
}

function parseCommits(out: string): CommitRef[] {
  return out
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter((parts): parts is [string, string] => parts.length === 2 && /^[0-9a-f]{40,64}$/.test(parts[0] ?? ''))
    .map(([hash, seconds]) => ({ hash, time: Number(seconds) * 1000 }));
}

/**
 * The regular files under `paths` (repository paths) in a commit's tree, by repository path.
 * Symbolic links and submodules are left out: the content check never follows a link, and a
 * link's target is no file of the commit.
 */
export function listTree(repository: Repository, commit: string, paths: readonly string[]): Map<string, TreeFile> {
  const out = git(repository.top, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths.map((path) => path || '.')]).toString('utf8');
  const files = new Map<string, TreeFile>();
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, blob] = record.slice(0, tab).split(' ');
    if (type !== 'blob' || !blob || (mode !== '100644' && mode !== '100755')) continue;
    files.set(record.slice(tab + 1), { blob, executable: mode === '100755' });
  }
  return files;
}

/** The content of each blob, read in one `git cat-file --batch`. */
export function readBlobs(repository: Repository, blobs: readonly string[]): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
  if (blobs.length === 0) return contents;
  const out = git(repository.top, ['cat-file', '--batch'], `${blobs.join('\n')}\n`);
  let offset = 0;
  while (offset < out.length) {
    const newline = out.indexOf(0x0a, offset);
    if (newline < 0) break;
    const [hash, type, size] = out.subarray(offset, newline).toString('utf8').split(' ');
    offset = newline + 1;
    if (type === 'missing' || !hash || size === undefined) continue;
    const length = Number(size);
    contents.set(hash, out.subarray(offset, offset + length));
    // Each object is followed by a newline.
    offset += length + 1;
  }
  return contents;
}
