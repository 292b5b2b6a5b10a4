import type { AnyEntry } from '../core/content/entry.ts';
import { POLICY_CATEGORIES } from '../core/schemas/policy.ts';
import { OUTCOMES } from '../core/schemas/deployment.ts';
import type { EntryCollectionName, Governance } from '../core/schemas/index.ts';
import { SEVERITIES } from '../core/schemas/shared.ts';
import { PLACEHOLDER } from '../core/governance/rules/placeholder-text.ts';
import { formatList } from '../core/text/closest.ts';

/** A value the scaffold writes for a field, with an optional line saying why. */
export interface FieldDefault {
  readonly value: unknown;
  /** Written as a comment above the field, e.g. why this owner was chosen. */
  readonly note?: string;
}

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

/** The field of each collection that names the entry's accountable owner (or its author, its commander). */
export const OWNER_FIELDS: Partial<Record<EntryCollectionName, string>> = {
  policies: 'owner',
  runbooks: 'owner',
  services: 'owner',
  'case-studies': 'owner',
  articles: 'author',
  incidents: 'commander',
};

/**
 * Placeholder prefix. The placeholder-text rule reports `TODO` and `TODO: …` values; reference
 * placeholders (`TODO-owner`) are not IDs of any entry, so dangling-reference reports them.
 */
export const TODO = PLACEHOLDER;

/**
 * Returns the values of a new entry's required fields, by dotted path. Fields left out here get a
 * generic value from their schema (see `render-frontmatter.ts`).
 *
 * Choices, each made so the new file passes the check without claiming more than the author said:
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
  const { collection, title, governance } = context;
  const today = context.now.toISOString().slice(0, 10);
  const instant = context.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const owner: FieldDefault = {
    value: context.owner.id,
    ...(context.owner.source === 'trust-anchor'
      ? { note: `Set to the platform's trust anchor, accountable until someone else is: name the real owner.` }
      : {}),
  };
  const base: Record<string, FieldDefault> = { title: { value: title } };
  switch (collection) {
    case 'owners':
      return {
        ...base,
        kind: { value: context.kind ?? 'team' },
        'contact.chat': { value: `${TODO}: chat channel or handle`, note: 'Give at least one of email, chat and url.' },
      };
    case 'policies':
      return {
        ...base,
        owner,
        status: { value: 'draft', note: 'Draft until reviewed: an active policy governs services and must be reviewed on time.' },
        category: { value: mostCommon(context, 'category', POLICY_CATEGORIES) },
        effective: { value: today },
        'review.cadence': { value: '1y' },
        'review.last': { value: today },
        'enforcement.mode': { value: 'manual' },
        'enforcement.mechanism': { value: `${TODO}: how the policy is enforced` },
      };
    case 'runbooks':
      return {
        ...base,
        owner,
        kind: { value: context.kind ?? 'runbook' },
        'review.cadence': { value: '6m' },
        'review.last': { value: today },
      };
    case 'services': {
      const tier = [1, 2, 3, 4].find((candidate) => !governance.runbookRequiredTiers.includes(candidate)) ?? 4;
      return {
        ...base,
        owner,
        tier: { value: tier, note: `In production, tiers ${formatList(governance.runbookRequiredTiers.map(String), 'and') || 'none'} need a runbook.` },
        lifecycle: { value: 'experimental', note: 'Production services must be governed, monitored, alerted and on call.' },
      };
    }
    case 'deployments': {
      const environment = ['staging', 'development', 'test'].find((name) => !governance.productionEnvironments.includes(name)) ?? `${TODO}-environment`;
      return {
        ...base,
        service: { value: `${TODO}-service` },
        version: { value: TODO },
        environment: { value: environment, note: `Production environments (${governance.productionEnvironments.join(', ')}) need an approver and a change policy.` },
        date: { value: instant },
        pipeline: { value: `${TODO}: pipeline name or link` },
        outcome: { value: mostCommon(context, 'outcome', OUTCOMES) },
      };
    }
    case 'incidents': {
      const duties = new Set([...governance.postmortem.severities, ...governance.loop.severities]);
      const severity = SEVERITIES.find((level) => !duties.has(level)) ?? 'SEV4';
      return {
        ...base,
        services: { value: [`${TODO}-service`] },
        severity: { value: severity },
        status: { value: 'investigating' },
        started: { value: instant },
        commander: { value: context.owner.source === 'chosen' ? context.owner.id : `${TODO}-commander` },
      };
    }
    case 'case-studies':
      return { ...base, owner, date: { value: today } };
    case 'articles':
      return { ...base, author: owner, date: { value: today } };
    case 'whitepaper': {
      const orders = context.entries.flatMap((entry) => (entry.collection === 'whitepaper' ? [entry.data.order] : []));
      return { ...base, order: { value: orders.length > 0 ? Math.max(...orders) + 1 : 1, note: 'After the last chapter.' } };
    }
  }
}

/** The value of a field that most entries of the collection use, else the first allowed value. */
function mostCommon(context: DefaultsContext, field: string, allowed: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const entry of context.entries) {
    if (entry.collection !== context.collection) continue;
    const value = (entry.data as Record<string, unknown>)[field];
    if (typeof value === 'string') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  // Ties go to the earlier allowed value, so the result does not depend on file order.
  let best = allowed[0] ?? TODO;
  for (const value of allowed) if ((counts.get(value) ?? 0) > (counts.get(best) ?? 0)) best = value;
  return best;
}
