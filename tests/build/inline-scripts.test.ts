import { describe, expect, it } from 'vitest';
import { inlineScripts, parsedInlineScripts, scriptHash } from '../../src/build/inline-scripts.ts';
import { pageSource } from '../../src/build/page-source.ts';

describe('inlineScripts', () => {
  it('finds every script a browser would run inline, however it is spelt', () => {
    const html = [
      '<script>a()</script>',
      '<SCRIPT TYPE="module">b()</SCRIPT>',
      '<script/x>c()</script>',
      '<script data-src="y">d()</script >',
      '<svg><script>e()</script/></svg>',
      '<script\n>f()</script\t>',
    ].join('');
    expect(inlineScripts(html).map((script) => script.body)).toEqual(['a()', 'b()', 'c()', 'd()', 'e()', 'f()']);
  });

  it('leaves out external and empty scripts', () => {
    expect(inlineScripts('<script src="/a.js"></script><script type="module" src=/b.js>x</script><script/src=/c.js></script><script>\n</script>')).toEqual([]);
  });

  it('hashes the exact text, as the policy does', () => {
    expect(scriptHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(inlineScripts('<script> x </script>')[0]?.hash).toBe(scriptHash(' x '));
  });
});

describe('pageSource', () => {
  it('names the entry of an entry page, and the address of any other', () => {
    expect(pageSource('services/api/index.html')).toBe('the entry services/api (page /services/api/)');
    expect(pageSource('runbooks/services/restore/index.html')).toBe('the entry runbooks/services/restore (page /runbooks/services/restore/)');
    expect(pageSource('services/index.html')).toBe('the page /services/');
    expect(pageSource('deployments/page/2/index.html')).toBe('the page /deployments/page/2/');
    expect(pageSource('print/whitepaper/index.html')).toBe('the page /print/whitepaper/');
    expect(pageSource('index.html')).toBe('the page /');
    expect(pageSource('404.html')).toBe('the page /404.html');
  });
});

describe('parsedInlineScripts', () => {
  it('finds scripts as a browser parses the page, not as the text reads', () => {
    const html =
      '<!DOCTYPE html><html><head><title>&lt;script&gt;</title><meta content="<script>attribute()</script>"></head><body>' +
      '<!--> <script>afterAbruptComment()</script> -->' +
      '<svg><title><script>inSvgTitle()</script></title><script href="/x.js">external()</script></svg>' +
      '<textarea><script>inTextarea()</script></textarea>' +
      '<math><mtext><script>inMathText()</script></mtext></math>' +
      '<script src="/y.js"></script></body></html>';
    expect(inlineScripts(html).map((script) => script.body)).toEqual(
      expect.arrayContaining(['attribute()', 'afterAbruptComment()', 'inSvgTitle()', 'inTextarea()', 'inMathText()']),
    );
    expect(parsedInlineScripts(html).map((script) => script.body)).toEqual(['afterAbruptComment()', 'inSvgTitle()', 'inMathText()']);
  });
});
