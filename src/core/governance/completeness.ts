import type { PlatformGraph } from '../graph/build-graph.ts';
import { collectionsOfPlane, PLANE_DEFINITIONS } from '../planes.ts';
import type { Plane } from '../schemas/shared.ts';
import type { Finding } from '../findings/finding.ts';

export interface PlaneCompleteness {
  readonly plane: Plane;
  readonly entries: number;
  /** Entries with no finding at all. */
  readonly complete: number;
  readonly errors: number;
  readonly warnings: number;
  /** complete / entries, 1 for an empty plane. */
  readonly ratio: number;
}

/**
 * Returns, per plane, how many of its entries have no finding. A finding counts against the
 * entry it is reported on, whatever rule's plane raised it.
 */
export function planeCompleteness(graph: PlatformGraph, findings: readonly Finding[]): PlaneCompleteness[] {
  const withFindings = new Map<string, { errors: number; warnings: number }>();
  for (const finding of findings) {
    // A notice asks a reviewer to look; it does not make an entry incomplete.
    if (!finding.entry || finding.severity === 'notice') continue;
    const counts = withFindings.get(finding.entry) ?? { errors: 0, warnings: 0 };
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    withFindings.set(finding.entry, counts);
  }
  return PLANE_DEFINITIONS.map(({ id }) => {
    const entries = collectionsOfPlane(id).flatMap((name) => graph.collection(name));
    let complete = 0;
    let errors = 0;
    let warnings = 0;
    for (const entry of entries) {
      const counts = withFindings.get(entry.key);
      if (!counts) complete++;
      else {
        errors += counts.errors;
        warnings += counts.warnings;
      }
    }
    return { plane: id, entries: entries.length, complete, errors, warnings, ratio: entries.length ? complete / entries.length : 1 };
  });
}
