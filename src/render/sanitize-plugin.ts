import type { Element } from 'hast';
import { defineHastPlugin } from 'satteri';
import { sanitizeElement } from './sanitize-element.ts';

/**
 * A Sätteri hast plugin that sanitizes raw HTML written in Markdown. It needs the `rawHtml`
 * feature, which parses embedded HTML into elements; it runs before the plugins of Starlight and
 * Expressive Code, so it only ever sees what the author wrote, never the markup they add.
 */
export const sanitizeRawHtml = defineHastPlugin({
  name: 'multiplane-sanitize-raw-html',
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
  // Comments can hide content from reviewers and carry conditional comments for old browsers.
  comment(node, context) {
    context.removeNode(node);
  },
});
