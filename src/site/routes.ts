import { INDEX_PAGES_FOLDER } from '../core/content/entry-id.ts';
import { COLLECTIONS, type CollectionName, type EntryCollectionName, type Plane } from '../core/schemas/index.ts';
import { configuredBase } from './base-url.ts';

/** The Markdown collections, which each get an index page and a page per entry. */
export const ENTRY_COLLECTIONS = Object.values(COLLECTIONS)
  .filter((definition) => definition.source.kind === 'folder')
  .map((definition) => definition.name as EntryCollectionName);

const base = configuredBase().replace(/\/?$/, '/');

/** Returns a site path under the configured base. */
export function sitePath(path: string): string {
  return `${base}${path.replace(/^\//, '')}`;
}

/** Returns the site path of an entry from its `collection/id` key. */
export function entryHref(key: string): string {
  return key === 'platform/platform' ? sitePath('/') : sitePath(`/${key}/`);
}

/** Returns the site path of a collection's index. */
export function collectionHref(collection: CollectionName): string {
  return sitePath(`/${collection}/`);
}

/** Returns the site path of one page of a collection's index (`/deployments/page/2/`); page 1 is the index itself. */
export function collectionPageHref(collection: CollectionName, page: number): string {
  return page <= 1 ? collectionHref(collection) : sitePath(`/${collection}/${INDEX_PAGES_FOLDER}/${page}/`);
}

/** Returns the site path of a plane's page. */
export function planeHref(plane: Plane): string {
  return sitePath(`/planes/${plane}/`);
}

/** Returns the authoring guide's section on a rule. */
export function ruleHref(rule: string): string {
  return sitePath(`/governance/rules/#${rule}`);
}

/** Where the lessons of every article are gathered (src/pages/lessons.astro). */
export const LESSONS_PATH = '/lessons/';

/** Returns the site path of the lessons index, or of one article's lessons on it (by the article's ID). */
export function lessonsHref(articleId?: string): string {
  return sitePath(`${LESSONS_PATH}${articleId ? `#${lessonsAnchor(articleId)}` : ''}`);
}

/** The anchor of an article's lessons on the lessons index, from the article's ID. */
export function lessonsAnchor(articleId: string): string {
  return `lessons-${articleId.replace(/[^\p{L}\p{N}_-]+/gu, '-')}`;
}

/** The whitepaper as one printable document, which the build prints to PDF; no page for readers. */
export const PRINT_ROUTE = '/print/whitepaper/';
