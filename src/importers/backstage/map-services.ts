import { LINK_TITLES, MULTIPLANE_KEYS } from '../../exporters/backstage/entity.ts';
import { parseCalendarDate } from '../../core/schemas/shared.ts';
import { DATA_CLASSES, LIFECYCLES } from '../../core/schemas/service.ts';
import type { ImportedEntry, UnmappedItem } from '../import-result.ts';
import { type CatalogIndex, describeEntity, refOf, refsOf } from './catalog-index.ts';
import { idForName, parseRef, refKey } from './entity-ref.ts';
import { isWebAddress, metadataFields, unknownKeys } from './entity-fields.ts';
import { unknownMetadata } from './map-owners.ts';
import type { CatalogEntity } from './read-catalog.ts';

const COMPONENT_SPEC = ['type', 'lifecycle', 'owner', 'system', 'dependsOn', 'providesApis', 'consumesApis', 'subcomponentOf', 'dependencyOf'];

/**
 * The tier of a component that says none. Backstage has no criticality; 3 is the most critical
 * tier the default governance attaches no runbook duty to, so nothing is claimed that was not
 * said, and the report asks for the real one.
 */
export const DEFAULT_TIER = 3;

/**
 * Maps Components to services: owner, lifecycle, dependencies on other components, the system
 * they belong to, and what the export keeps in annotations and labels (tier, data classification,
 * on-call, monitoring, alerting, backups, governing policies, repository). APIs they provide or
 * consume, Resources they depend on and the component they are part of have no place in a
 * service and are reported.
 */
