import { readBuildMarker } from '../build/output-marker.ts';

/**
 * Whether `path` is a site a build wrote (`dist/`, `dist-public/` or any `--out`): a folder that
 * holds the build's marker, as the build itself tells its own output folders (output-guard.ts).
 * The dev server's watcher leaves such folders alone. A built site is one folder per page, and
 * each watched folder takes one of the system's inotify watches: with a site of 10,000 entries in
 * the project, `npm run dev` watched some 10,000 folders that are no source of anything, and with
 * a few such sites it stopped on ENOSPC. Asked for every path the watcher meets; a file is never
 * a site.
 */
export function isBuiltSite(path: string): boolean {
  return readBuildMarker(path) !== undefined;
}

/**
 * What Vite's watcher leaves alone besides its defaults: the build cache (at 10,000 entries some
 * 50,000 files, the kept pages and the search indexes, which it would read at every start and
 * report as they change) and the built sites.
 */
export const WATCH_IGNORED = ['**/.cache/multiplane/**', isBuiltSite];
