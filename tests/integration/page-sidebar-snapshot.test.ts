import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformWith } from '../helpers/vite-transform.ts';
import { pageSidebarSnapshot } from '../../src/integration/page-sidebar-snapshot.ts';

const STARLIGHT_PAGE = join(import.meta.dirname, '..', '..', 'node_modules', '@astrojs', 'starlight', 'dist', 'utils', 'starlight-page.js');

function transform(code: string, id: string): { code: string } | undefined {
  return transformWith(pageSidebarSnapshot(), code, id);
}

// Starlight's route data as it makes it (starlight-page.js): one sidebar per locale, marked for each page.
const ROUTE_DATA = `
const services = { type: 'link', href: '/services/', isCurrent: false };
const owners = { type: 'link', href: '/owners/', isCurrent: false, attrs: {} };
const identity = { type: 'group', label: 'Identity', entries: [owners], collapsed: false };
function getSidebar(pathname) {
  for (const link of [services, owners]) link.isCurrent = link.href === pathname;
  return [services, identity];
}
async function generateStarlightPageRouteData({ props, context }) {
  const { url } = context;
  const localeData = { locale: undefined };
  await null;
  const sidebar = props.sidebar ? [] : getSidebar(url.pathname, localeData.locale);
  return { sidebar };
}`;

interface Entry {
  readonly href?: string;
  readonly isCurrent?: boolean;
  readonly entries?: readonly Entry[];
}
type RouteData = (page: { props: object; context: { url: URL } }) => Promise<{ sidebar: Entry[] }>;

const links = (entries: readonly Entry[]): Entry[] => entries.flatMap((entry) => (entry.entries ? links(entry.entries) : [entry]));
const current = ({ sidebar }: Awaited<ReturnType<RouteData>>) => links(sidebar).filter((link) => link.isCurrent).map((link) => link.href);

describe("each <StarlightPage>'s own sidebar", () => {
  it('applies to the installed Starlight', () => {
    expect(transform(readFileSync(STARLIGHT_PAGE, 'utf8'), STARLIGHT_PAGE)?.code).toContain(': multiplaneCopySidebar(getSidebar(url.pathname, localeData.locale));');
  });

  it('keeps the link each page marked, however the pages interleave', async () => {
    const routeData = (code: string) => new Function(`${code}\nreturn generateStarlightPageRouteData;`)() as RouteData;
    const page = (path: string) => ({ props: {}, context: { url: new URL(path, 'https://example.com') } });
    // As Starlight has it, the second page marks its link in the sidebar the first page holds.
    const shared = routeData(ROUTE_DATA);
    const [ownersBefore, servicesBefore] = await Promise.all([shared(page('/owners/')), shared(page('/services/'))]);
    expect(current(ownersBefore)).toEqual(['/services/']);
    expect(current(servicesBefore)).toEqual(['/services/']);
    const own = routeData(transform(ROUTE_DATA, STARLIGHT_PAGE)!.code);
    const [ownersPage, servicesPage] = await Promise.all([own(page('/owners/')), own(page('/services/'))]);
    expect(current(ownersPage)).toEqual(['/owners/']);
    expect(current(servicesPage)).toEqual(['/services/']);
    // The copies share what does not change from page to page.
    expect(ownersPage.sidebar[1]).not.toBe(servicesPage.sidebar[1]);
    expect(ownersPage.sidebar[1]).toMatchObject({ type: 'group', label: 'Identity', collapsed: false });
  });

  it('leaves every other module alone', () => {
    expect(transform(ROUTE_DATA, '/x/node_modules/@astrojs/starlight/dist/utils/other.js')).toBeUndefined();
  });

  it('fails the build, naming the file to update, when Starlight changes the module', () => {
    expect(() => transform('export {}', STARLIGHT_PAGE)).toThrow(/src\/integration\/page-sidebar-snapshot\.ts/);
  });
});
