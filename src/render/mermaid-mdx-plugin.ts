import type { Element } from 'hast';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { renderDiagrams } from '../diagrams/diagram-service.ts';
import { mermaidFigureHtml } from '../diagrams/mermaid/index.ts';

/** True for the `<code class="language-mermaid">` a fenced Mermaid block becomes. */
function isMermaidCode(node: Element['children'][number] | undefined): boolean {
  if (node?.type !== 'element' || node.tagName !== 'code') return false;
  const classes = node.properties?.className;
  return Array.isArray(classes) && classes.includes('language-mermaid');
}

/**
 * A Sätteri hast plugin that draws the Mermaid blocks of MDX entries. Markdown entries have theirs
 * cut out and drawn by the entry loader before rendering; an MDX entry compiles later, from its
 * file, inside Astro's MDX integration, so its blocks are replaced here. `npm run build` draws
 * every entry's diagrams into the cache beside Astro's process, so this waits for them and reads
 * the cache (src/diagrams/diagram-service.ts); in `astro dev` a new diagram is drawn by the same
 * shared renderer.
 */
export function mermaidInMdx(root: string): HastPluginEntry {
  return (context) =>
    context.sourceFormat === 'mdx' &&
    defineHastPlugin({
      name: 'multiplane-mermaid-in-mdx',
      options: { position: true },
      element: {
        filter: ['pre'],
        async visit(node, ctx) {
          const code = node.children.find((child) => child.type === 'element');
          if (!isMermaidCode(code)) return;
          // The code element's text ends with the newline before the closing fence.
          const source = ctx.textContent(code!).replace(/\n$/, '');
          const diagrams = await renderDiagrams(root, [source]);
          ctx.replaceNode(node, { type: 'raw', value: mermaidFigureHtml(diagrams.get(source), node.position?.start.line) });
        },
      },
    });
}
