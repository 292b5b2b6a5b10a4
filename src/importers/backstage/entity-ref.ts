import { entryIdFromPath } from '../../core/content/entry-id.ts';

/** A reference to a catalog entity, read with Backstage's defaults. */
export interface EntityRef {
  /** Lower-cased, as Backstage compares kinds. */
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/**
 * Reads an entity reference as Backstage writes it: `[kind:][namespace/]name`, with the kind and
 * namespace the field implies when left out (`owner: team-a` is `group:default/team-a`).
 * Returns undefined for what is not a reference.
 */
export function parseRef(value: unknown, defaultKind: string, defaultNamespace = 'default'): EntityRef | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(value.trim());
  if (!match) return undefined;
  return { kind: (match[1] ?? defaultKind).toLowerCase(), namespace: (match[2] ?? defaultNamespace).toLowerCase(), name: match[3] ?? '' };
}

/** `kind:namespace/name`, lower-cased: the key Backstage identifies an entity by. */
export function refKey(ref: EntityRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
}

/**
 * The entry ID an entity's name becomes: its name in ID form, under its namespace's folder when
 * that is not the default one (`development/guest`), so entities of two namespaces never clash.
 */
export function idForName(name: string, namespace = 'default'): string {
  const id = entryIdFromPath(`${name}.md`);
  return namespace.toLowerCase() === 'default' ? id : `${entryIdFromPath(`${namespace}.md`)}/${id}`;
}
