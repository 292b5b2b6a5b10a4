import { join } from 'node:path';
import { createMermaidRenderer, type MermaidRenderer } from './mermaid/index.ts';

// The content loaders (loaded through Vite) and the build command (loaded by Node) are separate
// module instances; one process-wide renderer keeps the promise of a single browser per build.
const KEY = Symbol.for('multiplane.mermaid-renderer');
type Holder = { [KEY]?: MermaidRenderer };

/** Where rendered diagrams are cached between builds, keyed by a hash of their source. */
export function diagramCacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'multiplane', 'mermaid');
}

/** Returns the process's Mermaid renderer, creating it on first use. */
export function sharedMermaidRenderer(root: string): MermaidRenderer {
  const holder = globalThis as Holder;
  holder[KEY] ??= createMermaidRenderer({ cacheDir: diagramCacheDir(root) });
  return holder[KEY];
}

/** Closes the process's renderer and its browser, if one was started. */
export async function closeSharedMermaidRenderer(): Promise<void> {
  const holder = globalThis as Holder;
  const renderer = holder[KEY];
  delete holder[KEY];
  await renderer?.close();
}
