import type { AnyEntry } from '../content/entry.ts';
import type { CheckReport } from '../check/run-check.ts';
import { buildGraph } from '../graph/build-graph.ts';
import { planeCompleteness } from '../governance/completeness.ts';
import type { Finding } from '../findings/finding.ts';
import type { ServiceScore } from '../governance/scorecard.ts';
import { countFindings } from '../model/build-model.ts';

export type Edition = 'internal' | 'public';

export interface EditionOptions {
  readonly edition: Edition;
  /** Drafts are checked but never published; only `astro dev` shows them. */
  readonly includeDrafts: boolean;
}

/** Written in place of a reference to an entry the edition leaves out. */
export const INTERNAL_ID = '(internal)';

export interface EditionReport extends CheckReport {
  readonly edition: Edition;
  /** Keys of the entries this edition leaves out. */
  readonly hidden: ReadonlySet<string>;
}

/** Returns who may read an entry: its own `visibility`, else the platform's default. */
export function visibilityOf(entry: AnyEntry, defaultVisibility: 'internal' | 'public'): 'internal' | 'public' {
  if (entry.collection === 'platform') return 'public';
  return entry.data.visibility ?? defaultVisibility;
}

/**
 * Narrows a check report to what one edition publishes. The internal edition keeps every entry
 * but drafts; the public edition also drops internal entries, and everything that would reveal
 * them: references to them read `(internal)`, and findings, scores and loops concern only
 * published entries. Governance is still judged on the whole platform (a public service governed
 * by an internal policy is governed), so findings are taken from the full report, not recomputed.
 */
export function editionReport(report: CheckReport, options: EditionOptions): EditionReport {
  const defaultVisibility = report.graph.platform?.data.defaultVisibility ?? 'internal';
  const visible = (entry: AnyEntry) =>
    (options.includeDrafts || entry.collection === 'platform' || !entry.data.draft) &&
    (options.edition === 'internal' || visibilityOf(entry, defaultVisibility) === 'public');
  const shown: AnyEntry[] = [];
  const hidden = new Set<string>();
  for (const [key, entry] of report.graph.entries) {
    if (visible(entry)) shown.push(entry);
    else hidden.add(key);
  }
  if (hidden.size === 0) return { ...report, edition: options.edition, hidden };

  const hiddenIds = new Set([...hidden].map((key) => key.slice(key.indexOf('/') + 1)));
  const entries = shown.map((entry) => redactReferences(entry, report, hidden));
  const graph = buildGraph(entries, hidden);
  // The public edition shows only findings about the entries it publishes. A finding about no
  // entry (a stray file, the settings) would name files the edition does not publish.
  const findings = report.findings
    .filter((finding) => (finding.entry ? !hidden.has(finding.entry) : options.edition === 'internal'))
    .map((finding) => redactFinding(finding, hidden, hiddenIds));
  return {
    ...report,
    edition: options.edition,
    hidden,
    content: { ...report.content, entries },
    graph,
    ...countFindings(findings),
    scores: report.scores.filter((score) => !hidden.has(score.key)).map((score) => withheldScore(score, hidden)),
    completeness: planeCompleteness(graph, findings),
    openLoops: report.openLoops.filter((entry) => !hidden.has(entry.key)),
  };
}

/** Replaces, in a published entry's data, every reference that resolves to a hidden entry. */
function redactReferences(entry: AnyEntry, report: CheckReport, hidden: ReadonlySet<string>): AnyEntry {
  const paths = report.graph
    .referencesOf(entry.key)
    .filter((reference) => hidden.has(reference.target))
    .map((reference) => reference.path);
  if (paths.length === 0) return entry;
  const data = structuredClone(entry.data) as unknown as Record<string, unknown>;
  for (const path of paths) {
    let parent: unknown = data;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
    const last = path.at(-1);
    if (parent && typeof parent === 'object' && last !== undefined) {
      const current = (parent as Record<string | number, unknown>)[last];
      // Fields written `collection/id` keep their collection, so the page can say what kind it was.
      const prefix = typeof current === 'string' && current.includes('/') ? `${current.slice(0, current.indexOf('/'))}/` : '';
      (parent as Record<string | number, unknown>)[last] = `${prefix}${INTERNAL_ID}`;
    }
  }
  return { ...entry, data, raw: {} } as unknown as AnyEntry;
}

/** Replaces the IDs of hidden entries quoted in a finding's text. */
function redactFinding(finding: Finding, hidden: ReadonlySet<string>, hiddenIds: ReadonlySet<string>): Finding {
  const redact = (text: string) =>
    text.replace(/`([^`]+)`/g, (match, name: string) => (hidden.has(name) || hiddenIds.has(name) ? `\`${INTERNAL_ID}\`` : match));
  return { ...finding, message: redact(finding.message), hint: redact(finding.hint) };
}

/**
 * A score without the entries the edition leaves out: a check that failed on a hidden entry (a
 * service's internal runbook, say) keeps its verdict, but names no entry and gives no count.
 */
function withheldScore(score: ServiceScore, hidden: ReadonlySet<string>): ServiceScore {
  if (!score.levels.some((level) => level.checks.some((check) => check.failing.some((key) => hidden.has(key))))) return score;
  return {
    ...score,
    levels: score.levels.map((level) => ({
      ...level,
      checks: level.checks.map((check) => {
        const failing = check.failing.filter((key) => !hidden.has(key));
        return failing.length === check.failing.length ? check : { ...check, failing, withheld: true };
      }),
    })),
  };
}
