import type { Element, ElementContent, Nodes, Parents, Root, RootContent } from 'hast';
import { isAsideIcon, sanitizeIcon } from './aside-icon.ts';
import { sanitizeElement } from './sanitize-element.ts';

/** One change to a Markdown entry's HTML tree that makes it safe. */
export type Patch =
  | { readonly kind: 'remove'; readonly node: RootContent }
  | { readonly kind: 'replace'; readonly node: RootContent; readonly content: ElementContent[] }
  | { readonly kind: 'properties'; readonly node: Element; readonly properties: NonNullable<Element['properties']> };

// Sätteri refuses replacement content nested deeper than 128 levels; past this depth an unwrapped
// element's content is kept as its text alone.
const MAX_REPLACEMENT_DEPTH = 100;

/**
 * Returns the changes that sanitize a Markdown entry's HTML tree, top down: elements removed or
 * unwrapped (their content sanitized in its turn), kept elements reduced to allowed attributes
 * (see `sanitizeElement`); comments (they can hide content from reviewers and carry conditional
 * comments for old browsers), doctypes and unparsed raw HTML removed.
 *
 * No change is ever made inside a node that another change removes or replaces: Sätteri drops a
 * change queued on a node whose ancestor was already replaced, so unwrapping `<x><script>` and
 * then removing the script would keep the script. A replacement carries its content sanitized.
 */
export function sanitizePatches(root: Root): Patch[] {
  const patches: Patch[] = [];
  const walk = (parent: Parents) => {
    for (const node of parent.children) {
      if (node.type === 'text') continue;
      if (node.type !== 'element') {
        patches.push({ kind: 'remove', node });
        continue;
      }
      const patch = elementPatch(node, parent);
      if (patch) patches.push(patch);
      // A removed or replaced element's content is dealt with in the patch itself.
      if (!patch || patch.kind === 'properties') walk(node);
    }
  };
  walk(root);
  return patches;
}

/**
 * The change that makes one element safe, judged alone (its children in their turn), or undefined
 * when it is safe as it is: Starlight's aside icon reduced to its drawing, an element removed, one
 * unwrapped to its sanitized content, or its attributes reduced to the allowed ones.
 */
export function elementPatch(node: Element, parent: Parents): Patch | undefined {
  if (isAsideIcon(node, parent)) {
    const icon = sanitizeIcon(node);
    return icon ? { kind: 'replace', node, content: [icon] } : { kind: 'remove', node };
  }
  const verdict = sanitizeElement(node);
  if (verdict.action === 'remove') return { kind: 'remove', node };
  if (verdict.action === 'unwrap') return { kind: 'replace', node, content: shallow(sanitizeChildren(node.children, parent)) };
  return sameProperties(node.properties ?? {}, verdict.properties ?? {}) ? undefined : { kind: 'properties', node, properties: verdict.properties ?? {} };
}

/** Returns a sanitized copy of a tree: what applying `sanitizePatches` leaves. */
export function sanitizeTree(root: Root): Root {
  return { type: 'root', children: sanitizeChildren(root.children, root) as RootContent[] };
}

function sanitizeChildren(nodes: readonly (RootContent | ElementContent)[], parent: Parents): ElementContent[] {
  const clean: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      clean.push({ type: 'text', value: node.value });
      continue;
    }
    if (node.type !== 'element') continue;
    if (isAsideIcon(node, parent)) {
      const icon = sanitizeIcon(node);
      if (icon) clean.push(icon);
      continue;
    }
    const verdict = sanitizeElement(node);
    if (verdict.action === 'remove') continue;
    if (verdict.action === 'unwrap') {
      clean.push(...sanitizeChildren(node.children, parent));
      continue;
    }
    clean.push({ type: 'element', tagName: node.tagName, properties: verdict.properties, children: sanitizeChildren(node.children, node) });
  }
  return clean;
}

function sameProperties(before: NonNullable<Element['properties']>, after: NonNullable<Element['properties']>): boolean {
  const keys = Object.keys(before);
  return keys.length === Object.keys(after).length && keys.every((key) => key in after && String(before[key]) === String(after[key]));
}

function depth(node: Nodes): number {
  return 'children' in node ? 1 + Math.max(0, ...node.children.map(depth)) : 1;
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** The content, or its text when it nests too deep to be handed back to Sätteri. */
function shallow(content: ElementContent[]): ElementContent[] {
  if (Math.max(0, ...content.map(depth)) <= MAX_REPLACEMENT_DEPTH) return content;
  return [{ type: 'text', value: content.map(textOf).join('') }];
}
