import { sharedMermaidRenderer } from '../diagrams/diagram-service.ts';
import { type DiagramBlock, prerenderDiagrams } from '../diagrams/prerender.ts';

export interface DiagramsOutcome {
  readonly blocks: number;
  readonly rendered: number;
  readonly cached: number;
  readonly launches: number;
  /** Diagrams Mermaid rejected, as findings-style text; empty when all rendered. */
  readonly failures: readonly string[];
}

/**
 * Renders the Mermaid diagrams of every entry (`diagramBlocks`) into the cache, in the build's
 * process, beside Astro's: a broken diagram stops the build as `file:line`, and the site build
 * only reads the cache.
 */
export async function diagramsStep(blocks: readonly DiagramBlock[], root: string, env: NodeJS.ProcessEnv): Promise<DiagramsOutcome> {
  const renderer = sharedMermaidRenderer(root, env);
  const result = await prerenderDiagrams(blocks, renderer);
  const stats = renderer.stats();
  return {
    blocks: result.diagrams,
    rendered: stats.rendered,
    cached: stats.cached,
    launches: stats.launches,
    failures: result.failures.map(
      (failure) =>
        `${failure.file}:${failure.line}  error  mermaid-diagram\n  The Mermaid diagram cannot be rendered (its line numbers count from the fence): ${failure.message.replace(/\n/g, '\n    ')}\n  fix:   Correct the diagram's syntax (https://mermaid.js.org/intro/syntax-reference.html).\n`,
    ),
  };
}
