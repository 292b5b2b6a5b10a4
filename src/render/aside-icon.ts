import type { Element, ElementContent, Parents } from 'hast';

/**
 * Starlight's asides (`:::note` … `:::`) carry their icon as an SVG written into the Markdown
 * tree, so it reaches the sanitizer looking like raw HTML an author wrote. SVG is otherwise removed
 * (it can run script and load resources); the icon is kept, reduced to what Starlight's icons are
 * made of (an `svg` of `path`s, no styles, links or handlers), so an author who imitates an aside
 * gets at most a harmless drawing.
 */
const ICON_ATTRIBUTES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['svg', new Set(['viewBox', 'width', 'height', 'fill', 'className', 'ariaHidden'])],
  ['path', new Set(['d', 'fill', 'fillRule', 'clipRule', 'fillOpacity'])],
]);

/** The class names of an element, whether the tree holds them as a list or a string. */
export function classesOf(element: Pick<Element, 'properties'>): string[] {
  const value: unknown = element.properties?.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

/** True for the icon Starlight puts first in an aside's title. */
export function isAsideIcon(element: Element, parent: Parents | undefined): boolean {
  return (
    element.tagName === 'svg' &&
    classesOf(element).includes('starlight-aside__icon') &&
    parent?.type === 'element' &&
    parent.tagName === 'p' &&
    classesOf(parent).includes('starlight-aside__title')
  );
}

/** Returns the icon with only its drawing left, or undefined when the element is not an icon's part. */
export function sanitizeIcon(element: Element): Element | undefined {
  const allowed = ICON_ATTRIBUTES.get(element.tagName);
  if (!allowed) return undefined;
  const properties: Element['properties'] = {};
  for (const [name, value] of Object.entries(element.properties ?? {})) {
    if (allowed.has(name)) properties[name] = value;
  }
  const children: ElementContent[] = [];
  for (const child of element.children) {
    if (child.type !== 'element') continue;
    const clean = sanitizeIcon(child);
    if (clean) children.push(clean);
  }
  return { type: 'element', tagName: element.tagName, properties, children };
}