export function mapServices(entities: readonly CatalogEntity[], index: CatalogIndex): { entries: ImportedEntry[]; unmapped: UnmappedItem[]; defaultTiers: number } {
  const unmapped: UnmappedItem[] = [];
  const entries: ImportedEntry[] = [];
  let defaultTiers = 0;
  for (const entity of entities) {
    if (entity.kind !== 'Component') continue;
    const namespace = entity.metadata.namespace ?? 'default';
    const report = (what: string, why: string) => unmapped.push({ source: entity.source, line: entity.line, what: `${describeEntity(entity)}: ${what}`, why });
    const annotations = entity.metadata.annotations ?? {};
    const labels = entity.metadata.labels ?? {};
    // The pages of the knowledge base the export links are the entries themselves, not fields.
    const derived = (title = '') => title === LINK_TITLES.page || title.startsWith(LINK_TITLES.runbook) || title.startsWith(LINK_TITLES.policy);
    const links = (entity.metadata.links ?? []).filter((link) => isWebAddress(link.url) && !derived(link.title));

    const tierLabel = Number(labels[MULTIPLANE_KEYS.tier]);
    const tier = Number.isInteger(tierLabel) && tierLabel >= 1 && tierLabel <= 4 ? tierLabel : DEFAULT_TIER;
    if (tier !== tierLabel) defaultTiers++;
    const written = String(entity.spec.lifecycle ?? '');
    const kept = labels[MULTIPLANE_KEYS.lifecycle];
    const lifecycle = (LIFECYCLES as readonly string[]).includes(kept ?? '') ? kept : (LIFECYCLES as readonly string[]).includes(written) ? written : 'experimental';
    if (lifecycle !== written && lifecycle !== kept) report(`lifecycle ${written || '(none)'}`, 'not one Multiplane knows (experimental, production, deprecated, retired); imported as experimental');

    const owner = parseRef(entity.spec.owner, 'group', namespace);
    if (!owner) report('owner', 'none given; the check reports the service until it names one');
    else if (!index.hasOwner(owner)) report(`owner ${owner.kind}:${owner.name}`, 'not in the catalog; the check reports it (owner-exists) until that owner is added');

    const dependsOn: string[] = [];
    for (const ref of refsOf(entity.spec.dependsOn, 'component', namespace)) {
      if (ref.kind === 'component') dependsOn.push(index.get(ref) ? index.idOf(index.get(ref) as CatalogEntity) : idForName(ref.name, ref.namespace));
      else report(`dependsOn ${ref.kind}:${ref.name}`, `a ${ref.kind === 'resource' ? 'Resource' : ref.kind}, and services depend only on services`);
    }
    const system = parseRef(entity.spec.system, 'system', namespace);
    const systemEntity = system ? index.get(system) : undefined;
    const isPlatform = systemEntity?.metadata.annotations?.[MULTIPLANE_KEYS.platform] === 'true';

    // The export's own link titles first, then Backstage's icons for the same things.
    const monitoringLink = links.find((link) => link.title === LINK_TITLES.monitoring) ?? links.find((link) => link.icon === 'dashboard');
    const repositoryLink = links.find((link) => link.title === LINK_TITLES.repository) ?? links.find((link) => link.icon === 'github');
    const monitoring = [annotations[MULTIPLANE_KEYS.monitoring], monitoringLink?.url].find(isWebAddress);
    const sourceLocation = /^url:(https?:\/\/\S+)$/.exec(annotations['backstage.io/source-location'] ?? '')?.[1];
    const slug = annotations['github.com/project-slug'];
    const repository = [repositoryLink?.url, sourceLocation, slug ? `https://github.com/${slug}` : undefined].find(isWebAddress);
    const onCall = parseRef(annotations[MULTIPLANE_KEYS.onCall], 'group', namespace);
    const classification = labels[MULTIPLANE_KEYS.dataClassification];
    const schedule = annotations[MULTIPLANE_KEYS.backups];
    const tested = annotations[MULTIPLANE_KEYS.lastRestoreTest];
    const alerting = annotations[MULTIPLANE_KEYS.alerting];
    const governedBy = (annotations[MULTIPLANE_KEYS.governedBy] ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
    const operations: Record<string, unknown> = {
      ...(monitoring ? { monitoring } : {}),
      ...(alerting ? { alerting } : {}),
      ...(onCall ? { onCall: index.ownerId(onCall) } : {}),
      ...(schedule ? { backups: { schedule, ...(tested && parseCalendarDate(tested) ? { lastRestoreTest: tested } : {}) } } : {}),
      dataClassification: (DATA_CLASSES as readonly string[]).includes(classification ?? '') ? classification : 'none',
      ...(repository ? { repository } : {}),
    };
    const data: Record<string, unknown> = {
      title: entity.metadata.title?.trim() || entity.metadata.name,
      ...metadataFields(entity),
      owner: owner ? index.ownerId(owner) : 'unassigned-owner',
      tier,
      lifecycle,
      ...(system && !isPlatform ? { system: idForName(system.name, system.namespace) } : {}),
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
      ...(governedBy.length > 0 ? { governedBy } : {}),
      operations,
    };

    const type = typeof entity.spec.type === 'string' ? entity.spec.type : '';
    if (type !== 'service') report(`type ${type || '(none)'}`, 'Multiplane has services only; imported as one, so check that it is run as a service');
    for (const field of ['providesApis', 'consumesApis'] as const) {
      const apis = refsOf(entity.spec[field], 'api', namespace);
      if (apis.length > 0) report(`${field} ${apis.map((ref) => ref.name).join(', ')}`, 'Multiplane has no collection for APIs; describe them in the service\'s page');
    }
    const parent = parseRef(entity.spec.subcomponentOf, 'component', namespace);
    if (parent) report(`subcomponentOf ${parent.name}`, 'services have no parts; a system (system:) groups them instead');
    const extraSpec = unknownKeys(entity.spec, COMPONENT_SPEC);
    if (extraSpec.length > 0) report(`spec ${extraSpec.join(', ')}`, 'no service field holds them');
    const leftLinks = links.filter((link) => link !== monitoringLink && link !== repositoryLink);
    if (leftLinks.length > 0) report(`links ${leftLinks.map((link) => link.title ?? link.url).join(', ')}`, 'services link a monitor and a repository only; the others were left out');
    unmapped.push(...unknownMetadata(entity));
    entries.push({
      collection: 'services',
      id: index.idOf(entity),
      source: entity.source,
      data,
      comments: [`Imported from Backstage: ${refKey(refOf(entity))} in ${entity.source}.`],
      body: '',
    });
  }
  return { entries, unmapped, defaultTiers };
}
