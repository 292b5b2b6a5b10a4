import { PLANE_DEFINITIONS } from '../../core/planes.ts';
import { COLLECTIONS, type Plane } from '../../core/schemas/index.ts';
import { collectionHref, ENTRY_COLLECTIONS, LESSONS_PATH, planeHref, sitePath } from '../routes.ts';

export interface Crumb {
  readonly label: string;
  readonly href: string;
}

/**
 * The trail above a page's title, from its address alone (so it costs no lookup and depends on
 * nothing an entry holds): an entry's page and the later pages of an index lead through the
 * overview and the plane to the collection; a collection's index and the lessons through the
 * plane; a plane's page to the overview. Other pages have none. The page itself is its title,
 * right below, so it is not repeated.
 */
export function breadcrumb(pathname: string, base = sitePath('/')): Crumb[] {
  const inside = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const [first, ...rest] = inside.split('/').filter(Boolean);
  const overview = { label: 'Overview', href: sitePath('/') };
  if (first === 'planes' && rest.length === 1) return [overview];
  const collection = ENTRY_COLLECTIONS.find((name) => name === first);
  const plane = (id: Plane) => ({ label: `${PLANE_DEFINITIONS.find((definition) => definition.id === id)?.label ?? id} plane`, href: planeHref(id) });
  if (`/${first}/` === LESSONS_PATH && rest.length === 0) return [overview, plane(COLLECTIONS.articles.plane), { label: COLLECTIONS.articles.label, href: collectionHref('articles') }];
  if (!collection) return [];
  const planeCrumb = plane(COLLECTIONS[collection].plane);
  if (rest.length === 0) return [overview, planeCrumb];
  return [overview, planeCrumb, { label: COLLECTIONS[collection].label, href: collectionHref(collection) }];
}
