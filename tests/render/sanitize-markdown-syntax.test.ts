import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../src/bench/random.ts';
import { body } from '../../src/bench/synthetic-text.ts';
import { codeLanguage } from '../../src/render/code-language.ts';
import { sanitizeRawHtml, sanitizeWholeTree } from '../../src/render/sanitize-plugin.ts';
import { liveMarkup } from './live-markup.ts';

// Starlight's own Markdown plugins (asides), as the site runs them: its package exports no path to
// them, so they are taken from their file. Entries are under `processedDirs`, here `content/`.
const starlight = (await import(new URL('../../node_modules/@astrojs/starlight/dist/integrations/satteri.js', import.meta.url).href)) as {
  starlightSatteriPlugins(options: unknown): { mdastPlugins: unknown[]; hastPlugins: unknown[] };
};
const root = new URL('file:///site/');
const { mdastPlugins } = starlight.starlightSatteriPlugins({
  astroConfig: { root, srcDir: new URL('src/', root) },
  starlightConfig: { markdown: { processedDirs: ['./content'], headingLinks: false } },
  absolutePathToLang: () => 'en',
  useTranslations: () => (key: string) => key.replace('aside.', '').replace(/^./, (letter) => letter.toUpperCase()),
});
const fileURL = new URL('content/articles/a.md', root);

const processor = (sanitizer: unknown) =>
  createSatteriMarkdownProcessor({ features: { rawHtml: true, directive: true }, mdastPlugins, hastPlugins: [sanitizer, codeLanguage] } as never);
const syntax = await processor(sanitizeRawHtml);
const whole = await processor(sanitizeWholeTree);
const render = async (renderer: Awaited<ReturnType<typeof processor>>, markdown: string) => (await renderer.render(markdown, { fileURL } as never)).code;

const DOCUMENTS = [
  ':::note\nA note with a [link elsewhere](https://example.com/docs) and a footnote.[^a]\n:::\n\n[^a]: The footnote.',
  ':::caution[Mind **the** gap]\nA caution with a [bad link](javascript:alert(1)) and ![an image](javascript:alert(2)).\n:::',
  ':::tip\n:::danger\nNested asides.\n:::\n:::',
  '- [x] done\n- [ ] open\n\n1. one\n2. two',
  'Visit www.example.com, https://example.org/path and ops@example.com.\n\n[ref][r] and [data](data:text/html,x)\n\n[r]: vbscript:msgbox',
  '| a | b |\n| - | :-: |\n| 1 | **2** |\n\n```bash title="x"\nmake deploy\n```\n\n    indented code\n\n> quoted *text*\n\n---\n\n~~gone~~',
  '# One\n\n## Two {#custom}\n\n### Three\n\nText with `code` & entities: &copy; &amp;.',
  ':::unknown\nNot an aside.\n:::\n\nA :text[directive] and ::leaf',
];

describe('Markdown without raw HTML', () => {
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());

  it('is sanitized as the whole-tree walk sanitizes it: asides, footnotes, links, task lists, tables', async () => {
    for (const markdown of DOCUMENTS) {
      expect(markdown).not.toContain('<');
      expect(await render(syntax, markdown), markdown).toBe(await render(whole, markdown));
    }
    // The fixtures do exercise the changes: an aside's icon, a dropped URL, a link marked noopener.
    const aside = await render(syntax, DOCUMENTS[0]!);
    expect(aside).toContain('<svg viewBox="0 0 24 24" width="16" height="16" fill="currentColor" class="starlight-aside__icon"><path');
    expect(aside).toContain('rel="noopener noreferrer"');
    const caution = await render(syntax, DOCUMENTS[1]!);
    expect(caution).not.toContain('javascript:');
    expect(liveMarkup(caution)).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('gives the same HTML as the walk for a thousand generated bodies', async () => {
    const random = seededRandom(7);
    for (let index = 0; index < 1000; index++) {
      const markdown = `${body(random, ['Overview', 'Runbook', 'Escalation'])}\n:::note\nSee [the docs](https://docs.example/${index}).\n:::\n`;
      expect(await render(syntax, markdown)).toBe(await render(whole, markdown));
    }
    expect(warnings).toEqual([]);
  });

  it('takes the walk as soon as a `<` could start raw HTML', async () => {
    const html = await render(syntax, ':::note\nText <img src=x onerror=alert(1)> and <!-- hidden -->.\n:::');
    expect(liveMarkup(html)).toEqual([]);
    expect(html).not.toContain('<!--');
    expect(html).toContain('Text <img src="x"> and .');
    expect(html).toContain('starlight-aside__icon');
  });
});
