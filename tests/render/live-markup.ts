import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';

const DANGEROUS = new Set(['script', 'iframe', 'object', 'embed', 'style', 'base', 'meta', 'form', 'frame', 'frameset', 'applet']);

/**
 * Parses HTML as a browser would and lists what could run or take over the page: dangerous
 * elements, event-handler attributes, script and data URLs, inline styles. Escaped text that
 * merely shows a payload is not live and is not listed.
 */
export function liveMarkup(html: string, { allowScripts = false } = {}): string[] {
  const found: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'element') {
      const element = node as Element;
      const tag = element.tagName;
      if (DANGEROUS.has(tag) && !(allowScripts && (tag === 'script' || tag === 'style' || tag === 'meta'))) found.push(`<${tag}>`);
      for (const [name, value] of Object.entries(element.properties ?? {})) {
        if (/^on/i.test(name)) found.push(`<${tag} ${name}>`);
        const text = Array.isArray(value) ? value.join(' ') : String(value);
        if (['href', 'src', 'action', 'formAction', 'background', 'cite'].includes(name) && /^\s*(javascript|vbscript|data):/i.test(text.replace(/[\u0000-\u0020]/g, ''))) {
          found.push(`<${tag} ${name}=${text.slice(0, 30)}>`);
        }
        if (name === 'style' && /position\s*:\s*fixed|url\(/i.test(text)) found.push(`<${tag} style=${text.slice(0, 30)}>`);
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(fromHtml(html));
  return found;
}
