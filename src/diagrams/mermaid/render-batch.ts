import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Element, ElementContent, Root } from 'hast';
import type { BrowserType } from 'playwright-core';
import { unified } from 'unified';

/** Mermaid's built-in greyscale theme: readable on white, and on black once the site inverts it. */
export const MERMAID_THEME = 'neutral';

/**
 * The font diagrams are laid out in: the sans serif of the printed whitepaper, loaded into the
 * rendering page so labels are measured in it. The site does not load it and shows them in the
 * fallback, which is narrower, so no label outgrows its box.
 */
export const DIAGRAM_FONT = "Inter, 'Liberation Sans', Arial, sans-serif";
const require = createRequire(import.meta.url);
const FONT_CSS = ['@fontsource/inter/400.css', '@fontsource/inter/600.css'].map((name) => pathToFileURL(require.resolve(name)));

/**
 * Prefix of the ids Mermaid gives the diagrams of a batch (`<prefix>-<index>`). Unusual on purpose:
 * `scopeSvgIds` rewrites every occurrence, so it must not appear in a diagram's own text.
 */
export const BATCH_ID_PREFIX = 'multiplanebatch';

/** One diagram's outcome: its SVG element as rehype-mermaid produced it, or Mermaid's message. */
export type BatchResult = { readonly svg: Element; readonly batchId: string } | { readonly error: string };

/**
 * Renders all `sources` in one rehype-mermaid run, so the whole batch costs one page load, and
 * returns one result per source in the same order. A diagram Mermaid rejects yields its message;
 * only a failure of the browser itself rejects.
 */
export async function renderBatch(sources: readonly string[], browserType: BrowserType): Promise<BatchResult[]> {
  // Loaded when a diagram is drawn, not when the build starts: with Playwright behind it, it costs
  // 0.3 s to load, and a build whose diagrams are all cached never draws one.
  const { default: rehypeMermaid } = await import('rehype-mermaid');
  const errors = new Map<number, string>();
  const root: Root = { type: 'root', children: sources.map(codeBlock) };
  await unified()
    .use(rehypeMermaid, {
      browserType,
      prefix: BATCH_ID_PREFIX,
      strategy: 'inline-svg',
      mermaidConfig: { theme: MERMAID_THEME, fontFamily: DIAGRAM_FONT },
      css: FONT_CSS,
      errorFallback(element, _diagram, error) {
        errors.set(Number(element.properties['dataBatchIndex']), messageOf(error));
        // rehype-mermaid removes the block when nothing is returned; a placeholder keeps every
        // result at its source's index.
        return { type: 'element', tagName: 'template', properties: {}, children: [] };
      },
    })
    .run(root);
  return sources.map((_, index): BatchResult => {
    const node = root.children[index];
    if (node?.type === 'element' && node.tagName === 'svg') {
      return { svg: node, batchId: `${BATCH_ID_PREFIX}-${index}` };
    }
    return { error: errors.get(index) ?? 'Mermaid returned no diagram.' };
  });
}

function codeBlock(source: string, index: number): ElementContent {
  return {
    type: 'element',
    tagName: 'pre',
    properties: { dataBatchIndex: index },
    children: [
      {
        type: 'element',
        tagName: 'code',
        properties: { className: ['language-mermaid'] },
        children: [{ type: 'text', value: source }],
      },
    ],
  };
}

// Errors come back from the page as plain objects given Error's prototype; their stack points into
// Mermaid's bundle and helps nobody fix a diagram, so only the message is kept.
function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.trim();
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message).trim();
  return String(error);
}
