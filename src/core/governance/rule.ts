import type { AnyEntry } from '../content/entry.ts';
import type { RuleDocs } from '../findings/catalogue.ts';
import type { PlatformGraph } from '../graph/build-graph.ts';
import type { CollectionName, Governance } from '../schemas/index.ts';
import type { Severity } from '../findings/finding.ts';

/** What a rule sees besides the entry itself. */
export interface RuleContext {
  readonly graph: PlatformGraph;
  readonly governance: Governance;
  /** The instant rules measure ages against; pinned for reproducible runs. */
  readonly now: Date;
  /** Computes a value once per run and shares it between entries (cycles, indexes). */
  memo<T>(key: string, compute: () => T): T;
}

/** One problem a rule found; the runner adds file, line, plane and the configured severity. */
export interface RuleResult {
  readonly message: string;
  readonly hint: string;
  /** Frontmatter path the problem is about; its line is looked up. */
  readonly path?: readonly (string | number)[];
  /** A line to use instead, e.g. of a body heading. */
  readonly line?: number;
  /** Overrides the rule's default severity (e.g. a review long overdue); configuration still wins. */
  readonly severity?: Severity;
  /** Attributes the finding to another entry (e.g. the second file of a duplicate ID). */
  readonly at?: AnyEntry;
}

export type EntryOf<C extends CollectionName> = Extract<AnyEntry, { collection: C }>;

/** A governance rule: documentation, the collections it inspects, and its check. */
export interface Rule<C extends CollectionName = CollectionName> extends RuleDocs {
  readonly collections: readonly C[];
  check(entry: EntryOf<C>, context: RuleContext): RuleResult[];
}

/** Declares a rule; the identity function exists for type inference. */
export function defineRule<C extends CollectionName>(rule: Rule<C>): Rule<C> {
  return rule;
}
