import { MULTIPLANE_KEYS } from '../../exporters/backstage/entity.ts';
import type { CatalogEntity } from './read-catalog.ts';

/** True for an address an entry's link fields accept (`https://…`, `http://…`). */
export function isWebAddress(url: unknown): url is string {
  return typeof url === 'string' && /^https?:\/\/\S+$/.test(url.trim());
}

/** The keys of a record that are not among `known`. */
export function unknownKeys(record: Readonly<Record<string, unknown>>, known: readonly string[]): string[] {
  return Object.keys(record).filter((key) => !known.includes(key));
}

/**
 * The fields every imported entry takes from an entity's metadata: its description, its tags
 * (without the `tier-N` tags the export derives from the tier) and its visibility label.
 */
export function metadataFields(entity: CatalogEntity): Record<string, unknown> {
  const description = entity.metadata.description?.trim().replace(/\s+/g, ' ');
  const tags = (entity.metadata.tags ?? []).filter((tag) => typeof tag === 'string' && !/^tier-\d$/.test(tag));
  const visibility = entity.metadata.labels?.[MULTIPLANE_KEYS.visibility];
  return {
    ...(description ? { description } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(visibility === 'public' || visibility === 'internal' ? { visibility } : {}),
  };
}
