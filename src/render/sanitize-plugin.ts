import type { Element, Parents, Root } from 'hast';
import { defineHastPlugin, type HastPluginDefinition, type HastPluginEntry } from 'satteri';
import { sanitizeElement } from './sanitize-element.ts';
import { elementPatch, type Patch, sanitizePatches } from './sanitize-tree.ts';

/**
 * Markdown that may hold raw HTML: the tree is sanitized before any visitor runs, with the changes
 * `sanitizePatches` lists. It needs the `rawHtml` feature, which parses embedded HTML into
 * elements; it runs before the plugins of Starlight and Expressive Code, so it only ever sees what
 * the author wrote (and the asides Starlight built from it in Markdown form), never the markup
 * they add later.
 */
const sanitizeMarkdown = defineHastPlugin({
  name: 'multiplane-sanitize-raw-html',
  before(root, context) {
    for (const patch of sanitizePatches(root as Root)) applyPatch(patch, context);
  },
});

/**
 * Markdown without a `<` holds no raw HTML (every HTML block, tag, comment and autolink starts
 * with one): its elements all come from Markdown syntax and Starlight's aside icons, and it has no
 * comments or raw nodes to drop. Visiting its elements makes the same changes as
 * `sanitizeMarkdown` does, without building every node of the tree, text included, in JavaScript:
 * the bench's 3,000 bodies render through Sätteri in 3.7–3.9 s instead of 4.8–4.9 s
 * (scripts/bench-sanitize.ts, which also checks that both give the same HTML).
 */
const sanitizeMarkdownSyntax = () => {
  // Elements removed or replaced, by parent and index (a pass hands out one object per parent, but
  // not per child): nothing is changed inside them (Sätteri would drop the change and warn), as
  // `sanitizePatches` changes nothing inside them either.
  const gone = new Map<unknown, Set<number>>();
  return defineHastPlugin({
    name: 'multiplane-sanitize-markdown',
    element: {
      filter: [],
      visit(node, context) {
        const parent = context.parent(node);
        if (gone.size > 0) {
          for (let up: Readonly<Parents> | undefined = parent; up?.type === 'element'; up = context.parent(up)) {
            if (gone.get(context.parent(up))?.has(context.indexOf(up) ?? -1)) return;
          }
        }
        const patch = elementPatch(node as Element, parent as Parents);
        if (!patch) return;
        if (patch.kind !== 'properties') {
          const siblings = gone.get(parent) ?? new Set<number>();
          siblings.add(context.indexOf(node) ?? -1);
          gone.set(parent, siblings);
        }
        applyPatch(patch, context);
      },
    },
  });
};

type HastContext = Parameters<NonNullable<HastPluginDefinition['before']>>[1];

function applyPatch(patch: Patch, context: HastContext): void {
  if (patch.kind === 'remove') context.removeNode(patch.node);
  else if (patch.kind === 'replace') context.replaceNode(patch.node, patch.content);
  else {
    const before = patch.node.properties ?? {};
    for (const name of Object.keys(before)) if (!(name in patch.properties)) context.setProperty(patch.node, name, undefined);
    for (const [name, value] of Object.entries(patch.properties)) if (before[name] !== value) context.setProperty(patch.node, name, value);
  }
}

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
      const element = node as Element;
      const verdict = sanitizeElement(element);
      if (verdict.action === 'remove') applyPatch({ kind: 'remove', node: element }, context);
      else if (verdict.action === 'unwrap') applyPatch({ kind: 'replace', node: element, content: [...element.children] }, context);
      else applyPatch({ kind: 'properties', node: element, properties: verdict.properties ?? {} }, context);
    },
  },
});

/** A Sätteri hast plugin that sanitizes the HTML of entries: raw HTML in Markdown, URLs in both. */
export const sanitizeRawHtml: HastPluginEntry = (context) => {
  if (context.sourceFormat === 'mdx') return sanitizeMdx;
  return context.source.includes('<') ? sanitizeMarkdown : sanitizeMarkdownSyntax();
};

/** The sanitizer that walks the whole tree, for any Markdown: what `sanitizeRawHtml` must match on Markdown without a `<`. */
export const sanitizeWholeTree: HastPluginEntry = (context) => (context.sourceFormat === 'mdx' ? sanitizeMdx : sanitizeMarkdown);
