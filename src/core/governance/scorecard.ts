import type { PlatformGraph } from '../graph/build-graph.ts';
import { type RelationName, relationView } from '../graph/relations.ts';
import type { Governance, ScorecardCheck } from '../schemas/governance.ts';
import { capitalize } from '../text/capitalize.ts';
import type { RuleRun } from './run-rules.ts';
import { inForce } from './standing.ts';

/**
 * What a check says about a service: `pass`, `fail`, or `n/a` when it does not apply (a rule
 * about production services, for an experimental one; a check through `deployedBy`, for a service
 * never deployed). n/a is never counted as a pass.
 */
export type CheckStatus = 'pass' | 'fail' | 'n/a';

export interface CheckOutcome {
  /** The check as configured: a rule ID, optionally through a relation. */
  readonly rule: string;
  readonly via?: string;
  readonly status: CheckStatus;
  /** True when `status` is `pass`; kept for readers of the JSON report, which only ever adds fields. */
  readonly passed: boolean;
  /** Keys of the entries that failed it (the service itself, or related entries). */
  readonly failing: readonly string[];
  /** True when an edition left out entries that failed it: it names none of them, and no count. */
  readonly withheld?: boolean;
}

export interface LevelOutcome {
  readonly name: string;
  readonly checks: readonly CheckOutcome[];
  /** `fail` when a check fails, `n/a` when none applies, else `pass`. */
  readonly status: CheckStatus;
  /** True when `status` is `pass`. */
  readonly passed: boolean;
}

export interface ServiceScore {
  readonly key: string;
  /** Highest level earned, or undefined when none is (or the service is not rated). */
  readonly level: string | undefined;
  /** Index of the level earned; -1 for none. */
  readonly rank: number;
  readonly levels: readonly LevelOutcome[];
  /**
   * True when the service's lifecycle earns levels (`scorecard.lifecycles`, production by
   * default). Other services are shown by their lifecycle: an experimental service that passes
   * every check that applies to it is not "Gold".
   */
  readonly rated: boolean;
  readonly lifecycle: string;
  /** The level its tier is expected to reach (`scorecard.expected`), if any. */
  readonly expected?: string;
}

/**
 * Scores every service against the configured levels, from the checks that apply to it. A level
 * is earned when one of its checks applies and none fails, and every level below it is earned or
 * has no check that applies; so a level is never earned by checks that do not apply, and a level
 * of nothing but n/a neither earns nor blocks. Only services of a rated lifecycle get a level.
 * `now` decides which related entries are in force for checks through a relation.
 */
export function scoreServices(graph: PlatformGraph, governance: Governance, run: RuleRun, now: Date): ServiceScore[] {
  const { scorecard } = governance;
  return graph.collection('services').map((service) => {
    const levels = scorecard.levels.map((level): LevelOutcome => {
      const checks = level.checks.map((check) => evaluate(check, service.key, graph, run, now));
      const status: CheckStatus = checks.some((check) => check.status === 'fail')
        ? 'fail'
        : checks.some((check) => check.status === 'pass')
          ? 'pass'
          : 'n/a';
      return { name: level.name, checks, status, passed: status === 'pass' };
    });
    const rated = scorecard.lifecycles.includes(service.data.lifecycle);
    let rank = -1;
    if (rated) {
      for (let index = 0; index < levels.length; index++) {
        const status = levels[index]?.status;
        if (status === 'fail') break;
        if (status === 'pass') rank = index;
      }
    }
    const expected = scorecard.expected[String(service.data.tier) as keyof typeof scorecard.expected];
    return {
      key: service.key,
      level: levels[rank]?.name,
      rank,
      levels,
      rated,
      lifecycle: service.data.lifecycle,
      ...(expected ? { expected } : {}),
    };
  });
}

function evaluate(check: ScorecardCheck, key: string, graph: PlatformGraph, run: RuleRun, now: Date): CheckOutcome {
  const outcome = (status: CheckStatus, failing: readonly string[] = []) => ({ status, passed: status === 'pass', failing });
  if (typeof check === 'string') {
    // A rule that did not run (misspelt, or a policy check that does not compile) cannot pass;
    // validateSettings and the policy's own finding say why.
    if (!run.knows(check)) return { rule: check, ...outcome('fail') };
    if (!run.applies(check, key)) return { rule: check, ...outcome('n/a') };
    const failed = run.failed(check, key);
    return { rule: check, ...outcome(failed ? 'fail' : 'pass', failed ? [key] : []) };
  }
  // An unknown relation is reported by validateSettings; here it simply cannot pass.
  if (!isRelationName(check.via) || !run.knows(check.rule)) return { rule: check.rule, via: check.via, ...outcome('fail') };
  // Drafts and retired entries satisfy nothing, and neither do they count against the service:
  // a retired runbook's overdue review is not the service's problem.
  const related = graph
    .related(key, check.via)
    .filter((entry) => inForce(entry, graph, now) && run.applies(check.rule, entry.key));
  if (related.length === 0) return { rule: check.rule, via: check.via, ...outcome('n/a') };
  const failing = related.filter((entry) => run.failed(check.rule, entry.key)).map((entry) => entry.key);
  return { rule: check.rule, via: check.via, ...outcome(failing.length === 0 ? 'pass' : 'fail', failing) };
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

/** What a service's scorecard badge says: its level, "No level", or its lifecycle when it is not rated. */
export function scoreLabel(score: ServiceScore): string {
  if (!score.rated) return capitalize(score.lifecycle);
  return score.level ?? 'No level';
}

export interface LevelCount {
  readonly level: string | undefined;
  readonly count: number;
}

/**
 * Counts rated services per level, lowest first, with those that earned none as `undefined`.
 * Services that are not rated are counted by `countUnrated`.
 */
export function countByLevel(scores: readonly ServiceScore[], governance: Governance): LevelCount[] {
  const rated = scores.filter((score) => score.rated);
  const names: (string | undefined)[] = [undefined, ...governance.scorecard.levels.map((level) => level.name)];
  return names.map((level) => ({ level, count: rated.filter((score) => score.level === level).length }));
}

/** Counts the services that are not rated, by lifecycle, e.g. `[{ lifecycle: 'experimental', count: 2 }]`. */
export function countUnrated(scores: readonly ServiceScore[]): { lifecycle: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const score of scores) if (!score.rated) counts.set(score.lifecycle, (counts.get(score.lifecycle) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([lifecycle, count]) => ({ lifecycle, count }));
}

/** "2 experimental, 1 deprecated", or an empty text when every service is rated. */
export function describeUnrated(scores: readonly ServiceScore[]): string {
  return countUnrated(scores)
    .map(({ lifecycle, count }) => `${count} ${lifecycle}`)
    .join(', ');
}

export interface OwnerScorecard {
  readonly owner: string;
  readonly services: readonly ServiceScore[];
  /** Rated services per level, lowest first; `level: undefined` counts those that reached none. */
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
