import type { Element, ElementContent } from 'hast';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';

/**
 * The language of a `<code class="language-bash">`, when it has one and is not already given as
 * `data.lang`; undefined otherwise.
 */
export function missingLanguage(code: Element): string | undefined {
  if (typeof code.data === 'object' && code.data !== null && 'lang' in code.data && code.data.lang) return undefined;
  const classes = code.properties?.className;
  const match = Array.isArray(classes) ? classes.find((name) => typeof name === 'string' && name.startsWith('language-')) : undefined;
  const language = typeof match === 'string' ? match.slice('language-'.length) : '';
  return language === '' ? undefined : language;
}

/**
 * Gives a Markdown entry's code blocks their language back, so Expressive Code highlights them.
 * With the `rawHtml` feature, which the sanitizer needs, Sätteri builds the tree from HTML: a
 * fenced block keeps its `language-bash` class but loses the `data.lang` that Expressive Code
 * reads, and every block was highlighted as plain text. The block is replaced by a copy that
 * carries the language as data; its text is unchanged. The fence's meta (`title="…"`) is lost the
 * same way and has no class to recover it from, so it stays lost.
 *
 * It runs after the sanitizer (which leaves classes alone) and before Starlight's plugins.
 * MDX keeps the data, so MDX entries are left alone.
 */
export const codeLanguage: HastPluginEntry = (context) =>
  context.sourceFormat !== 'mdx' &&
  defineHastPlugin({
    name: 'multiplane-code-language',
    element: {
      filter: ['pre'],
      visit(node) {
        const [code, ...rest] = node.children;
        if (rest.length > 0 || code?.type !== 'element' || code.tagName !== 'code') return;
        // Only blocks of plain text, as fences produce: that is all Expressive Code takes.
        if (!code.children.every((child) => child.type === 'text')) return;
        const language = missingLanguage(code);
        if (!language) return;
        const children: ElementContent[] = code.children.map((child) => ({ type: 'text', value: child.type === 'text' ? child.value : '' }));
        const copy: Element = { type: 'element', tagName: 'code', properties: { ...code.properties }, data: { lang: language, meta: '' } as unknown as Element['data'], children };
        return { type: 'element', tagName: 'pre', properties: { ...node.properties }, children: [copy] } satisfies Element;
      },
    },
  });
