export {
  CHROMIUM_ENV_VARS,
  findChromium,
  MissingBrowserError,
  SYSTEM_CHROMIUM_PATHS,
  type FindChromiumOptions,
} from './find-chromium.ts';
export { extractMermaidBlocks, substituteDiagrams, type ExtractedMermaid, type MermaidBlock } from './mermaid-blocks.ts';
export {
  createMermaidRenderer,
  type DiagramResult,
  type MermaidRenderer,
  type MermaidRendererOptions,
  type MermaidRenderStats,
} from './mermaid-renderer.ts';
export { MERMAID_THEME } from './render-batch.ts';
export { createSharedBrowser, LAUNCH_ARGS, type SharedBrowser, type SharedBrowserOptions } from './shared-browser.ts';
