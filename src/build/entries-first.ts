/** What Astro's `StaticPaths.getAll` lists: a page to generate, and the route it comes from. */
interface PathWithRoute {
  readonly pathname: string;
  readonly route: { readonly component: string };
}

interface StaticPathsClass {
  prototype: { getAll(this: unknown): Promise<PathWithRoute[]> };
}

/** The component of the entry pages' route (src/pages/[collection]/[...id].astro), as Astro names it. */
const ENTRY_ROUTE = /(?:^|\/)src\/pages\/\[collection\]\/\[\.\.\.id\]\.astro$/;

/**
 * Has Astro generate the entry pages before the site's own pages (home, planes, collection
 * indexes, the dashboard and the endpoints), and returns the function that puts its order back.
 *
 * Astro generates the pages route by route, in its routes' order, and the entry route, a rest
 * route, comes last. After a one-entry change at 10,000 entries it renders some sixty pages, the
 * entry pages among them in its last 0.8 s, after 1.6 s of site pages: the changed entry's search
 * index (1.5–2 s of Pagefind, src/build/rewritten-ahead.ts) could only start then, and was the
 * last thing the build waited for. Generated first, they let Pagefind write it on the other core
 * while Astro renders the site pages. In a clean build the entry indexes are likewise written
 * sooner (src/build/early-search.ts).
 *
 * The order changes no page. Astro keeps the first of two routes giving the same page (and warns
 * or fails, as the configuration says): when an entry page and another page share a path, the
 * order is left as it was, so that the same route wins. Done only when Astro's `StaticPaths` is
 * as expected; otherwise Astro keeps its order, which is only slower.
 */
export async function generateEntriesFirst(): Promise<() => void> {
  let StaticPaths: StaticPathsClass | undefined;
  try {
    // The module Astro's default prerenderer lists the pages with (astro/dist/core/build/default-prerenderer.js).
    const module = (await import(new URL('./runtime/prerender/static-paths.js', import.meta.resolve('astro')).href)) as { StaticPaths?: StaticPathsClass };
    StaticPaths = module.StaticPaths;
  } catch {
    return () => {};
  }
  const getAll = StaticPaths?.prototype.getAll;
  if (!StaticPaths || typeof getAll !== 'function') return () => {};
  StaticPaths.prototype.getAll = async function entriesFirst() {
    return entryPagesFirst(await getAll.call(this));
  };
  return () => {
    StaticPaths.prototype.getAll = getAll;
  };
}

/** `paths` with the entry route's first, each part in its order; as they are when an entry page shares a path with another page. */
export function entryPagesFirst<T extends PathWithRoute>(paths: readonly T[]): T[] {
  const entries: T[] = [];
  const rest: T[] = [];
  for (const path of paths) (ENTRY_ROUTE.test(path.route.component) ? entries : rest).push(path);
  if (entries.length === 0 || rest.length === 0) return [...paths];
  // Astro compares the paths without their trailing slash (astro/dist/core/build/generate.js).
  const bare = (path: T) => path.pathname.replace(/\/+$/, '');
  const others = new Set(rest.map(bare));
  if (entries.some((path) => others.has(bare(path)))) return [...paths];
  return [...entries, ...rest];
}
