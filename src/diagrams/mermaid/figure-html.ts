import type { DiagramResult } from './mermaid-renderer.ts';

/**
 * The HTML that takes a Mermaid block's place on a page: its SVG in a figure, or, when it could
 * not be drawn, the reason and where the block is, so the page says what went wrong.
 */
export function mermaidFigureHtml(result: DiagramResult | undefined, line: number | undefined): string {
  // Focusable, because a wide diagram scrolls sideways and keyboard users must reach it too.
  if (result && 'svg' in result) return `<figure class="mp-mermaid" tabindex="0">${result.svg}</figure>`;
  const where = line === undefined ? 'A diagram' : `Diagram at line ${line}`;
  return `<pre class="mp-mermaid-error">${where} could not be rendered: ${escapeHtml(result?.error ?? 'unknown error')}</pre>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
