import { createHash } from 'node:crypto';
import type { Nodes } from 'hast';
import { htmlToHast } from 'satteri';
import { viewText } from './page-bytes.ts';

/** An inline `<script>` of a built page, with the CSP source that would allow it. */
export interface InlineScript {
  /** The script's text, exactly as the browser hashes it (decoded, not a view). */
  readonly body: string;
  /** `'sha256-…'`, as written in a `script-src` directive. */
  readonly hash: string;
}

// A script start tag without a `src`, up to the end tag a browser recognises (`</script`
// followed by white space, `/` or `>`). This reads more than a browser runs (the text `<script>`
// inside an attribute value or a comment matches too), and less in one case: a script with ` src=`
// inside an attribute's value is taken for an external one. The policy has no hash for such a
// script, so it does not run either way. HTML's white space only: it runs on a page's view
// (src/build/page-bytes.ts).
const SCRIPT_TAG = /<script(?![^>]*[\t\n\f\r /]src[\t\n\f\r ]*=)(?:[\t\n\f\r ][^>]*|\/[^>]*)?>([^]*?)<\/script[\t\n\f\r />]/gi;

/**
 * Returns the CSP source that allows an inline script with this text: `'sha256-…'`. A script
 * taken from a page's view is given with `'latin1'`: its characters are then the bytes hashed.
 */
export function scriptHash(body: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  return `'sha256-${createHash('sha256').update(body, encoding).digest('base64')}'`;
}

/** The script whose text, as a page's view holds it, is `view`. */
function viewScript(view: string): InlineScript {
  let known = viewScripts.get(view);
  if (known === undefined) {
    // The view's characters are the script's bytes, which the browser hashes.
    known = { body: viewText(view), hash: scriptHash(view, 'latin1') };
    // Bounded, for a site whose pages each carry a script of their own.
    if (viewScripts.size >= KNOWN_SCRIPTS) viewScripts.clear();
    viewScripts.set(view, known);
  }
  return known;
}

// Every page carries the same few scripts (Starlight's theme, sidebar and search scripts): each is
// hashed once, not once per page (0.2 s of a build of 3,000 pages).
const viewScripts = new Map<string, InlineScript>();
const KNOWN_SCRIPTS = 256;

/**
 * Returns what looks like an inline script in a page's view, in document order, by its text
 * alone: fast enough for every page of a large site, but also listing `<script>` text that sits in
 * an attribute value or a comment (and missing the one case above `SCRIPT_TAG`). When one of
 * these is not allowed, read the page with `parsedInlineScripts` before concluding anything.
 * Scripts with only white space are left out.
 */
export function inlineScripts(view: string): InlineScript[] {
  const scripts: InlineScript[] = [];
  for (const match of view.matchAll(SCRIPT_TAG)) {
    const body = match[1] ?? '';
    if (!BLANK.test(body)) scripts.push(viewScript(body));
  }
  return scripts;
}

/**
 * Returns the inline scripts of a page as a browser's HTML parser finds them: HTML and SVG
 * `<script>` elements without `src` (or, in SVG, `href`), whatever the markup around them. Slower
 * than `inlineScripts`, so it only reads the pages that one found suspicious.
 */
export function parsedInlineScripts(view: string): InlineScript[] {
  const scripts: InlineScript[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'element') {
      const properties = node.properties ?? {};
      const external = 'src' in properties || 'href' in properties || 'xLinkHref' in properties || 'xlinkHref' in properties;
      if (node.tagName.toLowerCase() === 'script' && !external) {
        const body = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
        if (body.trim() !== '') scripts.push({ body, hash: scriptHash(body) });
      }
      const content = (node as { content?: Nodes }).content;
      if (content) visit(content);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(htmlToHast(viewText(view)) as Nodes);
  return scripts;
}

// A script of white space only runs nothing. (`trim()` would also take U+00A0, which in a view is
// a byte of another character.)
const BLANK = /^[\t\n\f\r ]*$/;
