import type { AnyEntry } from '../content/entry.ts';
import type { PlatformGraph } from '../graph/build-graph.ts';
import type { PolicyCheckCompiler } from '../policy-checks/policy-check-compiler.ts';
import type { CollectionName, Governance } from '../schemas/index.ts';
import { formatPath } from '../text/closest.ts';
import type { Finding } from '../findings/finding.ts';
import type { Rule, RuleContext } from './rule.ts';
import { RULES } from './rules/index.ts';
import { type ServiceScore, scoreServices } from './scorecard.ts';

export interface RuleRun {
  /** Findings with the configured severities; rules set to `off` report nothing. */
  readonly findings: readonly Finding[];
  /** True when the rule found a problem with the entry, whatever its configured severity. */
  failed(rule: string, key: string): boolean;
  /**
   * True when the rule applies to the entry: it inspects the entry's collection and its
   * `applies` did not rule the entry out. False for a rule that did not run at all.
   */
  applies(rule: string, key: string): boolean;
  /** True when a rule of that ID ran (a built-in rule, or a policy check that compiled). */
  knows(rule: string): boolean;
  /** Per rule ID, the keys of the entries it found a problem with (what `failed` answers from). */
  readonly failures: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per rule ID, the keys of the entries of its collections it does not apply to. */
  readonly notApplicable: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per rule ID that ran, the collections it inspects. */
  readonly collections: ReadonlyMap<string, readonly CollectionName[]>;
}

/** A rule run from its plain parts, e.g. after the model crossed a process boundary. */
export function ruleRunOf(
  findings: readonly Finding[],
  failures: ReadonlyMap<string, ReadonlySet<string>>,
  notApplicable: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  collections: ReadonlyMap<string, readonly CollectionName[]> = new Map(),
): RuleRun {
  return {
    findings,
    failures,
    notApplicable,
    collections,
    failed: (rule, key) => failures.get(rule)?.has(key) ?? false,
    applies(rule, key) {
      const inspected = collections.get(rule);
      if (!inspected?.includes(key.slice(0, key.indexOf('/')) as CollectionName)) return false;
      return !(notApplicable.get(rule)?.has(key) ?? false);
    },
    knows: (rule) => collections.has(rule),
  };
}

/**
 * Runs every rule over every entry of the collections it inspects: the built-in rules, then each
 * check the policies carry (compiled once here, for the whole run, by `compileChecks`:
 * `compilePolicyChecks`, or what `policyCheckCompiler` loads). Results are kept per rule and
 * entry even for rules configured `off`, because scorecards are defined by rules, not by what a
 * team chose to display; so is which entries each rule applied to, so that a scorecard tells
 * "not applicable" from "passed". Rules of the `scorecard` stage run last, when scores exist.
 */
export function runRules(
  graph: PlatformGraph,
  governance: Governance,
  now: Date,
  compileChecks: PolicyCheckCompiler,
  rules: readonly Rule<any>[] = RULES,
): RuleRun {
  const policyChecks = compileChecks(graph, now);
  const all = [...rules, ...policyChecks.rules];
  const memory = new Map<string, unknown>();
  let scores: ReadonlyMap<string, ServiceScore> | undefined;
  let scoresReady = false;
  const context: RuleContext = {
    graph,
    governance,
    now,
    memo<T>(key: string, compute: () => T): T {
      if (!memory.has(key)) memory.set(key, compute());
      return memory.get(key) as T;
    },
    scoreOf(key) {
      if (!scoresReady) throw new Error('Scores are known only to rules of the scorecard stage.');
      // Scored on first use: a platform that expects no level never pays for it.
      scores ??= new Map(scoreServices(graph, governance, ruleRunOf(findings, failures, notApplicable, collections), now).map((score) => [score.key, score]));
      return scores.get(key);
    },
    policyChecks: policyChecks.problems,
  };

  const findings: Finding[] = [];
  const failures = new Map<string, Set<string>>(all.map((rule) => [rule.id, new Set<string>()]));
  const notApplicable = new Map<string, Set<string>>(all.map((rule) => [rule.id, new Set<string>()]));
  const collections = new Map<string, readonly CollectionName[]>(all.map((rule) => [rule.id, rule.collections]));

  const runStage = (stage: readonly Rule<any>[]) => {
    const byCollection = new Map<CollectionName, Rule<any>[]>();
    for (const rule of stage) {
      for (const collection of rule.collections) {
        const list = byCollection.get(collection) ?? [];
        list.push(rule);
        byCollection.set(collection, list);
      }
    }
    for (const entry of graph.entries.values()) {
      for (const rule of byCollection.get(entry.collection) ?? []) {
        if (rule.applies && !rule.applies(entry, context)) {
          notApplicable.get(rule.id)?.add(entry.key);
          continue;
        }
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
  };

  runStage(all.filter((rule) => (rule.stage ?? 'entries') === 'entries'));
  const late = all.filter((rule) => rule.stage === 'scorecard');
  if (late.length > 0) {
    // Scores come from the rules so far: a rule about levels is never itself a scorecard check.
    scoresReady = true;
    runStage(late);
  }
  return ruleRunOf(findings, failures, notApplicable, collections);
}
