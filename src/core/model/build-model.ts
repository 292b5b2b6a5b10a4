import type { LoadedContent } from '../content/content-store.ts';
import type { AnyEntry } from '../content/entry.ts';
import { DIAGNOSTICS } from '../findings/catalogue.ts';
import { compareFindings, type Finding } from '../findings/finding.ts';
import { type PlaneCompleteness, planeCompleteness } from '../governance/completeness.ts';
import { RULES } from '../governance/rules/index.ts';
import { type RuleRun, runRules } from '../governance/run-rules.ts';
import { type ServiceScore, scoreServices } from '../governance/scorecard.ts';
import { validateSettings } from '../governance/validate-settings.ts';
import { buildGraph, type PlatformGraph } from '../graph/build-graph.ts';
import { openLoops } from '../graph/loop.ts';
import { policyCheckId } from '../policy-checks/policy-check-id.ts';
import type { PolicyCheckCompiler } from '../policy-checks/policy-check-compiler.ts';

/**
 * The resolved platform: every entry, every relation in both directions, every finding, the
 * scorecards, plane completeness and open loops. Everything that shows the platform (the
 * terminal, JSON, annotations, the site, the PDF) reads this one model.
 */
export interface PlatformModel {
  /** The instant the rules measured ages against. */
  readonly now: Date;
  readonly content: LoadedContent;
  readonly graph: PlatformGraph;
  readonly run: RuleRun;
  /** Every finding, loader and rules, sorted by file and line. */
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  readonly scores: readonly ServiceScore[];
  readonly completeness: readonly PlaneCompleteness[];
  readonly openLoops: readonly AnyEntry[];
}

/**
 * Builds the model from loaded content: the graph, then every rule, the policies' checks compiled
 * by `compileChecks` (see `policyCheckCompiler`). Never throws on bad content.
 */
export function buildModel(content: LoadedContent, now: Date, compileChecks: PolicyCheckCompiler): PlatformModel {
  const graph = buildGraph(content.entries, content.rejected);
  const run = runRules(graph, content.governance, now, compileChecks);
  // Every check a policy declares may be named in the settings, also while its policy is a draft.
  const policyChecks = graph.collection('policies').flatMap((policy) => policy.data.checks.map((check) => policyCheckId(policy.id, check.name)));
  const knownIds = [...RULES.map((rule) => rule.id), ...Object.values(DIAGNOSTICS).map((docs) => docs.id), ...policyChecks];
  const findings = [...content.findings, ...validateSettings(content, knownIds), ...run.findings].sort(compareFindings);
  return {
    now,
    content,
    graph,
    run,
    ...countFindings(findings),
    scores: scoreServices(graph, content.governance, run, now),
    completeness: planeCompleteness(graph, findings),
    openLoops: openLoops(graph, content.governance),
  };
}

/** The findings with their error and warning counts; notices count as neither. */
export function countFindings(findings: readonly Finding[]): { findings: readonly Finding[]; errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
  }
  return { findings, errors, warnings };
}
