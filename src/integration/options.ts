import type { PlatformModel } from '../core/model/build-model.ts';

/**
 * Options of the Multiplane integration. In `astro.config.mjs` none are needed: the integration
 * reads `content/` itself, and in `astro dev` keeps following it. `npm run build` passes what it
 * decided (edition, instant, folder) together with the model it already checked, so the site is
 * rendered from that model and no file is read or parsed twice.
 */
export interface MultiplaneOptions {
  /** The content folder, relative to the project root. Defaults to `content`. */
  readonly contentDir?: string;
  /** The edition to publish: `internal` (default) or `public`. */
  readonly edition?: 'internal' | 'public';
  /**
   * The instant review and backup ages are measured against. Defaults to `SOURCE_DATE_EPOCH`
   * when set, else the time the server or build starts.
   */
  readonly now?: Date;
  /**
   * The checked model. When given, it is what the site renders and the integration neither
   * reads the content folder nor checks it again (the caller did, and stopped on errors).
   */
  readonly model?: PlatformModel;
  /**
   * Who builds the search index: Starlight, at the end of Astro's build (default), or the caller
   * (`separate`), as `npm run build` does once Astro's process has ended to keep memory low.
   */
  readonly searchIndex?: 'starlight' | 'separate';
  /**
   * With `separate`, the folders of the search indexes beside `pagefind/` that the caller writes
   * and the search box searches too (src/build/search-shards.ts). None by default.
   */
  readonly mergedSearchIndexes?: readonly string[];
  /** A file to record when each step of the build was reached (`npm run build`'s timings). */
  readonly marksFile?: string;
  /**
   * Astro's cache folder (content store, pages reused by incremental builds). Defaults to
   * `.cache/multiplane/astro/dev/` in the project, outside node_modules so `npm ci` keeps it.
   */
  readonly cacheDir?: string;
}

/** The options with their defaults applied. */
export interface ResolvedOptions {
  readonly contentDir: string;
  readonly edition: 'internal' | 'public';
  readonly now: Date | undefined;
  readonly model: PlatformModel | undefined;
  readonly searchIndex: 'starlight' | 'separate';
  readonly mergedSearchIndexes: readonly string[];
  readonly marksFile: string | undefined;
  readonly cacheDir: string | undefined;
}

export function resolveOptions(options: MultiplaneOptions = {}): ResolvedOptions {
  return {
    contentDir: options.contentDir ?? 'content',
    edition: options.edition ?? 'internal',
    now: options.now,
    model: options.model,
    searchIndex: options.searchIndex ?? 'starlight',
    mergedSearchIndexes: options.searchIndex === 'separate' ? (options.mergedSearchIndexes ?? []) : [],
    marksFile: options.marksFile,
    cacheDir: options.cacheDir,
  };
}
