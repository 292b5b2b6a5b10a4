/** One element of a page's `<head>`, as Starlight lists them. */
export interface HeadEntry {
  readonly tag: string;
  readonly attrs?: Record<string, string | boolean | undefined> | undefined;
  readonly content?: string | undefined;
}

/**
 * Starlight's head elements, corrected where they misdescribe a page:
 *
 * - a page titled like the site itself (the overview) is titled once, not "Mesh | Mesh";
 * - the not-found page, served for every missing address, has no canonical address and no
 *   `og:url`: Starlight gives it `/404/`, which does not exist.
 */
export function headEntries(head: readonly HeadEntry[], page: { readonly pageTitle: string; readonly siteTitle: string; readonly notFound: boolean }): HeadEntry[] {
  return head
    .filter((entry) => !(page.notFound && ((entry.tag === 'link' && entry.attrs?.rel === 'canonical') || (entry.tag === 'meta' && entry.attrs?.property === 'og:url'))))
    .map((entry) => (entry.tag === 'title' && page.pageTitle === page.siteTitle ? { ...entry, content: page.siteTitle } : entry));
}
