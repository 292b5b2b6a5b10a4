import { normalizeReference } from '../content/entry-id.ts';
import { COLLECTION_NAMES, type CollectionName, type ReferenceField } from '../schemas/index.ts';
import { closest } from '../text/closest.ts';

/** What a reference can be resolved against. */
export interface ReferenceLookup {
  /** True when `collection/id` names an entry, or a file that exists but failed to load. */
  exists(key: string): boolean;
  /** IDs of a collection's entries, for "did you mean". */
  ids(collection: CollectionName): readonly string[];
}

/** Why a reference did not resolve. */
export type UnresolvedReason = 'missing' | 'ambiguous' | 'needs-collection' | 'wrong-collection';

export type Resolution =
  | { readonly key: string }
  | {
      readonly reason: UnresolvedReason;
      /** A close existing entry, written as the field accepts it, as a likely fix for a typo. */
      readonly suggestion?: string;
      /** For `ambiguous`: every key that matches. */
      readonly candidates?: readonly string[];
    };

/**
 * Resolves a reference written in a field, in every form the model accepts:
 *
 * 1. the bare ID inside the field's own collections (`restore-db` in a runbooks field), spelt as
 *    the file name is spelt or in ID form (`Restore DB`, `restore-db.md`);
 * 2. then `collection/id` (`runbooks/restore-db`), which is required where the field points into
 *    every collection and picks one where a bare ID matches several.
 *
 * A bare ID is tried first so that an entry in a subfolder named like a collection
 * (`runbooks/services/restore.md`, ID `services/restore`) is found by its own ID.
 */
export function resolveReference(written: string, field: Pick<ReferenceField, 'to'>, lookup: ReferenceLookup): Resolution {
  const value = normalizeReference(written);
  const allowed = field.to === 'any' ? COLLECTION_NAMES : field.to;
  if (field.to !== 'any') {
    const matches = allowed.map((name) => `${name}/${value}`).filter((key) => lookup.exists(key));
    if (matches.length === 1) return { key: matches[0]! };
    if (matches.length > 1) return { reason: 'ambiguous', candidates: matches };
  }
  const prefixed = COLLECTION_NAMES.find((name) => value.startsWith(`${name}/`));
  if (prefixed) {
    if (!allowed.includes(prefixed)) return { reason: 'wrong-collection' };
    if (lookup.exists(value)) return { key: value };
    return suggest(value.slice(prefixed.length + 1), [prefixed], lookup, true);
  }
  if (field.to === 'any') {
    const exact = COLLECTION_NAMES.map((name) => `${name}/${value}`).filter((key) => lookup.exists(key));
    if (exact.length === 1) return { reason: 'needs-collection', suggestion: exact[0]! };
    return { ...suggest(value, COLLECTION_NAMES, lookup, true), reason: 'needs-collection' };
  }
  return suggest(value, allowed, lookup, allowed.length > 1);
}

function suggest(id: string, collections: readonly CollectionName[], lookup: ReferenceLookup, qualified: boolean): Resolution {
  const candidates = collections.flatMap((name) => lookup.ids(name).map((candidate) => ({ name, id: candidate })));
  const guess = closest(id, candidates.map((candidate) => candidate.id));
  const match = guess === undefined ? undefined : candidates.find((candidate) => candidate.id === guess);
  if (!match) return { reason: 'missing' };
  return { reason: 'missing', suggestion: qualified ? `${match.name}/${match.id}` : match.id };
}
