import type { PlatformGraph } from '../graph/build-graph.ts';
import { type RelationName, relationView } from '../graph/relations.ts';
import type { Governance, ScorecardCheck } from '../schemas/governance.ts';
import type { RuleRun } from './run-rules.ts';

export interface CheckOutcome {
  /** The check as configured: a rule ID, optionally through a relation. */
  readonly rule: string;
  readonly via?: string;
  readonly passed: boolean;
  /** Keys of the entries that failed it (the service itself, or related entries). */
  readonly failing: readonly string[];
  /** True when an edition left out entries that failed it: it names none of them, and no count. */
  readonly withheld?: boolean;
}

export interface LevelOutcome {
  readonly name: string;
  readonly checks: readonly CheckOutcome[];
  readonly passed: boolean;
}

export interface ServiceScore {
  readonly key: string;
  /** Highest level reached, or undefined when the first level is not met. */
  readonly level: string | undefined;
  /** Index of the level reached; -1 for none. */
  readonly rank: number;
  readonly levels: readonly LevelOutcome[];
}

/**
 * Scores every service against the configured levels. A level is reached when all its checks
 * and those of every level below pass, as in Port's and OpsLevel's scorecards.
 */
export function scoreServices(graph: PlatformGraph, governance: Governance, run: RuleRun): ServiceScore[] {
  return graph.collection('services').map((service) => {
    const levels = governance.scorecard.levels.map((level): LevelOutcome => {
      const checks = level.checks.map((check) => evaluate(check, service.key, graph, run));
      return { name: level.name, checks, passed: checks.every((check) => check.passed) };
    });
    let rank = -1;
    while (rank + 1 < levels.length && levels[rank + 1]?.passed) rank++;
    return { key: service.key, level: levels[rank]?.name, rank, levels };
  });
}

function evaluate(check: ScorecardCheck, key: string, graph: PlatformGraph, run: RuleRun): CheckOutcome {
  if (typeof check === 'string') {
    const failed = run.failed(check, key);
    return { rule: check, passed: !failed, failing: failed ? [key] : [] };
  }
  // An unknown relation is reported by validateSettings; here it simply cannot pass.
  if (!isRelationName(check.via)) return { rule: check.rule, via: check.via, passed: false, failing: [] };
  const related = graph.related(key, check.via);
  const failing = related.filter((entry) => run.failed(check.rule, entry.key)).map((entry) => entry.key);
  return { rule: check.rule, via: check.via, passed: failing.length === 0, failing };
}

/** True when `name` is a relation a scorecard `via` may use. */
export function isRelationName(name: string): name is RelationName {
  try {
    relationView(name as RelationName);
    return true;
  } catch {
    return false;
  }
}

export interface LevelCount {
  readonly level: string | undefined;
  readonly count: number;
}

/** Counts services per level, lowest first, with the services that reached none as `undefined`. */
export function countByLevel(scores: readonly ServiceScore[], governance: Governance): LevelCount[] {
  const names: (string | undefined)[] = [undefined, ...governance.scorecard.levels.map((level) => level.name)];
  return names.map((level) => ({ level, count: scores.filter((score) => score.level === level).length }));
}

export interface OwnerScorecard {
  readonly owner: string;
  readonly services: readonly ServiceScore[];
  /** Services per level, lowest first; `level: undefined` counts those that reached none. */
  readonly levels: readonly LevelCount[];
}

/** Groups service scores by the owner of each service, owners in key order. */
export function scoresByOwner(graph: PlatformGraph, scores: readonly ServiceScore[], governance: Governance): OwnerScorecard[] {
  const byOwner = new Map<string, ServiceScore[]>();
  for (const score of scores) {
    const owner = graph.related(score.key, 'ownedBy')[0]?.key;
    if (!owner) continue;
    const list = byOwner.get(owner) ?? [];
    list.push(score);
    byOwner.set(owner, list);
  }
  return [...byOwner]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([owner, services]) => ({ owner, services, levels: countByLevel(services, governance) }));
}
