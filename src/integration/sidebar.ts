import { COLLECTIONS } from '../core/schemas/index.ts';
import { PLANE_DEFINITIONS, collectionsOfPlane } from '../core/planes.ts';

/**
 * The sidebar: one group per plane with its collection indexes. It never lists entries, so every
 * page's navigation stays the same size however many entries the platform has.
 */
export function sidebar() {
  return [
    { label: 'Overview', link: '/' },
    ...PLANE_DEFINITIONS.map((plane) => ({
      label: plane.label,
      items: collectionsOfPlane(plane.id)
        .filter((name) => COLLECTIONS[name].source.kind === 'folder')
        .map((name) => ({ label: COLLECTIONS[name].label, link: `/${name}/` })),
    })).filter((group) => group.items.length > 0),
    { label: 'About', items: [{ label: 'The operating model', link: '/model/' }] },
  ];
}
