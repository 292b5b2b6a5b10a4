import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../src/render/html-allowlist.ts';
import { sanitizeRawHtml } from '../../src/render/sanitize-plugin.ts';
import { liveMarkup } from './live-markup.ts';
import { XSS_PAYLOADS } from './xss-payloads.ts';

// The same processor configuration the site uses for entries: Sätteri with raw HTML parsed and
// sanitized, before any other plugin.
const renderer = await createSatteriMarkdownProcessor({ features: { rawHtml: true }, hastPlugins: [sanitizeRawHtml] });
const render = async (markdown: string) => (await renderer.render(markdown)).code;

describe('raw HTML in Markdown', () => {
  for (const payload of XSS_PAYLOADS) {
    it(`neutralises ${payload.slice(0, 60)}`, async () => {
      const html = await render(`Before.\n\n${payload}\n\nAfter.`);
      expect(liveMarkup(html), html).toEqual([]);
      expect(html).toContain('Before.');
      expect(html).toContain('After.');
    });
  }

  it('keeps harmless HTML: details and summary, tables, kbd, sup and sub', async () => {
    const html = await render(
      '<details><summary>More</summary>Hidden text</details>\n\n<table><tr><th>Key</th></tr><tr><td>Value</td></tr></table>\n\nPress <kbd>Ctrl</kbd>+<kbd>K</kbd>, H<sub>2</sub>O, 2<sup>10</sup>.',
    );
    expect(html).toContain('<details><summary>More</summary>Hidden text</details>');
    expect(html).toMatch(/<table>.*<th>Key<\/th>.*<td>Value<\/td>.*<\/table>/s);
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).toContain('<sub>2</sub>');
    expect(html).toContain('<sup>10</sup>');
  });

  it('keeps safe links and images, and marks links to other sites noopener', async () => {
    const html = await render('<a href="https://example.com/x">out</a> <a href="/services/api/">in</a> <img src="/logo.png" alt="Logo">');
    expect(html).toContain('<a href="https://example.com/x" rel="noopener noreferrer">out</a>');
    expect(html).toContain('<a href="/services/api/">in</a>');
    expect(html).toContain('<img src="/logo.png" alt="Logo">');
  });

  it('unwraps unknown elements but keeps their text', async () => {
    expect(await render('<center><font color="red">Old school</font></center>')).toContain('Old school');
  });

  it("keeps Starlight's asides whole: the aside, its title and its icon", async () => {
    // What Starlight's `:::note` becomes before the sanitizer sees it (its Markdown plugin runs first).
    const aside =
      '<aside aria-label="Note" class="starlight-aside starlight-aside--note"><p class="starlight-aside__title" aria-hidden="true"><svg viewBox="0 0 24 24" width="16" height="16" fill="currentColor" class="starlight-aside__icon"><path fill-rule="evenodd" d="M12 2a10 10 0 1 0 0 20Z" clip-rule="evenodd"></path></svg>Note</p><div class="starlight-aside__content"><p>Read this.</p></div></aside>';
    expect((await render(aside)).trim()).toBe(aside);
  });

  it('draws no SVG outside an aside title', async () => {
    expect((await render('<p><svg class="starlight-aside__icon"><path d="M0 0"/></svg>Text</p>')).trim()).toBe('<p>Text</p>');
  });

  it('keeps task list checkboxes, disabled', async () => {
    const html = await render('- [x] done\n- [ ] open\n\n<input type="checkbox" checked>');
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" checked disabled> done</li>');
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" disabled> open</li>');
    expect(html).toContain('<input type="checkbox" checked disabled>');
  });

  it('keeps footnotes', async () => {
    const html = await render('Text[^1]\n\n[^1]: The note.');
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref');
    expect(html).toContain('<section data-footnotes="" class="footnotes">');
    expect(html).toContain('data-footnote-backref');
  });

  it("drops data attributes the site's scripts read, such as Pagefind's filters", async () => {
    const html = await render('<span data-pagefind-filter="owner">&lt;img src=x onerror=alert(1)&gt;</span> <p data-pagefind-meta="title:x" data-open-modal>Text</p>');
    expect(html).not.toContain('data-');
    expect(html).toContain('<p>Text</p>');
  });

  it('sanitizes documents nested deeper than Sätteri lets a plugin rebuild', async () => {
    const list = (levels: number) => Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');
    const deep = await render(`${list(300)}\n\n<img src="x" onerror="alert(1)">`);
    expect(deep).toContain('level 299');
    expect(liveMarkup(deep)).toEqual([]);
    // An unknown element around a deep list is unwrapped to its text, still sanitized.
    const wrapped = await render(`<x-wrap>\n\n${list(150)}\n\n<script>alert(2)</script>\n\n</x-wrap>`);
    expect(wrapped).toContain('level 149');
    expect(liveMarkup(wrapped)).toEqual([]);
  });

  it('leaves Markdown itself alone', async () => {
    const html = await render('# Title\n\n**bold** and `<script>` in code\n\n```html\n<script>ok()</script>\n```');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toMatch(/(&lt;|&#x3C;)script/);
  });
});

describe('Markdown syntax in trusted MDX', () => {
  it('loses unsafe URLs and marks links to other sites noopener, JSX left to the author', async () => {
    const compiled = await mdxToJs('A [bad](javascript:alert(1)) and [out](https://example.com) link.\n\n<Note kind="x">JSX</Note>\n', { hastPlugins: [sanitizeRawHtml] });
    const code = typeof compiled === 'string' ? compiled : compiled.code;
    expect(code).not.toContain('javascript:');
    expect(code).toMatch(/href: "https:\/\/example\.com",\s*rel: "noopener noreferrer"/);
    expect(code).toContain('Note');
  });
});

describe('URL schemes', () => {
  it('allows web, mail, phone and relative addresses only', () => {
    for (const url of ['https://a.example', 'http://a', 'mailto:x@y', 'tel:+1', '/path', '#anchor', './x', '../y', 'page.html', 'dir/page?x=1#y']) {
      expect(isSafeUrl(url), url).toBe(true);
    }
    for (const url of ['javascript:alert(1)', ' javascript:x', 'java\nscript:x', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd']) {
      expect(isSafeUrl(url), url).toBe(false);
    }
  });
});

describe('the live-markup detector these tests rely on', () => {
  it('finds the payloads when nothing sanitizes them', async () => {
    const unsafe = await createSatteriMarkdownProcessor({ features: { rawHtml: true } });
    let live = 0;
    for (const payload of XSS_PAYLOADS) {
      if (liveMarkup((await unsafe.render(payload)).code).length > 0) live++;
    }
    expect(live).toBeGreaterThanOrEqual(15);
  });
});
