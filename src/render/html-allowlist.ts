/**
 * What raw HTML written in Markdown may contain. Everything not listed is removed (dangerous
 * elements with their content) or unwrapped (unknown elements, keeping their text), so harmless
 * HTML such as details/summary, tables, kbd, sup and sub keeps working and nothing can run.
 */

/**
 * Elements removed together with their content: they run code, embed other documents, restyle the
 * page or take input (an `input` other than a task list's checkbox is removed too).
 */
export const REMOVED_ELEMENTS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'link', 'meta',
  'form', 'button', 'textarea', 'select', 'option', 'template', 'noscript', 'svg', 'math',
  'title', 'head', 'html', 'body', 'portal', 'dialog', 'slot',
]);

/**
 * Elements kept, with the attributes each may carry (besides the global ones). `aside` is here
 * because Starlight's `:::note` asides become one; `input` only ever as the disabled checkbox of a
 * GFM task list (see sanitize-element.ts).
 */
export const ALLOWED_ELEMENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ...['abbr', 'aside', 'b', 'bdi', 'br', 'caption', 'code', 'dd', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'hr', 'i', 'kbd', 'mark', 'p', 'pre', 'rp', 'rt', 'ruby', 'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'tbody', 'tfoot', 'thead', 'tr', 'u', 'ul', 'var', 'wbr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 's', 'cite', 'bdo', 'picture']
    .map((tag): [string, readonly string[]] => [tag, []]),
  ['a', ['href', 'name', 'rel', 'hreflang']],
  ['img', ['src', 'alt', 'width', 'height', 'loading', 'decoding']],
  ['source', ['srcset', 'type', 'media']],
  ['blockquote', ['cite']],
  ['q', ['cite']],
  ['del', ['cite', 'dateTime']],
  ['ins', ['cite', 'dateTime']],
  ['details', ['open']],
  ['ol', ['start', 'type', 'reversed']],
  ['li', ['value']],
  ['table', ['summary']],
  ['td', ['colSpan', 'rowSpan', 'headers', 'align']],
  ['th', ['colSpan', 'rowSpan', 'headers', 'scope', 'abbr', 'align']],
  ['col', ['span']],
  ['colgroup', ['span']],
  ['time', ['dateTime']],
  ['input', ['type', 'checked', 'disabled']],
]);

/** Attributes any kept element may carry. `style` is not among them: inline CSS can disguise content. */
export const GLOBAL_ATTRIBUTES = new Set(['id', 'className', 'title', 'lang', 'dir', 'hidden', 'role', 'ariaLabel', 'ariaHidden', 'ariaDescribedBy', 'ariaLabelledBy']);

/**
 * The `data-*` attributes kept: those GFM footnotes carry. Any other is dropped, because the
 * site's own scripts read data attributes: `data-pagefind-filter` and `data-pagefind-meta`, for
 * one, would let a body choose what the search dialog renders as HTML.
 */
export const DATA_ATTRIBUTES = new Set(['dataFootnotes', 'dataFootnoteRef', 'dataFootnoteBackref']);

/** Attributes holding a URL, checked against the allowed schemes. */
export const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'srcset']);

const SAFE_URL = /^(?:https?:|mailto:|tel:|#|\/|\.{1,2}\/|[^:/?#]*(?:[/?#]|$))/i;

/**
 * True when a URL may stay: http(s), mailto, tel, or a relative address. Browsers ignore tabs,
 * newlines and leading controls inside a scheme ("java\tscript:"), so those are removed before
 * the scheme is read.
 */
export function isSafeUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return SAFE_URL.test(compact);
}
