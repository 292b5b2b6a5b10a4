import { COLLECTIONS } from '../../core/collections/index.ts';
import { describeShape, entryShape, relationsOf, type Shape } from '../../core/policy-checks/check-shapes.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../core/schemas/shared.ts';

export interface VariableRow {
  /** `entry.operations.backups.lastRestoreTest`, `entry.outcomes[].name`. */
  readonly path: string;
  readonly type: string;
  /** False when an entry may lack it: test it with `has()` first. */
  readonly always: boolean;
  readonly description: string;
  readonly depth: number;
}

export interface CollectionVariables {
  readonly collection: CollectionName;
  readonly label: string;
  readonly entry: readonly VariableRow[];
  /** Each relation an entry of the collection may have, with the collections at its other end. */
  readonly relations: readonly { readonly name: string; readonly targets: readonly string[] }[];
}

function rows(shape: Shape, prefix: string, depth: number, out: VariableRow[]): void {
  if (shape.kind !== 'object') return;
  for (const [name, field] of shape.fields) {
    const path = `${prefix}.${name}`;
    out.push({ path, type: describeShape(field.shape), always: field.always, description: field.description, depth });
    if (field.shape.kind === 'object') rows(field.shape, path, depth + 1, out);
    if (field.shape.kind === 'list' && field.shape.of.kind === 'object') rows(field.shape.of, `${path}[]`, depth + 1, out);
  }
}

/**
 * The variables a policy check's expression has for entries of each collection, from the same
 * shapes the checker validates expressions against, so the guide cannot disagree with it.
 */
export function policyCheckVariables(): CollectionVariables[] {
  return COLLECTION_NAMES.filter((name) => name !== 'platform').map((collection) => {
    const entry: VariableRow[] = [];
    rows(entryShape(collection), 'entry', 0, entry);
    return {
      collection,
      label: COLLECTIONS[collection].label,
      entry,
      relations: [...relationsOf([collection])].map(([name, targets]) => ({ name, targets })),
    };
  });
}
