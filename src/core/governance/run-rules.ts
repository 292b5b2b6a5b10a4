import type { AnyEntry } from '../content/entry.ts';
import type { PlatformGraph } from '../graph/build-graph.ts';
import type { CollectionName, Governance } from '../schemas/index.ts';
import { formatPath } from '../text/closest.ts';
import type { Finding } from '../findings/finding.ts';
import type { Rule, RuleContext } from './rule.ts';
import { RULES } from './rules/index.ts';

export interface RuleRun {
  /** Findings with the configured severities; rules set to `off` report nothing. */
  readonly findings: readonly Finding[];
  /** True when the rule found a problem with the entry, whatever its configured severity. */
  failed(rule: string, key: string): boolean;
  /** Per rule ID, the keys of the entries it found a problem with (what `failed` answers from). */
  readonly failures: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A rule run from its failures, e.g. after the model crossed a process boundary. */
export function ruleRunOf(findings: readonly Finding[], failures: ReadonlyMap<string, ReadonlySet<string>>): RuleRun {
  return { findings, failures, failed: (rule, key) => failures.get(rule)?.has(key) ?? false };
}

/**
 * Runs every rule over every entry of the collections it inspects. Results are kept per rule and
 * entry even for rules configured `off`, because scorecards are defined by rules, not by what
 * a team chose to display.
 */
export function runRules(
  graph: PlatformGraph,
  governance: Governance,
  now: Date,
  rules: readonly Rule<any>[] = RULES,
): RuleRun {
  const memory = new Map<string, unknown>();
  const context: RuleContext = {
    graph,
    governance,
    now,
    memo<T>(key: string, compute: () => T): T {
      if (!memory.has(key)) memory.set(key, compute());
      return memory.get(key) as T;
    },
  };

  const byCollection = new Map<CollectionName, Rule<any>[]>();
  for (const rule of rules) {
    for (const collection of rule.collections) {
      const list = byCollection.get(collection) ?? [];
      list.push(rule);
      byCollection.set(collection, list);
    }
  }

  const findings: Finding[] = [];
  const failures = new Map<string, Set<string>>(rules.map((rule) => [rule.id, new Set<string>()]));
  for (const entry of graph.entries.values()) {
    for (const rule of byCollection.get(entry.collection) ?? []) {
      const results = rule.check(entry, context);
      if (results.length === 0) continue;
      failures.get(rule.id)?.add(entry.key);
      const configured = governance.severity[rule.id];
      if (configured === 'off') continue;
      for (const result of results) {
        const target: AnyEntry = result.at ?? entry;
        const path = result.path ?? [];
        findings.push({
          rule: rule.id,
          severity: configured ?? result.severity ?? rule.severity,
          plane: rule.plane,
          message: result.message,
          hint: result.hint,
          file: target.file,
          line: result.line ?? target.locator.lineOf(path),
          ...(path.length > 0 ? { field: formatPath(path) } : {}),
          entry: target.key,
        });
      }
    }
  }
  return ruleRunOf(findings, failures);
}
