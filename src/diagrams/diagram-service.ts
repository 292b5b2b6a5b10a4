import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSharedBrowser, type SharedBrowser } from '../browser/index.ts';
import { createMermaidRenderer, type MermaidRenderer } from './mermaid/index.ts';

// The content loaders (loaded through Vite) and the build command (loaded by Node) are separate
// module instances; process-wide singletons keep the promise of one browser per build.
const RENDERER = Symbol.for('multiplane.mermaid-renderer');
const BROWSER = Symbol.for('multiplane.shared-browser');
const DRAWN = Symbol.for('multiplane.diagrams-drawn');
type Holder = { [RENDERER]?: MermaidRenderer; [BROWSER]?: SharedBrowser; [DRAWN]?: Promise<void> };
const holder = globalThis as Holder;

/**
 * Where rendered diagrams are cached between builds, keyed by a hash of their source. Outside
 * node_modules, which `npm ci` empties, so CI keeps it between runs by caching .cache/multiplane/.
 */
export function diagramCacheDir(root: string): string {
  return join(root, '.cache', 'multiplane', 'mermaid');
}

/** The process's one Chromium, launched on first use by diagrams or the PDF (found through `env`). */
export function sharedBrowser(env: NodeJS.ProcessEnv = process.env): SharedBrowser {
  holder[BROWSER] ??= createSharedBrowser({ env });
  return holder[BROWSER];
}

/** Returns the process's Mermaid renderer, creating it on first use. */
export function sharedMermaidRenderer(root: string, env: NodeJS.ProcessEnv = process.env): MermaidRenderer {
  holder[RENDERER] ??= createMermaidRenderer({ cacheDir: diagramCacheDir(root), browser: sharedBrowser(env) });
  return holder[RENDERER];
}

/**
 * Tells this process that another one draws the diagrams into the cache beside it, and writes
 * `file` once every one is there (`npm run build`, whose Chromium draws them while Astro's process
 * loads and renders the entries without diagrams). `renderDiagrams` waits for the file first, so
 * the diagrams are read from the cache and this process never starts a browser of its own.
 */
export function diagramsDrawnBeside(file: string): void {
  holder[DRAWN] = (async () => {
    // The build process ends this one when it cannot draw them, so the wait never outlives it.
    while (!existsSync(file)) await sleep(DRAWN_POLL_MS);
  })();
}

const DRAWN_POLL_MS = 25;

/**
 * Renders `sources` with the process's renderer (from the cache when they are there), once the
 * process drawing them beside this one, if any (`diagramsDrawnBeside`), has finished.
 */
export async function renderDiagrams(root: string, sources: readonly string[]): ReturnType<MermaidRenderer['render']> {
  await holder[DRAWN];
  return sharedMermaidRenderer(root).render(sources);
}

/** Closes the process's renderer and browser, if they were started. */
export async function closeSharedMermaidRenderer(): Promise<void> {
  const renderer = holder[RENDERER];
  const browser = holder[BROWSER];
  delete holder[RENDERER];
  delete holder[BROWSER];
  await renderer?.close();
  await browser?.close();
}
