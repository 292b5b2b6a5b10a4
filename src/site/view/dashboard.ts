import type { CheckReport } from '../../core/check/run-check.ts';
import type { Finding } from '../../core/findings/finding.ts';
import { ownerKeyOf } from '../../core/collections/entry-facts.ts';
import type { Plane } from '../../core/schemas/index.ts';
import { findingPlane } from './plane-findings.ts';

export interface DashboardFinding extends Finding {
  /** Key of the owner accountable for the entry, when it has one. */
  readonly owner: string | undefined;
  /** The plane the finding counts on: its entry's (see plane-findings.ts), not its rule's. */
  readonly countsOn: Plane | undefined;
}

export interface Facet {
  readonly value: string;
  readonly count: number;
}

export interface Dashboard {
  readonly findings: readonly DashboardFinding[];
  readonly bySeverity: readonly Facet[];
  readonly byPlane: readonly Facet[];
  readonly byOwner: readonly Facet[];
  readonly byRule: readonly Facet[];
}

/**
 * Every finding with its owner, and the counts per severity, plane, owner and rule. Planes are
 * counted as everywhere on the site: on the plane of the finding's entry.
 */
export function dashboard(report: CheckReport): Dashboard {
  const findings = report.findings.map((finding): DashboardFinding => {
    const entry = finding.entry ? report.graph.get(finding.entry) : undefined;
    return { ...finding, owner: entry ? ownerKeyOf(entry, report.graph) : undefined, countsOn: findingPlane(finding, report) };
  });
  // Errors first, then by plane and file, so the most urgent work leads.
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.file.localeCompare(b.file) || a.line - b.line);
  return {
    findings,
    bySeverity: facet(findings, (finding) => finding.severity),
    byPlane: facet(findings, (finding) => finding.countsOn ?? NO_PLANE),
    byOwner: facet(findings, (finding) => finding.owner ?? 'no owner'),
    byRule: facet(findings, (finding) => finding.rule),
  };
}

/** The plane filter's value for findings about no entry. */
export const NO_PLANE = 'none';

function facet(findings: readonly DashboardFinding[], pick: (finding: DashboardFinding) => string): Facet[] {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(pick(finding), (counts.get(pick(finding)) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
