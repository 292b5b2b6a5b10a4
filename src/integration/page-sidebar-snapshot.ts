import type { Plugin } from 'vite';
import { modulePatch } from './module-patch.ts';

/** Where Starlight makes the route data of a `<StarlightPage>`, its sidebar included. */
const STARLIGHT_PAGE_MODULE = /[\\/]@astrojs[\\/]starlight[\\/]dist[\\/]utils[\\/]starlight-page\.js$/;
/** The page's sidebar: Starlight's one sidebar per locale, with this page's link marked current. */
const SHARED_SIDEBAR = ': getSidebar(url.pathname, localeData.locale);';
/** A copy of the sidebar whose links and groups are its own, added to Starlight's module. */
const COPY_SIDEBAR = 'function multiplaneCopySidebar(entries) { return entries.map((entry) => (entry.entries ? { ...entry, entries: multiplaneCopySidebar(entry.entries) } : { ...entry })); }';

/**
 * A Vite plugin that gives each `<StarlightPage>` a copy of its sidebar as Starlight marks it for
 * the page. Starlight keeps one sidebar per locale and marks the current page's link in it
 * (`getSidebar`), relying on the route data being copied before another page marks its own. A
 * `<StarlightPage>` copies it only after `await`ing its route data, and Astro renders four pages at
 * once: another page could mark its link in between, and a page was published with the sidebar of
 * another (the owners' index marking "Services" as the current page). Every page of the site is a
 * `<StarlightPage>`.
 *
 * Only a link's `isCurrent` differs from page to page, so the links and groups are copied and what
 * they hold (labels, badges, attributes) is shared: `structuredClone` of the whole sidebar took
 * 0.1 ms a page, 0.3 s of a 3,000-entry build.
 */
export function pageSidebarSnapshot(): Plugin {
  return modulePatch({
    name: 'multiplane:page-sidebar-snapshot',
    module: STARLIGHT_PAGE_MODULE,
    owner: 'Starlight',
    file: 'src/integration/page-sidebar-snapshot.ts',
    what: "takes a <StarlightPage>'s sidebar",
    places: [(code) => code.includes(SHARED_SIDEBAR)],
    patch: (code) => `${code.replace(SHARED_SIDEBAR, ': multiplaneCopySidebar(getSidebar(url.pathname, localeData.locale));')}\n${COPY_SIDEBAR}\n`,
  });
}
