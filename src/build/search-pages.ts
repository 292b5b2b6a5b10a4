import { createHash } from 'node:crypto';
import { viewBytes } from './page-bytes.ts';

/** One built page as the search step sees it. */
export interface SearchPage {
  /** Its path in the site, with forward slashes (`services/api/index.html`). */
  readonly page: string;
  /** A digest of its finished HTML. */
  readonly html: string;
  /** A digest of what Pagefind reads of it besides its fragment (see `structureDigest`). */
  readonly structure: string;
  /** Whether it marks what Pagefind should index (`data-pagefind-body`); other pages are left out. */
  readonly marked: boolean;
}

/**
 * What the search step needs to know of a finished page, taken by the CSP pass (which reads every
 * page anyway) so that no page is read twice. The page is given as its view
 * (src/build/page-bytes.ts), and its bytes when the caller has them.
 */
export function searchPage(page: string, view: string, bytes?: Uint8Array): SearchPage {
  // Pagefind leaves a page out when another page marks its body and this one does not. A page
  // that only mentions the attribute in its text is handed over too, and Pagefind decides.
  return { page, html: pageDigest(bytes ?? viewBytes(view)), structure: structureDigest(view), marked: view.includes('data-pagefind-body') };
}

/** The digest of a page's bytes (`SearchPage.html`). */
export function pageDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

// The page's language, every heading, whole, and every Pagefind attribute with its value. Read
// loosely on purpose: a match too many only makes an index be written again. Matched against the
// page's view (src/build/page-bytes.ts), so with HTML's white space only.
const OUTSIDE_FRAGMENT = /<html[\t\n\f\r >][^>]*>?|<h([1-6])[\t\n\f\r >/][^]*?<\/h\1[\t\n\f\r ]*>|data-pagefind-[\w-]+(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"|'[^']*'|[^\t\n\f\r >]*))?/gi;

/**
 * What Pagefind takes from a page beyond its fragment: the index the page goes in follows its
 * language (`<html lang>`), a word's weight follows the heading it is in and `data-pagefind-weight`,
 * and sorting follows `data-pagefind-sort`. A heading without an ID is not in the fragment:
 * `<h2>Steps</h2>` becoming `<h5>Steps</h5>` leaves the fragment as it was and changes the index.
 */
export function structureDigest(view: string): string {
  // Hashed at once: the same bytes as hashing each match and its separator in turn, in one call.
  let outside = '';
  for (const match of view.matchAll(OUTSIDE_FRAGMENT)) outside += `${match[0]}\0`;
  return createHash('sha256').update(outside, 'latin1').digest('base64url');
}
