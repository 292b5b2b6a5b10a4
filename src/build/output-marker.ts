import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The file every build writes into the root of its output. A build replaces a non-empty folder
 * only when it holds this file, so `--out` can never wipe out a folder Multiplane did not make.
 *
 * It is written after the search index and the sitemap are made, so neither lists it, and a
 * dotfile is never a page. Static hosts serve it like any file (it reveals only the version of
 * Multiplane and when the site was built).
 */
export const BUILD_MARKER = '.multiplane-build.json';

/** What the marker holds. */
export interface BuildMarker {
  readonly generator: 'multiplane';
  /** Multiplane's version, from its package.json. */
  readonly version: string;
  /** When the build finished; SOURCE_DATE_EPOCH when set, so reproducible builds stay identical. */
  readonly builtAt: string;
  readonly edition: string;
}

const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/** Writes the marker into a finished site folder. */
export function writeBuildMarker(siteDir: string, edition: string, env: NodeJS.ProcessEnv = process.env): void {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const builtAt = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
  const marker: BuildMarker = { generator: 'multiplane', version: VERSION, builtAt: builtAt.toISOString(), edition };
  writeFileSync(join(siteDir, BUILD_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
}

/** Returns the marker of a folder, or undefined when it has none (or one that is not Multiplane's). */
export function readBuildMarker(folder: string): BuildMarker | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(folder, BUILD_MARKER), 'utf8')) as Partial<BuildMarker> | null;
    return marker?.generator === 'multiplane' ? (marker as BuildMarker) : undefined;
  } catch {
    return undefined;
  }
}
