import type { AnyEntry } from '../content/entry.ts';
import type { RuleDocs } from '../findings/catalogue.ts';
import type { PlatformGraph } from '../graph/build-graph.ts';
import type { PolicyCheckProblems } from '../policy-checks/compile-policy-checks.ts';
import type { CollectionName, Governance } from '../schemas/index.ts';
import type { Severity } from '../findings/finding.ts';
import type { ServiceScore } from './scorecard.ts';

/** What a rule sees besides the entry itself. */
export interface RuleContext {
  readonly graph: PlatformGraph;
  readonly governance: Governance;
  /** The instant rules measure ages against; pinned for reproducible runs. */
  readonly now: Date;
  /** Computes a value once per run and shares it between entries (cycles, indexes). */
  memo<T>(key: string, compute: () => T): T;
  /**
   * The scorecard of a service, as the rules of the `entries` stage left it. Only rules of the
   * `scorecard` stage may ask; earlier, no score exists yet.
   */
  scoreOf(key: string): ServiceScore | undefined;
  /** What compiling the policies' own checks found wrong, by policy key. */
  readonly policyChecks: PolicyCheckProblems;
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
  /**
   * Whether the rule has anything to say about the entry: service-governed is about production
   * services only. An entry it does not apply to is neither checked nor counted as passing it;
   * scorecards show such a check as n/a. Without it, the rule applies to every entry of its
   * collections.
   */
  applies?(entry: EntryOf<C>, context: RuleContext): boolean;
  check(entry: EntryOf<C>, context: RuleContext): RuleResult[];
  /**
   * When the rule runs: `entries` (the default) with every other rule, or `scorecard` after
   * them, when `context.scoreOf` answers. Rules about levels are the only `scorecard` rules.
   */
  readonly stage?: 'entries' | 'scorecard';
}

/** Declares a rule; the identity function exists for type inference. */
export function defineRule<C extends CollectionName>(rule: Rule<C>): Rule<C> {
  return rule;
}
