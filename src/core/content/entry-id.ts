/**
 * Entry IDs: the one place where a file path becomes an ID and a written reference becomes the ID
 * it means. The loader, references, `duplicate-id`, the importers and `npm run new` all use these
 * functions, so a reference spelt like the file name always finds the file.
 *
 * The rule, segment by segment of the path inside the collection folder:
 * - the extension `.md` or `.mdx` is dropped (only from the last segment);
 * - the text is put in Unicode NFC form, so `café` typed on macOS (NFD) and on Linux (NFC) is one ID;
 * - letters are lower-cased;
 * - each run of white space becomes one hyphen;
 * - letters, marks, digits, `.`, `_` and `-` are kept (so `mesh-gateway-3.15.0.md` is
 *   `mesh-gateway-3.15.0` and `on_call.md` is `on_call`); every other character is dropped.
 *
 * Subfolders stay part of the ID: `runbooks/services/restore.md` is the runbook `services/restore`,
 * never a reference into the services collection.
 */

/**
 * The folder under a collection's address where a long index continues (`/deployments/page/2/`).
 * No entry ID may start with it (the reserved-id rule), so an index page never shadows an entry.
 */
export const INDEX_PAGES_FOLDER = 'page';

const EXTENSION = /\.(md|mdx)$/i;
const WHITE_SPACE = /\s+/gu;
const NOT_KEPT = /[^\p{L}\p{M}\p{N}._-]/gu;
// A path already in ID form, segment by segment: lower-case ASCII letters, digits, `_` and `-`
// (a `.` could start an extension, so it takes the long way).
const ID_FORM = /^[a-z0-9_-]+(?:\/[a-z0-9_-]+)*$/;

/** Returns text in ID form (see the module comment), or '' when nothing of it is kept. */
export function idForm(text: string): string {
  return text.normalize('NFC').toLowerCase().trim().replace(WHITE_SPACE, '-').replace(NOT_KEPT, '');
}

/** Returns one path segment in ID form (see the module comment). */
export function idSegment(text: string): string {
  // A name made only of dropped characters (`!!!.md`) keeps its lower-cased text rather than
  // becoming empty, so it still has an ID of its own (and `reserved-id`/`duplicate-id` see it).
  return idForm(text) || text.normalize('NFC').toLowerCase().trim();
}

/**
 * Returns the ID of an entry from its path inside its collection folder, with `/` or `\`
 * separators: `Runbooks/Restore Database.md` is `runbooks/restore-database`.
 */
export function entryIdFromPath(relativePath: string): string {
  const path = relativePath.replace(EXTENSION, '');
  // Most file names and references are written in ID form already: they are their own ID. A
  // check of 10,000 entries turns some 45,000 of them into IDs.
  if (ID_FORM.test(path)) return path;
  return path
    .split(/[\\/]/)
    .filter((segment) => segment !== '')
    .map(idSegment)
    .join('/');
}

/**
 * Returns a reference as written in frontmatter in the form IDs take: `Restore Database`,
 * `restore-database.md` and `runbooks/Restore Database` all mean what the file name means.
 */
export function normalizeReference(value: string): string {
  return entryIdFromPath(value.trim().replace(/^\.?\/+/, ''));
}

/**
 * Returns the form under which two IDs clash: letters and digits only. `mesh_gateway`,
 * `mesh-gateway` and `Mesh Gateway` are different IDs but one name to a reader (and one page
 * address on a case-insensitive disk), so `duplicate-id` reports them.
 */
export function clashKey(id: string): string {
  return id.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}/]/gu, '');
}
