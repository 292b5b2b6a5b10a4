export { extractMermaidBlocks, substituteDiagrams, type ExtractedMermaid, type MermaidBlock } from './mermaid-blocks.ts';
export {
  createMermaidRenderer,
  type DiagramResult,
  type MermaidRenderer,
  type MermaidRendererOptions,
  type MermaidRenderStats,
} from './mermaid-renderer.ts';
export { mermaidFigureHtml } from './figure-html.ts';
export { MERMAID_THEME } from './render-batch.ts';
