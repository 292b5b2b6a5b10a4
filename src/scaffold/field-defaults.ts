import type { FieldDefault } from '../core/collections/descriptor.ts';
import type { AnyEntry } from '../core/content/entry.ts';
import { PLACEHOLDER } from '../core/governance/rules/placeholder-text.ts';
import { COLLECTIONS, type EntryCollectionName, type Governance } from '../core/schemas/index.ts';

export type { FieldDefault } from '../core/collections/descriptor.ts';

/** Who a new entry's owner field names, and why. */
export interface OwnerChoice {
  readonly id: string;
  /** `chosen`: given by the author; `trust-anchor`: the platform's; `placeholder`: nothing fits. */
  readonly source: 'chosen' | 'trust-anchor' | 'placeholder';
}

/** What the defaults are computed from. */
export interface DefaultsContext {
  readonly collection: EntryCollectionName;
  readonly title: string;
  /** The `kind` of a runbook or owner. */
  readonly kind: string | undefined;
  readonly owner: OwnerChoice;
  readonly now: Date;
  readonly governance: Governance;
  /** Entries already in the content, for "the value most entries use". */
  readonly entries: readonly AnyEntry[];
}

/** The field of each collection that `--owner` fills (its owner, author or commander), from the descriptors. */
export const OWNER_FIELDS: Partial<Record<EntryCollectionName, string>> = Object.fromEntries(
  Object.values(COLLECTIONS).flatMap((descriptor) => ('ownerField' in descriptor && descriptor.ownerField ? [[descriptor.name, descriptor.ownerField]] : [])),
);

/** The kinds an entry of a collection can be, for the collections that have kinds, from the descriptors. */
export const ENTRY_KINDS: Partial<Record<EntryCollectionName, readonly string[]>> = Object.fromEntries(
  Object.values(COLLECTIONS).flatMap((descriptor) => ('kinds' in descriptor && descriptor.kinds ? [[descriptor.name, descriptor.kinds]] : [])),
);

/**
 * Placeholder prefix. The placeholder-text rule reports `TODO` and `TODO: …` values; reference
 * placeholders (`TODO-owner`) are not IDs of any entry, so dangling-reference reports them.
 */
export const TODO = PLACEHOLDER;

/**
 * Returns the values of a new entry's required fields, by dotted path, as its collection's
 * descriptor chooses them. Fields left out get a generic value from their schema (see
 * `render-frontmatter.ts`).
 *
 * The choices, each made so the new file passes the check without claiming more than the author
 * said:
 * - Dates are the day of `now` (`--now` or SOURCE_DATE_EPOCH pin it).
 * - Enums whose value brings governance duties take the value with the fewest: a service is
 *   `experimental`, a policy `draft`, an incident `investigating`, a deployment goes to a
 *   non-production environment; tier and severity are the most critical ones that the
 *   governance settings attach no duty to (no runbook, no postmortem), so the author raises
 *   them deliberately. Purely descriptive enums (a policy's category, a deployment's outcome)
 *   take the value most existing entries use.
 * - Owner fields name the platform's trust anchor: the operating model makes it accountable for
 *   whatever nobody else has claimed, so it is true until the author names the real owner, and
 *   a comment in the file says so. A placeholder ID would fail `owner-exists` and block the
 *   build for a file that is otherwise fine. An incident's commander is a person, which the
 *   trust anchor rarely is, so it gets a placeholder that the check reports.
 * - What only the author knows (which service, which version) is a `TODO` placeholder: as a
 *   reference, `dangling-reference` reports it; as text, it is listed when the file is written.
 */
export function fieldDefaults(context: DefaultsContext): Record<string, FieldDefault> {
  const descriptor = COLLECTIONS[context.collection];
  const owner: FieldDefault = {
    value: context.owner.id,
    ...(context.owner.source === 'trust-anchor' ? { note: `Set to the platform's trust anchor, accountable until someone else is: name the real owner.` } : {}),
  };
  const defaults = descriptor.scaffold?.({
    title: context.title,
    kind: context.kind,
    owner,
    now: context.now,
    today: context.now.toISOString().slice(0, 10),
    instant: context.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    governance: context.governance,
    todo: TODO,
    siblings: context.entries.filter((entry) => entry.collection === context.collection).map((entry) => entry.data as Record<string, unknown>),
  });
  return { title: { value: context.title }, ...defaults };
}
