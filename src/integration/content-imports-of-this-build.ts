import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { acquireLock, waitingFor } from '../build/build-lock.ts';

/**
 * The two modules Astro's content sync writes into the project's `.astro/` folder and its bundler
 * reads back: the MDX entries' modules (`content-modules.mjs`) and the images entries use
 * (`content-assets.mjs`). The folder is the project's, not the build's: two builds of one project
 * at once (the internal and the public edition, two content folders) each wrote them over the
 * other's between its sync and its bundling, and one of them bundled the other's list, its MDX
 * pages then failing to render ("Unexpected error while rendering"). Each build now takes a lock
 * of the project for its sync alone, keeps the two modules as its sync wrote them, and bundles
 * those (`contentImportsOfThisBuild`).
 */
export const CONTENT_IMPORT_FILES = ['content-modules.mjs', 'content-assets.mjs'] as const;

/** The project-wide lock around a build's content sync. */
export function syncLockFile(root: string): string {
  return join(root, '.cache', 'multiplane', 'astro-sync.lock');
}

/** The modules one build's sync wrote, by file path, taken while it held the sync lock. */
export class ContentImports {
  readonly #dotAstro: string;
  readonly #kept = new Map<string, string>();
  #release: (() => void) | undefined;

  constructor(dotAstro: string) {
    this.#dotAstro = dotAstro;
  }

  /** Waits for any other build of the project to be done with its sync, then holds the lock. */
  async lock(root: string, log: (line: string) => void): Promise<void> {
    const file = syncLockFile(root);
    mkdirSync(dirname(file), { recursive: true });
    this.#release = await acquireLock(file, (holder) => log(waitingFor(holder, 'this project', file, 'to finish its content sync')));
  }

  /** Keeps the modules as the sync wrote them, and lets the lock go. */
  keep(): void {
    try {
      for (const name of CONTENT_IMPORT_FILES) {
        const file = join(this.#dotAstro, name);
        if (existsSync(file)) this.#kept.set(file, readFileSync(file, 'utf8'));
      }
    } finally {
      this.#release?.();
      this.#release = undefined;
    }
  }

  /** The code this build's sync wrote to `file`, if it is one of the modules kept. */
  code(file: string): string | undefined {
    return this.#kept.get(file);
  }
}

/**
 * A Vite plugin that bundles the content modules this build's sync wrote (`imports`), not those
 * on disk now, which another build may have written since. Astro resolves both to their files in
 * `.astro/`; the plugin loads that very file's kept code, marked as content data, as Astro marks
 * it, so that an incremental build reuses pages as before.
 */
export function contentImportsOfThisBuild(imports: ContentImports): Plugin {
  return {
    name: 'multiplane:content-imports-of-this-build',
    apply: 'build',
    enforce: 'pre',
    load: {
      filter: { id: /[\\/]\.astro[\\/]content-(?:modules|assets)\.mjs$/ },
      handler(id) {
        const code = imports.code(id.startsWith('file:') ? fileURLToPath(id) : id);
        if (code === undefined) return undefined;
        return { code, meta: { astroIncremental: { kind: 'content-data' } } };
      },
    },
  };
}
