import { DIAGNOSTICS } from '../content/diagnostics.ts';
import { type LoadedContent, loadContent } from '../content/load-content.ts';
import { buildGraph, type PlatformGraph } from '../graph/build-graph.ts';
import { openLoops } from '../graph/loop.ts';
import type { AnyEntry } from '../content/entry.ts';
import { type PlaneCompleteness, planeCompleteness } from '../governance/completeness.ts';
import { compareFindings, type Finding } from '../governance/finding.ts';
import { RULES } from '../governance/rules/index.ts';
import { runRules, type RuleRun } from '../governance/run-rules.ts';
import { scoreServices, type ServiceScore } from '../governance/scorecard.ts';
import { validateSettings } from '../governance/validate-settings.ts';

export interface CheckOptions {
  /** Project root; finding paths are relative to it. */
  readonly root: string;
  /** Content folder relative to the root. Defaults to `content`. */
  readonly contentDir?: string;
  /** The instant rules measure against (see `resolveNow`). */
  readonly now: Date;
}

/** Everything one run of the checker knows, for every output: terminal, JSON, annotations, site. */
export interface CheckReport {
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

/** Loads the content, builds the graph and runs every rule. Never throws on bad content. */
export function runCheck(options: CheckOptions): CheckReport {
  const content = loadContent({ root: options.root, ...(options.contentDir ? { contentDir: options.contentDir } : {}) });
  const graph = buildGraph(content.entries, content.rejected);
  const run = runRules(graph, content.governance, options.now);
  const knownIds = [...RULES.map((rule) => rule.id), ...Object.values(DIAGNOSTICS).map((docs) => docs.id)];
  const findings = [...content.findings, ...validateSettings(content, knownIds), ...run.findings].sort(compareFindings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return {
    now: options.now,
    content,
    graph,
    run,
    findings,
    errors,
    warnings: findings.length - errors,
    scores: scoreServices(graph, content.governance, run),
    completeness: planeCompleteness(graph, findings),
    openLoops: openLoops(graph, content.governance),
  };
}
