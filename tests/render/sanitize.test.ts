import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
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

  it('leaves Markdown itself alone', async () => {
    const html = await render('# Title\n\n**bold** and `<script>` in code\n\n```html\n<script>ok()</script>\n```');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toMatch(/(&lt;|&#x3C;)script/);
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
