import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { BUILD_MARKER, readBuildMarker } from './output-marker.ts';

/** An output folder the build must not replace; the message names it, says why and what to do. */
export class OutputFolderError extends Error {
  override readonly name = 'OutputFolderError';
}

/** The project's folders that hold what a build is made from, or the project's history. */
export const SOURCE_FOLDERS = ['content', 'src', 'public', 'tests', 'scripts', 'node_modules', '.git', '.github', 'docs'] as const;

const WHAT_TO_USE = 'Use a folder of its own: dist (the default), or one outside the project such as ../site.';

export interface OutputFolderOptions {
  /** The project root (the working directory of `npm run build`). */
  readonly root: string;
  /** `--out` as given. */
  readonly out: string;
  /** `--content` as given, if it was. */
  readonly content: string | undefined;
}

/**
 * Resolves `--out` to the real folder a build would replace: `..` segments, trailing slashes and
 * symbolic links (of the folder or any parent) are resolved first, so no spelling reaches a
 * protected folder. Throws an OutputFolderError when that folder is the project root or one of
 * its parents, a source folder, the content folder, or inside one of them.
 *
 * Paths are compared exactly, which is right on Linux. On case-insensitive filesystems (macOS,
 * Windows) `--out Content` reaches `content`, so there they are compared case-folded.
 */
export function resolveOutputFolder(options: OutputFolderOptions): string {
  const given = `--out ${options.out}`;
  const lexical = resolve(options.root, options.out);
  const out = realPathOf(lexical, given, true);
  const named = out === lexical ? given : `${given}, which leads to ${out},`;
  const root = realPathOf(resolve(options.root), 'the project root');
  if (contains(out, root)) {
    const what = same(out, root) ? 'is the project folder' : 'is a parent of the project folder';
    throw new OutputFolderError(
      `${named} ${what} (${root}). A build replaces its output folder as a whole, so it would delete the project. ${WHAT_TO_USE}`,
    );
  }
  // The content folder first: when it lies inside tests/, that is the more useful thing to say.
  const protectedFolders = [
    ...contentFolders(options).map((path) => ({ path: realPathOf(path, `--content ${options.content}`), name: 'the content folder' })),
    ...SOURCE_FOLDERS.map((name) => ({ path: realPathOf(join(root, name), name), name: `the project's ${name} folder` })),
  ];
  for (const folder of protectedFolders) {
    const what = same(out, folder.path) ? 'is' : contains(folder.path, out) ? 'is inside' : contains(out, folder.path) ? 'contains' : undefined;
    if (!what) continue;
    throw new OutputFolderError(
      `${named} ${what} ${folder.name} (${folder.path}). A build replaces its output folder as a whole, so it would delete what that folder holds. ${WHAT_TO_USE}`,
    );
  }
  return out;
}

/**
 * Throws an OutputFolderError unless the build may replace `outDir`: it does not exist, is
 * empty, or carries the marker of an earlier build. `shown` is how the folder is named to the user.
 */
export function assertReplaceable(outDir: string, shown: string): void {
  let entries: string[];
  try {
    if (!statSync(outDir).isDirectory()) {
      throw new OutputFolderError(`The output folder ${shown} (${outDir}) is a file, not a folder. Choose another folder with --out <dir>.`);
    }
    entries = readdirSync(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    if (error instanceof OutputFolderError) throw error;
    throw new Error(`Cannot read the output folder ${outDir}.`, { cause: error });
  }
  if (entries.length === 0 || readBuildMarker(outDir)) return;
  throw new OutputFolderError(
    `The output folder ${shown} (${outDir}) is not empty and was not made by npm run build (it has no ${BUILD_MARKER}), so the build will not replace it.\n` +
      `If it holds nothing you need (for example, the output of a build made before Multiplane marked its outputs), delete it yourself (rm -rf ${shown}) and build again; otherwise choose another folder with --out <dir>.`,
  );
}

/** The content folder, as the loader reads it (joined to the root) and as a path would resolve. */
function contentFolders(options: OutputFolderOptions): string[] {
  if (!options.content) return [];
  const joined = join(options.root, options.content);
  const resolved = resolve(options.root, options.content);
  return joined === resolved ? [joined] : [joined, resolved];
}

/**
 * The real path of `path`: the real path of its deepest existing ancestor with the missing rest
 * appended, so a folder still to be created is judged by where it would end up. With `strict`,
 * a symbolic link to nothing on the way is an OutputFolderError: a build could not create it.
 */
function realPathOf(path: string, shown: string, strict = false): string {
  const missing: string[] = [];
  for (let existing = path; ; existing = dirname(existing)) {
    try {
      return join(realpathSync.native(existing), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new Error(`Cannot resolve ${shown} (${path}).`, { cause: error });
      if (strict && isSymbolicLink(existing)) {
        throw new OutputFolderError(`${shown} leads through ${existing}, a symbolic link to nothing. Remove the link or choose another folder with --out <dir>.`);
      }
    }
    if (dirname(existing) === existing) return path;
    missing.push(basename(existing));
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

const caseFolded = process.platform === 'darwin' || process.platform === 'win32';
const fold = (path: string) => (caseFolded ? path.toLowerCase() : path);

function same(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

/** Whether `outer` is `inner` or one of its parents. */
function contains(outer: string, inner: string): boolean {
  const path = relative(fold(outer), fold(inner));
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !path.startsWith(sep) && !/^[a-z]:/i.test(path));
}
