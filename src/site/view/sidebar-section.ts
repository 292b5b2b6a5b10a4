/** The parts of Starlight's sidebar entries that marking a section reads and writes. */
export type SidebarItem =
  | { readonly type: 'link'; readonly href: string; readonly isCurrent: boolean; readonly attrs: Record<string, unknown> }
  | { readonly type: 'group'; readonly entries: readonly SidebarItem[] };

/**
 * Returns the sidebar with the link of the section holding `pathname` marked, when no link is the
 * page itself: the page of an entry (`/services/api/`) or of a long index (`/services/page/2/`)
 * marks its collection's index (`/services/`). The marked link gets `aria-current="true"`, the
 * current item of a set; the page's own link, when there is one, keeps
 * Starlight's `aria-current="page"` and nothing else is marked. The home page's link (`/`, or the
 * site's base path) marks nothing, or it would hold every page.
 */
export function markSection<T extends SidebarItem>(entries: readonly T[], pathname: string, base = '/'): T[] {
  const home = base.endsWith('/') ? base : `${base}/`;
  const links = flatten(entries);
  if (links.some((link) => link.isCurrent)) return [...entries];
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  const section = links
    .filter((link) => link.href.endsWith('/') && link.href !== home && path.startsWith(link.href))
    .sort((a, b) => b.href.length - a.href.length)[0];
  if (!section) return [...entries];
  const mark = (items: readonly SidebarItem[]): SidebarItem[] =>
    items.map((item) =>
      item.type === 'group'
        ? { ...item, entries: mark(item.entries) }
        : item === section
          ? // Styled by its aria-current (multiplane.css); a class here would be written twice, as
            // Starlight writes the attributes after the class it merges them into.
            { ...item, attrs: { ...item.attrs, 'aria-current': 'true' } }
          : item,
    );
  return mark(entries) as T[];
}

function flatten(entries: readonly SidebarItem[]): Extract<SidebarItem, { type: 'link' }>[] {
  return entries.flatMap((entry) => (entry.type === 'group' ? flatten(entry.entries) : [entry]));
}
