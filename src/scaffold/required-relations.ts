import { COLLECTIONS, type CollectionName, type EntryCollectionName } from '../core/schemas/index.ts';
import { toAuthoringJsonSchema } from '../core/schemas/json-schema.ts';
import { OWNER_FIELDS } from './field-defaults.ts';

/** A reference field a new entry cannot do without, asked for by `npm run new`. */
export interface RequiredRelation {
  /** The frontmatter field, e.g. `services`. */
  readonly field: string;
  /** The collections its IDs point into. */
  readonly to: readonly CollectionName[];
  /** True for a list of IDs, false for one. */
  readonly many: boolean;
}

/**
 * The required reference fields of a collection besides its owner field (asked for separately):
 * an incident's services, a deployment's service. Read from the collection's declared references
 * and its schema's required fields, so a collection that gains one is asked for it too.
 */
export function requiredRelations(collection: EntryCollectionName): RequiredRelation[] {
  const descriptor = COLLECTIONS[collection];
  const required = new Set((toAuthoringJsonSchema(descriptor.schema, collection).required as string[] | undefined) ?? []);
  return descriptor.references.flatMap((reference): RequiredRelation[] => {
    const [field, rest] = reference.path;
    if (!field || !required.has(field) || field === OWNER_FIELDS[collection] || reference.to === 'any') return [];
    if (reference.path.length > 2 || (rest !== undefined && rest !== '*')) return [];
    return [{ field, to: reference.to, many: rest === '*' }];
  });
}
