import fs from 'node:fs';
import { localPath } from './astro-links.ts';

/**
 * Has Astro make the folders of its pages (`fs.promises.mkdir`, under `roots`) on its own thread,
 * as it calls, instead of in libuv's threads, and returns the function that puts `mkdir` back.
 * Other folders are made as they come.
 *
 * Each page costs Astro two folders (the page's in the build, its kept copy's in the cache), and
 * the page and its kept copy are written in place too (policies-as-written.ts, astro-links.ts).
 * Asynchronous, each of those calls is handed to one of libuv's threads and back: at 3,000 pages
 * some 18,000 hand-offs, each waking a thread that, on two cores, takes the core Astro was on.
 * Made in place, the calls cost Astro's thread some 0.1 ms a page, and the hand-offs are gone: in
 * four clean builds of 3,000 entries by turns with the hand-offs, the build used 0.2–3.5 s less
 * CPU and ended 1.2 s sooner on the median (docs/performance.md).
 */
export function makeFoldersInPlace(roots: readonly string[]): () => void {
  const prefixes = roots.map((root) => `${root.replace(/\/+$/, '')}/`);
  const { mkdir } = fs.promises;
  const ours = (path: unknown) => {
    const local = localPath(path);
    return local !== undefined && prefixes.some((prefix) => local.startsWith(prefix));
  };
  fs.promises.mkdir = async function mkdirInPlace(path: fs.PathLike, options?: fs.Mode | fs.MakeDirectoryOptions | null) {
    if (!ours(path)) return mkdir(path, options as fs.MakeDirectoryOptions);
    return fs.mkdirSync(path, options as fs.MakeDirectoryOptions);
  } as typeof mkdir;
  return () => {
    fs.promises.mkdir = mkdir;
  };
}
