import { join } from 'node:path';
import { createSharedBrowser, type SharedBrowser } from '../browser/index.ts';
import { createMermaidRenderer, type MermaidRenderer } from './mermaid/index.ts';

// The content loaders (loaded through Vite) and the build command (loaded by Node) are separate
// module instances; process-wide singletons keep the promise of one browser per build.
const RENDERER = Symbol.for('multiplane.mermaid-renderer');
const BROWSER = Symbol.for('multiplane.shared-browser');
type Holder = { [RENDERER]?: MermaidRenderer; [BROWSER]?: SharedBrowser };
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

/** Closes the process's renderer and browser, if they were started. */
export async function closeSharedMermaidRenderer(): Promise<void> {
  const renderer = holder[RENDERER];
  const browser = holder[BROWSER];
  delete holder[RENDERER];
  delete holder[BROWSER];
  await renderer?.close();
  await browser?.close();
}
