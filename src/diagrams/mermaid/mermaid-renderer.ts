import type { BrowserType } from 'playwright-core';
import { diagramHash, readCachedSvg, writeCachedSvg } from './diagram-cache.ts';
import { MissingBrowserError } from '../../browser/find-chromium.ts';
import { finishSvg } from './finish-svg.ts';
import { MERMAID_THEME, renderBatch, type BatchResult } from './render-batch.ts';
import { createSharedBrowser, type SharedBrowser } from '../../browser/shared-browser.ts';

export interface MermaidRendererOptions {
  /** Folder holding one `<hash>.svg` per rendered diagram; created on first write. */
  readonly cacheDir: string;
  /** Environment to look for Chromium in; defaults to `process.env`. */
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** Receives a line per browser launch, per rendered batch and per cache write that failed. */
  readonly log?: ((message: string) => void) | undefined;
  /**
   * A browser shared with other build steps (the PDF), so a build starts Chromium at most once.
   * Its owner closes it; without one, the renderer keeps its own and `close()` closes it.
   */
  readonly browser?: SharedBrowser | undefined;
}

/** A diagram as inline SVG HTML, or Mermaid's message saying why it could not be drawn. */
export type DiagramResult = { readonly svg: string } | { readonly error: string };

/** Counts since the renderer was created. */
export interface MermaidRenderStats {
  /** Diagrams drawn by the browser. */
  readonly rendered: number;
  /** Diagrams taken from the cache. */
  readonly cached: number;
  /** Diagrams Mermaid rejected. */
  readonly failed: number;
  /** Real browser launches. */
  readonly launches: number;
  /** Wall-clock milliseconds spent in `render()`. */
  readonly ms: number;
}

export interface MermaidRenderer {
  /** Renders each distinct source once; the map is keyed by source. */
  render(sources: readonly string[]): Promise<Map<string, DiagramResult>>;
  stats(): MermaidRenderStats;
  /** Closes the browser, if one was launched. */
  close(): Promise<void>;
}

/** One distinct source of a `render()` call, and its result once known. */
interface Lookup {
  readonly source: string;
  readonly hash: string;
  result: DiagramResult | undefined;
}

/**
 * Returns a renderer that turns Mermaid sources into inline SVG, reusing `<cacheDir>/<hash>.svg`
 * where the source, renderer version and theme are unchanged. Uncached diagrams of one `render()`
 * call are drawn in one page of one Chromium shared by every call; Chromium is only looked for
 * and launched when something is not cached. A diagram with a syntax error yields `{ error }`;
 * only a missing or failing browser rejects.
 */
export function createMermaidRenderer(options: MermaidRendererOptions): MermaidRenderer {
  const browser = options.browser ?? createSharedBrowser({ env: options.env, log: options.log });
  let rendered = 0;
  let cached = 0;
  let failed = 0;
  let ms = 0;

  async function render(sources: readonly string[]): Promise<Map<string, DiagramResult>> {
    const started = performance.now();
    try {
      const lookups = await Promise.all(
        [...new Set(sources)].map(async (source): Promise<Lookup> => {
          const hash = diagramHash(source, MERMAID_THEME);
          const svg = await readCachedSvg(options.cacheDir, hash);
          return { source, hash, result: svg === undefined ? undefined : { svg } };
        }),
      );
      const missing = lookups.filter((lookup) => lookup.result === undefined);
      cached += lookups.length - missing.length;
      if (missing.length > 0) {
        const batch = await renderMissing(missing.map((lookup) => lookup.source));
        await Promise.all(missing.map((lookup, index) => settle(lookup, batch[index])));
        options.log?.(
          `Rendered ${missing.length} Mermaid diagram${missing.length === 1 ? '' : 's'} in ` +
            `${Math.round(performance.now() - started)} ms.`,
        );
      }
      return new Map(lookups.map(({ source, result }) => [source, result ?? { error: 'Mermaid returned no diagram.' }]));
    } finally {
      ms += performance.now() - started;
    }
  }

  async function settle(lookup: Lookup, outcome: BatchResult | undefined): Promise<void> {
    if (!outcome || 'error' in outcome) {
      // Errors are not cached: the fix is an edit, which changes the hash anyway, and a failure
      // caused by the environment should not outlive it.
      lookup.result = { error: outcome?.error ?? 'Mermaid returned no diagram.' };
      failed += 1;
      return;
    }
    const svg = finishSvg(outcome.svg, outcome.batchId, `mmd-${lookup.hash.slice(0, 12)}`);
    lookup.result = { svg };
    rendered += 1;
    try {
      await writeCachedSvg(options.cacheDir, lookup.hash, svg);
    } catch (error) {
      // The diagram is drawn; a cache that cannot be written only costs the next build time.
      const cause = error instanceof Error && error.cause instanceof Error ? ` ${error.cause.message}` : '';
      options.log?.(`${error instanceof Error ? error.message : String(error)}${cause}`);
    }
  }

  async function renderMissing(sources: readonly string[]) {
    try {
      // mermaid-isomorphic, inside rehype-mermaid, only calls `launch()`; this cast relies on it.
      return await renderBatch(sources, browser.browserType as BrowserType);
    } catch (cause) {
      if (cause instanceof MissingBrowserError) throw cause;
      throw new Error(`Failed to render ${sources.length} Mermaid diagram(s) in Chromium.`, { cause });
    }
  }

  return {
    render,
    stats: () => ({ rendered, cached, failed, launches: browser.launches(), ms: Math.round(ms) }),
    close: () => (options.browser ? Promise.resolve() : browser.close()),
  };
}
