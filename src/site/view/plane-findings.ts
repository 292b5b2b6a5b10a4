import type { CheckReport } from '../../core/check/run-check.ts';
import type { Finding } from '../../core/findings/finding.ts';
import { COLLECTIONS, type Plane } from '../../core/schemas/index.ts';

/**
 * What the site says about how findings are counted per plane, in the words each page shows.
 * One attribution everywhere (home cards, plane pages, the dashboard's table and filter), the one
 * completeness uses: a finding counts on the plane of the entry it is reported on, whichever
 * plane's rule raised it. A runbook missing for a service is a Knowledge rule's finding, and it
 * counts on Execution, where the service is.
 */
export const PLANE_ATTRIBUTION =
  "A finding counts on the plane of the entry it is reported on, whichever plane's rule raised it; findings about no entry (settings, stray files) count on no plane.";

/** The plane a finding counts on: its entry's plane; undefined for a finding about no entry. */
export function findingPlane(finding: Finding, report: CheckReport): Plane | undefined {
  const entry = finding.entry ? report.graph.get(finding.entry) : undefined;
  return entry ? COLLECTIONS[entry.collection].plane : undefined;
}

export interface PlaneFindings {
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  /** Notices ask a reviewer to look; they count as neither errors nor warnings. */
  readonly notices: number;
}

const cache = new WeakMap<CheckReport, ReadonlyMap<Plane, PlaneFindings>>();

/** The findings that count on each plane, with their counts; built once per report. */
export function findingsByPlane(report: CheckReport): ReadonlyMap<Plane, PlaneFindings> {
  const cached = cache.get(report);
  if (cached) return cached;
  const lists = new Map<Plane, Finding[]>();
  for (const finding of report.findings) {
    const plane = findingPlane(finding, report);
    if (!plane) continue;
    const list = lists.get(plane) ?? [];
    list.push(finding);
    lists.set(plane, list);
  }
  const result = new Map<Plane, PlaneFindings>();
  for (const [plane, findings] of lists) {
    const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
    result.set(plane, { findings, errors: count('error'), warnings: count('warning'), notices: count('notice') });
  }
  cache.set(report, result);
  return result;
}

/** The findings that count on one plane (none: empty lists and zero counts). */
export function planeFindings(report: CheckReport, plane: Plane): PlaneFindings {
  return findingsByPlane(report).get(plane) ?? { findings: [], errors: 0, warnings: 0, notices: 0 };
}
