import { describe, expect, it } from 'vitest';
import { entryPagesFirst, generateEntriesFirst } from '../../src/build/entries-first.ts';

const ENTRY = 'src/pages/[collection]/[...id].astro';
const path = (pathname: string, component: string) => ({ pathname, route: { component } });

describe('entry pages first', () => {
  it("moves the entry route's pages before the others, each part in its order", () => {
    const paths = [
      path('/', 'src/pages/index.astro'),
      path('/governance/', 'src/pages/governance/index.astro'),
      path('/services/b/', ENTRY),
      path('/services/page/2/', 'src/pages/[collection]/page/[page].astro'),
      path('/runbooks/a/', ENTRY),
      path('/catalog.json', 'src/pages/catalog.json.ts'),
    ];
    expect(entryPagesFirst(paths).map((p) => p.pathname)).toEqual(['/services/b/', '/runbooks/a/', '/', '/governance/', '/services/page/2/', '/catalog.json']);
  });

  it('leaves the order as it is when an entry page and another page share a path, so that the same route wins', () => {
    const paths = [path('/services/page/2/', 'src/pages/[collection]/page/[page].astro'), path('/services/page/2', ENTRY), path('/services/a/', ENTRY)];
    expect(entryPagesFirst(paths)).toEqual(paths);
  });

  it('leaves a site of entry pages alone, or of none, as it is', () => {
    const entries = [path('/services/b/', ENTRY), path('/services/a/', ENTRY)];
    const others = [path('/b/', 'src/pages/b.astro'), path('/a/', 'src/pages/a.astro')];
    expect(entryPagesFirst(entries)).toEqual(entries);
    expect(entryPagesFirst(others)).toEqual(others);
  });

  it("has Astro's own list of the pages to generate put them in that order, until it is put back", async () => {
    const { StaticPaths } = (await import(new URL('./runtime/prerender/static-paths.js', import.meta.resolve('astro')).href)) as {
      StaticPaths: new (app: unknown) => { getAll(): Promise<{ pathname: string }[]> };
    };
    // Routes with a path of their own: Astro lists them without asking their module.
    const route = (pathname: string, component: string) => ({ routeData: { prerender: true, type: 'page', pathname, component, fallbackRoutes: [] } });
    const app = { manifest: { routes: [route('/', 'src/pages/index.astro'), route('/services/a/', ENTRY), route('/loop/', 'src/pages/loop.astro')] } };
    const listed = async () => (await new StaticPaths(app).getAll()).map((p) => p.pathname);
    expect(await listed()).toEqual(['/', '/services/a/', '/loop/']);
    const restore = await generateEntriesFirst();
    try {
      expect(await listed()).toEqual(['/services/a/', '/', '/loop/']);
    } finally {
      restore();
    }
    expect(await listed()).toEqual(['/', '/services/a/', '/loop/']);
  });
});
