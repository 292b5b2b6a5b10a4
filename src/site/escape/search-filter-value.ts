// Look-alikes for the characters HTML gives a meaning to in text. No entity decoding can turn
// them back into markup.
const LOOK_ALIKES: Readonly<Record<string, string>> = { '<': '\uff1c', '>': '\uff1e', '&': '\uff06' };

/**
 * Returns a value to write into a `data-pagefind-filter` element: the text with `<`, `>` and `&`
 * replaced by their full-width look-alikes (＜ ＞ ＆), so that the search dialog can only show it
 * as text.
 *
 * Pagefind UI puts filter values into the filter list as HTML (`{@html value}` in
 * @pagefind/default-ui's filters.svelte), so an owner named `<img src=x onerror=…>` became a live
 * element there. Escaping is not enough: Pagefind 1.5 decodes a filter's text twice on its way to
 * the UI (`&amp;lt;` in the page arrives as `<`), and how often a later version decodes is not
 * ours to rely on. A value without these characters has nothing to decode or parse.
 *
 * Not for `data-pagefind-meta`: Pagefind UI renders meta values (and titles) as text already.
 */
export function searchFilterValue(value: string): string {
  return value.replace(/[<>&]/g, (char) => LOOK_ALIKES[char] ?? char);
}
