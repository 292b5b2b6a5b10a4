import type { Element } from 'hast';
import { ALLOWED_ELEMENTS, DATA_ATTRIBUTES, GLOBAL_ATTRIBUTES, isSafeUrl, REMOVED_ELEMENTS, URL_ATTRIBUTES } from './html-allowlist.ts';

/** What to do with an element of raw HTML. */
export type Verdict =
  | { readonly action: 'keep'; readonly properties: Element['properties'] }
  | { readonly action: 'remove' }
  | { readonly action: 'unwrap' };

/**
 * Decides the fate of one element: removed with its content, unwrapped to its content, or kept
 * with only allowed attributes (event handlers, inline styles and unsafe URLs dropped). It judges
 * the element alone: its children are judged in their turn (see sanitize-tree.ts).
 */
export function sanitizeElement(element: Pick<Element, 'tagName' | 'properties'>): Verdict {
  const tag = element.tagName.toLowerCase();
  if (REMOVED_ELEMENTS.has(tag)) return { action: 'remove' };
  const allowed = ALLOWED_ELEMENTS.get(tag);
  if (!allowed) return { action: 'unwrap' };
  // A GFM task list item's checkbox is the only input worth keeping, and it never takes input.
  if (tag === 'input' && String(element.properties?.type).toLowerCase() !== 'checkbox') return { action: 'remove' };
  const properties: Element['properties'] = {};
  for (const [name, value] of Object.entries(element.properties ?? {})) {
    if (!GLOBAL_ATTRIBUTES.has(name) && !allowed.includes(name) && !DATA_ATTRIBUTES.has(name)) continue;
    if (name.toLowerCase().startsWith('on')) continue;
    if (URL_ATTRIBUTES.has(name) && (typeof value !== 'string' || !isSafeUrl(value))) continue;
    properties[name] = value;
  }
  if (tag === 'input') properties.disabled = true;
  // Links to elsewhere never get to control this page through window.opener.
  if (tag === 'a' && typeof properties.href === 'string' && /^https?:/i.test(properties.href)) properties.rel = ['noopener', 'noreferrer'];
  return { action: 'keep', properties };
}
