import { INDEX_PAGES_FOLDER } from '../core/content/entry-id.ts';
import { COLLECTIONS } from '../core/schemas/index.ts';

const ENTRY_FOLDERS: ReadonlySet<string> = new Set(Object.values(COLLECTIONS).flatMap((definition) => (definition.source.kind === 'folder' ? [definition.name] : [])));

/**
 * Names what a built page was made from, for messages about it: `the entry services/api (page
 * /services/api/)` for an entry's page, `the page /governance/` for any other. `file` is the
 * page's path inside the built site, with forward slashes (`services/api/index.html`).
 */
export function pageSource(file: string): string {
  const path = file.endsWith('index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
  const [collection, ...rest] = path.split('/').filter(Boolean);
  const isEntry = collection !== undefined && ENTRY_FOLDERS.has(collection) && rest.length > 0 && rest[0] !== INDEX_PAGES_FOLDER;
  return isEntry ? `the entry ${collection}/${rest.join('/')} (page ${path})` : `the page ${path}`;
}
