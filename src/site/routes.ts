import { COLLECTIONS, type EntryCollectionName } from '../core/schemas/index.ts';

/** The Markdown collections, which each get an index page and a page per entry. */
export const ENTRY_COLLECTIONS = Object.values(COLLECTIONS)
  .filter((definition) => definition.source.kind === 'folder')
  .map((definition) => definition.name as EntryCollectionName);

/** Returns the site path of an entry from its `collection/id` key. */
export function entryHref(key: string): string {
  return `/${key}/`;
}

/** Returns the site path of a collection's index. */
export function collectionHref(collection: EntryCollectionName): string {
  return `/${collection}/`;
}
