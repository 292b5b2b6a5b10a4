import { MULTIPLANE_KEYS } from '../../exporters/backstage/entity.ts';
import type { UnmappedItem } from '../import-result.ts';
import { type EntityRef, idForName, parseRef, refKey } from './entity-ref.ts';
import type { CatalogEntity } from './read-catalog.ts';

/** The entities of a catalog by reference, with the entry ID each imported one gets. */
export interface CatalogIndex {
  /** The entity a reference names, if the catalog has it. */
  get(ref: EntityRef): CatalogEntity | undefined;
  /** The entry ID an imported entity (Group, User, Component) gets. */
  idOf(entity: CatalogEntity): string;
  /** The ID a reference to an owner means: the imported owner's, else the name in ID form. */
  ownerId(ref: EntityRef): string;
  /** True when a reference names a Group or User of the catalog. */
  hasOwner(ref: EntityRef): boolean;
  /** Every entity once: the first definition of each. */
  readonly entities: readonly CatalogEntity[];
  /** Report lines for entities defined twice. */
  readonly duplicates: UnmappedItem[];
}

/** The reference of an entity itself. */
export function refOf(entity: CatalogEntity): EntityRef {
  return { kind: entity.kind.toLowerCase(), namespace: (entity.metadata.namespace ?? 'default').toLowerCase(), name: entity.metadata.name };
}

/** `Group team-a`, or `User development/guest` outside the default namespace: how report lines name an entity. */
export function describeEntity(entity: CatalogEntity): string {
  const namespace = entity.metadata.namespace && entity.metadata.namespace !== 'default' ? `${entity.metadata.namespace}/` : '';
  return `${entity.kind} ${namespace}${entity.metadata.name}`;
}

/**
 * Indexes the entities and gives each Group, User and Component its entry ID: the one the export
 * kept in `multiplane.dev/id`, else its name in ID form. Owners are one collection, so a Group
 * and a User of the same name get told apart by a suffix; a second definition of an entity is
 * reported and left out, as Backstage keeps the first.
 */
export function indexCatalog(entities: readonly CatalogEntity[]): CatalogIndex {
  const byKey = new Map<string, CatalogEntity>();
  const duplicates: UnmappedItem[] = [];
  for (const entity of entities) {
    const key = refKey(refOf(entity));
    const first = byKey.get(key);
    if (first) {
      duplicates.push({ source: entity.source, line: entity.line, what: describeEntity(entity), why: `defined again (first in ${first.source}:${first.line}); this definition was left out` });
      continue;
    }
    byKey.set(key, entity);
  }
  const ids = new Map<CatalogEntity, string>();
  const taken = new Set<string>();
  for (const entity of byKey.values()) {
    const collection = entity.kind === 'Component' ? 'services' : entity.kind === 'Group' || entity.kind === 'User' ? 'owners' : undefined;
    if (!collection) continue;
    const kept = entity.metadata.annotations?.[MULTIPLANE_KEYS.id];
    const base = typeof kept === 'string' && kept.trim() !== '' ? kept.trim() : idForName(entity.metadata.name, entity.metadata.namespace);
    let id = base;
    for (let suffix = 2; taken.has(`${collection}/${id}`); suffix++) id = `${base}-${suffix}`;
    taken.add(`${collection}/${id}`);
    ids.set(entity, id);
  }
  const get = (ref: EntityRef) => byKey.get(refKey(ref));
  const ownerEntity = (ref: EntityRef) => (ref.kind === 'group' || ref.kind === 'user' ? get(ref) : undefined);
  return {
    get,
    idOf: (entity) => ids.get(entity) ?? idForName(entity.metadata.name, entity.metadata.namespace),
    ownerId: (ref) => {
      const entity = ownerEntity(ref);
      return entity ? (ids.get(entity) ?? idForName(ref.name, ref.namespace)) : idForName(ref.name, ref.namespace);
    },
    hasOwner: (ref) => ownerEntity(ref) !== undefined,
    entities: [...byKey.values()],
    duplicates,
  };
}

/** The references of a list field, read with the field's default kind. */
export function refsOf(value: unknown, defaultKind: string, namespace: string): EntityRef[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.flatMap((item) => {
    const ref = parseRef(item, defaultKind, namespace);
    return ref ? [ref] : [];
  });
}
