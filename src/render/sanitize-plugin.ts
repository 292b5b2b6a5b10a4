import type { Element, Root } from 'hast';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { sanitizeElement } from './sanitize-element.ts';
import { sanitizePatches } from './sanitize-tree.ts';

/**
 * Markdown: the tree is sanitized before any visitor runs, with the changes `sanitizePatches`
 * lists. It needs the `rawHtml` feature, which parses embedded HTML into elements; it runs before
 * the plugins of Starlight and Expressive Code, so it only ever sees what the author wrote (and
 * the asides Starlight built from it in Markdown form), never the markup they add later.
 */
const sanitizeMarkdown = defineHastPlugin({
  name: 'multiplane-sanitize-raw-html',
  before(root, context) {
    for (const patch of sanitizePatches(root as Root)) {
      if (patch.kind === 'remove') context.removeNode(patch.node);
      else if (patch.kind === 'replace') context.replaceNode(patch.node, patch.content);
      else {
        const before = patch.node.properties ?? {};
        for (const name of Object.keys(before)) if (!(name in patch.properties)) context.setProperty(patch.node, name, undefined);
        for (const [name, value] of Object.entries(patch.properties)) if (before[name] !== value) context.setProperty(patch.node, name, value);
      }
    }
  },
});

/**
 * MDX (trusted collections only): HTML there is JSX, which the author's MDX may use freely;
 * the elements Markdown syntax produced still lose unsafe URLs and handlers (a
 * `[link](javascript:…)`). Elements are patched in place: none of them is removed or unwrapped
 * with children that would need patching too.
 */
const sanitizeMdx = defineHastPlugin({
  name: 'multiplane-sanitize-mdx-markdown',
  element: {
    filter: [],
    visit(node, context) {
      const verdict = sanitizeElement(node);
      if (verdict.action === 'remove') {
        context.removeNode(node);
        return;
      }
      if (verdict.action === 'unwrap') {
        context.replaceNode(node, [...(node as Element).children]);
        return;
      }
      const before = node.properties ?? {};
      for (const name of Object.keys(before)) {
        if (!(name in (verdict.properties ?? {}))) context.setProperty(node, name, undefined);
      }
      for (const [name, value] of Object.entries(verdict.properties ?? {})) {
        if (before[name] !== value) context.setProperty(node, name, value);
      }
    },
  },
});

/** A Sätteri hast plugin that sanitizes the HTML of entries: raw HTML in Markdown, URLs in both. */
export const sanitizeRawHtml: HastPluginEntry = (context) => (context.sourceFormat === 'mdx' ? sanitizeMdx : sanitizeMarkdown);
