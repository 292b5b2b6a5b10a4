import { posix } from 'node:path';
import type { AnyEntry } from '../../content/entry.ts';
import { normalizeReference } from '../../content/entry-id.ts';
import type { PlatformGraph } from '../../graph/build-graph.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';
import { closest } from '../../text/closest.ts';
import { defineRule, type RuleResult } from '../rule.ts';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const MARKDOWN = /\.(md|mdx)$/i;

/** Where a link inside the site points: an entry (by key) or a Markdown file (by project path). */
type Target = { readonly key: string; readonly shown: string } | { readonly file: string; readonly shown: string };

/**
 * Reads a body link as the site will: an address on the site (`/services/api/`, or `../api/`
 * from the entry's own page `/<collection>/<id>/`), or a Markdown file next to the entry
 * (`../services/api.md`). Links elsewhere (other sites, anchors, mail) and site pages that are
 * not entries (the dashboard, a plane) are not about entries and give undefined.
 */
export function linkTarget(url: string, entry: AnyEntry, base = '/'): Target | undefined {
  const path = url.trim().replace(/[?#].*$/, '');
  if (path === '' || url.startsWith('#') || url.startsWith('//') || SCHEME.test(url)) return undefined;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape is read as written.
  }
  if (MARKDOWN.test(decoded)) {
    return { file: posix.normalize(posix.join(posix.dirname(entry.file), decoded)), shown: url };
  }
  // A relative address without `../` stays below the entry's own page: a file shipped beside it,
  // never another entry.
  if (!decoded.startsWith('/') && !decoded.startsWith('../')) return undefined;
  const page = entry.collection === 'platform' ? '/' : `/${entry.key}/`;
  let site = decoded.startsWith('/') ? decoded : posix.join(page, decoded);
  const prefix = base.replace(/\/?$/, '/');
  if (prefix !== '/' && site.startsWith(prefix)) site = `/${site.slice(prefix.length)}`;
  const [collection, ...rest] = site.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (!collection || !(COLLECTION_NAMES as readonly string[]).includes(collection) || collection === 'platform') return undefined;
  // The collection's index and its further pages are pages, not entries.
  if (rest.length === 0 || (rest[0] === 'page' && rest.length === 2 && /^\d+$/.test(rest[1] ?? ''))) return undefined;
  return { key: `${collection}/${normalizeReference(rest.join('/'))}`, shown: url };
}

export const danglingLink = defineRule({
  id: 'dangling-link',
  title: 'Body link to an entry that does not exist',
  plane: 'knowledge',
  severity: 'error',
  description:
    'A link in an entry\'s body that points to an entry (`/services/api/`, `../api/` or `../services/api.md`) points to one that exists. A broken link sends a reader who follows it to a page that is not there.',
  collections: COLLECTION_NAMES,
  check(entry, { graph, memo }) {
    const files = memo('dangling-link:files', () => new Map([...graph.entries.values()].map((candidate) => [candidate.file, candidate.key])));
    const base = memo('dangling-link:base', () => basePath(graph));
    const results: RuleResult[] = [];
    // A reference-style link is reported once, at its definition, where the address is written.
    const defined = new Set(entry.facts.links.filter((link) => link.kind === 'definition').map((link) => link.url));
    for (const link of entry.facts.links) {
      // Images and raw HTML (`<img src>`, `<embed src>`) load files, not entries.
      if (link.kind === 'image' || link.kind === 'html') continue;
      if (link.kind === 'link' && defined.has(link.url)) continue;
      const target = linkTarget(link.url, entry, base);
      if (!target) continue;
      if ('key' in target) {
        if (graph.get(target.key)) continue;
        const [collection = '', ...rest] = target.key.split('/');
        const guess = closest(rest.join('/'), graph.collection(collection as CollectionName).map((candidate) => candidate.id));
        results.push({
          line: link.line,
          message: `The body links to \`${target.shown}\`, which is not an entry: there is no \`${target.key}\`.`,
          hint: `${guess ? `Did you mean \`/${collection}/${guess}/\`? ` : ''}Link to an entry by its address, /<collection>/<id>/, where the ID is its file name without .md.`,
        });
      } else if (!files.has(target.file)) {
        results.push({
          line: link.line,
          message: `The body links to \`${target.shown}\`, which is not an entry's file (${target.file}).`,
          hint: 'Link to an existing entry: a path to its .md file from this one, or its address /<collection>/<id>/.',
        });
      }
    }
    return results;
  },
});

/** The site's base path, from the platform's published address. */
function basePath(graph: PlatformGraph): string {
  const url = graph.platform?.data.url;
  if (!url || !/^https?:\/\//.test(url)) return '/';
  try {
    return new URL(url).pathname;
  } catch {
    return '/';
  }
}
