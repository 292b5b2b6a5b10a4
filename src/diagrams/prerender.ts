import type { AnyEntry } from '../core/content/entry.ts';
import { extractMermaidBlocks } from './mermaid/index.ts';
import type { MermaidRenderer } from './mermaid/index.ts';

export interface DiagramFailure {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface PrerenderResult {
  readonly diagrams: number;
  readonly failures: readonly DiagramFailure[];
}

/**
 * Renders every Mermaid block of every entry in one batch, before the site build, so that the
 * build only reads the cache and a broken diagram is reported as `file:line` before Astro runs.
 */
export async function prerenderDiagrams(entries: Iterable<AnyEntry>, renderer: MermaidRenderer): Promise<PrerenderResult> {
  const blocks = [...entries].flatMap((entry) =>
    extractMermaidBlocks(entry.body, entry.bodyLine).blocks.map((block) => ({ ...block, file: entry.file })),
  );
  if (blocks.length === 0) return { diagrams: 0, failures: [] };
  const results = await renderer.render(blocks.map((block) => block.source));
  const failures = blocks.flatMap((block) => {
    const result = results.get(block.source);
    return result && 'error' in result ? [{ file: block.file, line: block.line, message: result.error }] : [];
  });
  return { diagrams: blocks.length, failures };
}
