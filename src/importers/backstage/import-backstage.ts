import { MULTIPLANE_KEYS } from '../../exporters/backstage/entity.ts';
import type { ImportResult, UnmappedItem } from '../import-result.ts';
import { describeEntity, indexCatalog, refOf } from './catalog-index.ts';
import { parseRef, refKey } from './entity-ref.ts';
import { mapOwners } from './map-owners.ts';
import { DEFAULT_TIER, mapServices } from './map-services.ts';
import { type CatalogEntity, readCatalog } from './read-catalog.ts';

/**
 * Imports a Backstage catalog (a catalog file, whose Locations are followed, or a folder of them):
 * Groups and Users become owners, Components services. A System groups services, which Multiplane
 * records on each service (`system:`); the System's own owner and description, Domains, APIs and
 * Resources have no collection and are reported with what refers to them. The System the export
 * writes for the platform itself is recognised and belongs in platform.yaml. Reads only.
 */
export function importBackstage(start: string): ImportResult {
  const catalog = readCatalog(start);
  const index = indexCatalog(catalog.entities);
  const unique = index.entities;
  const unmapped: UnmappedItem[] = [...catalog.unmapped, ...index.duplicates];
  const owners = mapOwners(unique, index);
  const services = mapServices(unique, index);
  unmapped.push(...owners.unmapped, ...services.unmapped);

  const componentsOf = (system: CatalogEntity) =>
    unique.filter((entity) => entity.kind === 'Component' && refKey(parseRef(entity.spec.system, 'system', entity.metadata.namespace ?? 'default') ?? { kind: '', namespace: '', name: '' }) === refKey(refOf(system)));
  const systemsOf = (domain: CatalogEntity) =>
    unique.filter((entity) => entity.kind === 'System' && refKey(parseRef(entity.spec.domain, 'domain', entity.metadata.namespace ?? 'default') ?? { kind: '', namespace: '', name: '' }) === refKey(refOf(domain)));
  const names = (entities: readonly CatalogEntity[]) => (entities.length === 0 ? 'none in the catalog' : entities.map((entity) => entity.metadata.name).join(', '));
  for (const entity of unique) {
    const item = (why: string) => unmapped.push({ source: entity.source, line: entity.line, what: `the whole ${describeEntity(entity)}`, why });
    const owner = typeof entity.spec.owner === 'string' ? `owned by ${entity.spec.owner}` : 'no owner';
    switch (entity.kind) {
      case 'Group':
      case 'User':
      case 'Component':
        break;
      case 'System':
        if (entity.metadata.annotations?.[MULTIPLANE_KEYS.platform] === 'true') {
          item('the platform itself, as the export writes it: its name, description and trust anchor belong in content/platform.yaml');
        } else {
          const domain = typeof entity.spec.domain === 'string' ? `, in domain ${entity.spec.domain}` : '';
          item(`its services (${names(componentsOf(entity))}) carry system: ${entity.metadata.name}; the system itself (${owner}${domain}) has no entry`);
        }
        break;
      case 'Domain':
        item(`Multiplane groups services by system only; its systems (${names(systemsOf(entity))}) were kept on their services, the domain (${owner}) was not`);
        break;
      case 'API':
        item(`Multiplane has no collection for APIs (${String(entity.spec.type ?? 'of no type')}, ${owner}); the components providing or consuming it say so in their own lines`);
        break;
      case 'Resource':
        item(`Multiplane has no collection for infrastructure (${String(entity.spec.type ?? 'of no type')}, ${owner}); describe it in the page of the service that holds it`);
        break;
      default:
        item(`a ${entity.kind}, which has no counterpart in Multiplane`);
    }
  }
  const notes: string[] = [];
  if (services.defaultTiers > 0) {
    notes.push(`Services: Backstage records no criticality, so ${services.defaultTiers} ${services.defaultTiers === 1 ? 'service is' : 'services are'} of tier ${DEFAULT_TIER}; set each one's real tier (1 is the most critical).`);
  }
  if (owners.entries.length > 0) notes.push('Owners: Groups became teams and Users people, with the memberships both sides list.');
  return {
    format: 'backstage',
    entries: [...owners.entries, ...services.entries],
    files: [],
    unmapped,
    notes,
    expected: 'a Backstage catalog holds entities (apiVersion, kind, metadata, spec) in YAML files, such as catalog-info.yaml',
  };
}
