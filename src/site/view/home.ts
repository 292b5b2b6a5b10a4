import type { AnyEntry } from '../../core/content/entry.ts';
import type { CheckReport } from '../../core/check/run-check.ts';
import { LOOP_STEPS } from '../../core/graph/loop.ts';
import { collectionsOfPlane, PLANE_DEFINITIONS } from '../../core/planes.ts';
import { COLLECTIONS, type CollectionName, type EntryCollectionName, type Plane } from '../../core/schemas/index.ts';
import type { LoopStepView } from '../diagrams/loop.ts';
import { planeHref } from '../routes.ts';
import { entryDate } from '../../core/collections/entry-facts.ts';

export interface PlaneCard {
  readonly plane: Plane;
  readonly label: string;
  readonly summary: string;
  readonly collections: readonly { readonly name: EntryCollectionName; readonly label: string; readonly noun: string; readonly singular: string; readonly count: number }[];
  readonly entries: number;
  /** Share of the plane's entries with no finding, 0 to 1. */
  readonly completeness: number;
  readonly errors: number;
  readonly warnings: number;
}

/** The seven planes with their entry counts and governance completeness. */
export function planeCards(report: CheckReport): PlaneCard[] {
  return PLANE_DEFINITIONS.map((plane) => {
    const completeness = report.completeness.find((item) => item.plane === plane.id);
    return {
      plane: plane.id,
      label: plane.label,
      summary: plane.summary,
      collections: collectionsOfPlane(plane.id)
        .filter((name): name is EntryCollectionName => COLLECTIONS[name].source.kind === 'folder')
        .map((name) => ({
        name,
        label: COLLECTIONS[name].label,
        noun: COLLECTIONS[name].noun,
        singular: COLLECTIONS[name].singular.toLowerCase(),
        count: report.graph.collection(name).length,
      })),
      entries: completeness?.entries ?? 0,
      completeness: completeness?.ratio ?? 1,
      errors: completeness?.errors ?? 0,
      warnings: completeness?.warnings ?? 0,
    };
  });
}

/**
 * How many entries the platform has, as every page and the PDF count them: every entry of the
 * model, the platform's own identity record included (it is the Identity plane's first entry,
 * counted in its completeness too).
 */
export function entryCount(report: CheckReport): number {
  return report.graph.entries.size;
}

/** The newest entries of a dated collection, newest first. */
export function latest(report: CheckReport, collection: CollectionName, count: number): AnyEntry[] {
  return [...report.graph.collection(collection)]
    .sort((a, b) => (entryDate(b)?.getTime() ?? 0) - (entryDate(a)?.getTime() ?? 0))
    .slice(0, count);
}

/** The loop's steps as diagram boxes, with the number of entries at each step. */
export function loopSteps(report: CheckReport): { steps: LoopStepView[]; anchor: LoopStepView } {
  const label = (plane: Plane) => PLANE_DEFINITIONS.find((definition) => definition.id === plane)?.label ?? plane;
  const steps = LOOP_STEPS.map((step) => {
    // Each collection counted on its own: "11 services, 16 deployments".
    const detail = step.collections
      .map((name) => {
        const count = report.graph.collection(name).length;
        return `${count} ${count === 1 ? COLLECTIONS[name].singular.toLowerCase() : COLLECTIONS[name].noun}`;
      })
      .join(', ');
    return { plane: step.plane, label: label(step.plane), detail, href: planeHref(step.plane) };
  });
  const owners = report.graph.collection('owners').length;
  return { steps, anchor: { plane: 'identity', label: 'Identity: the anchor', detail: `${owners} ${owners === 1 ? 'owner' : 'owners'}, one for every step`, href: planeHref('identity') } };
}
