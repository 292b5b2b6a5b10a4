import type { AnyEntry, Entry } from '../content/entry.ts';
import type { PlatformGraph } from '../graph/build-graph.ts';
import type { CollectionName } from '../schemas/shared.ts';
import type { CollectionDescriptor } from './descriptor.ts';
import type { StatusBadge } from './field-value.ts';
import { COLLECTIONS } from './index.ts';

/** The descriptor of an entry's collection, typed for the entry. */
export function descriptorOf<C extends CollectionName>(entry: Entry<C>): CollectionDescriptor<C> {
  return COLLECTIONS[entry.collection] as unknown as CollectionDescriptor<C>;
}

/** What one entry is called: its kind's label where it has one ("Procedure"), else its collection's singular. */
export function entrySingular(entry: AnyEntry): string {
  const descriptor = descriptorOf<CollectionName>(entry as Entry);
  return descriptor.singularOf?.(entry as Entry) ?? descriptor.singular;
}

/** The one-word state of an entry (see the descriptor's `status`). */
export function entryStatus(entry: AnyEntry): StatusBadge | undefined {
  return descriptorOf<CollectionName>(entry as Entry).status?.(entry as Entry);
}

/** The date an entry is listed and sorted by (see the descriptor's `date`). */
export function entryDate(entry: AnyEntry): Date | undefined {
  return descriptorOf<CollectionName>(entry as Entry).date?.of(entry as Entry);
}

/**
 * The owner an entry answers to, as the graph resolved it: its owner or author, itself for
 * owners, the platform's trust anchor for the platform, and for deployments and incidents the
 * owner of the (first) service concerned.
 */
export function ownerKeyOf(entry: AnyEntry, graph: PlatformGraph): string | undefined {
  if (entry.collection === 'owners') return entry.key;
  const owner = descriptorOf<CollectionName>(entry as Entry).owner;
  if (!owner) return undefined;
  if ('via' in owner) {
    const service = graph.related(entry.key, owner.via)[0];
    return service ? graph.related(service.key, 'ownedBy')[0]?.key : undefined;
  }
  return graph.related(entry.key, owner.relation)[0]?.key;
}
