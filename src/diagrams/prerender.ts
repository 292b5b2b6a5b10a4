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

/** One Mermaid block of an entry, where it is written. */
export interface DiagramBlock {
  readonly source: string;
  readonly file: string;
  readonly line: number;
}

/** Every Mermaid block of `entries`: all the build needs of the model to draw them. */
export function diagramBlocks(entries: Iterable<AnyEntry>): DiagramBlock[] {
  return [...entries].flatMap((entry) =>
    extractMermaidBlocks(entry.body, entry.bodyLine).blocks.map((block) => ({ source: block.source, file: entry.file, line: block.line })),
  );
}

/**
 * Renders every Mermaid block in one batch into the cache, so that the site build only reads the
 * cache and a broken diagram is reported as `file:line`.
 */
export async function prerenderDiagrams(blocks: readonly DiagramBlock[], renderer: MermaidRenderer): Promise<PrerenderResult> {
  if (blocks.length === 0) return { diagrams: 0, failures: [] };
  const results = await renderer.render(blocks.map((block) => block.source));
  const failures = blocks.flatMap((block) => {
    const result = results.get(block.source);
    return result && 'error' in result ? [{ file: block.file, line: block.line, message: result.error }] : [];
  });
  return { diagrams: blocks.length, failures };
}
