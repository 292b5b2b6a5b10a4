import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { Element } from 'hast';
import { defineHastPlugin } from 'satteri';
import { describe, expect, it } from 'vitest';
import { codeLanguage } from '../../src/render/code-language.ts';
import { sanitizeRawHtml } from '../../src/render/sanitize-plugin.ts';

/**
 * Renders Markdown with the site's processor settings (raw HTML on, sanitized first, then the
 * language restored) and returns what a later plugin, as Expressive Code is, sees of each block.
 */
async function blocksSeen(markdown: string): Promise<{ lang: unknown; text: string }[]> {
  const seen: { lang: unknown; text: string }[] = [];
  const later = defineHastPlugin({
    name: 'test-later-plugin',
    element: {
      filter: ['pre'],
      visit(node, context) {
        const code = node.children[0] as Element | undefined;
        const data = code?.data as { lang?: unknown } | undefined;
        seen.push({ lang: data?.lang, text: code ? context.textContent(code) : '' });
      },
    },
  });
  // Starlight turns Astro's own highlighter off and lets Expressive Code highlight instead.
  const renderer = await createSatteriMarkdownProcessor({ syntaxHighlight: false, features: { rawHtml: true }, hastPlugins: [sanitizeRawHtml, codeLanguage, later] });
  await renderer.render(markdown);
  return seen;
}

describe('the language of code blocks in Markdown entries', () => {
  it('reaches the plugins after it as data, with the text unchanged', async () => {
    const seen = await blocksSeen('Run:\n\n```bash\nkubectl get pods | grep -v Running\n```\n\n<div>raw HTML</div>\n\n~~~sql\nSELECT 1;\n~~~\n');
    expect(seen).toEqual([
      { lang: 'bash', text: 'kubectl get pods | grep -v Running\n' },
      { lang: 'sql', text: 'SELECT 1;\n' },
    ]);
  });

  it('leaves a block without a language without one', async () => {
    expect(await blocksSeen('```\nplain\n```\n')).toEqual([{ lang: undefined, text: 'plain\n' }]);
  });

  it('keeps the escaped text of a block as text', async () => {
    expect(await blocksSeen('```html\n<script>alert(1)</script>\n```\n')).toEqual([{ lang: 'html', text: '<script>alert(1)</script>\n' }]);
  });
});
