import { LOOP_STEPS, type LoopStep } from '../../core/graph/loop.ts';
import { PLANE_DEFINITIONS, type PlaneDefinition } from '../../core/planes.ts';
import type { Plane } from '../../core/schemas/index.ts';

/**
 * The site has one order of planes, the model's: Identity, Control, Knowledge, Execution,
 * Operations, Proof, Narrative, as the whitepaper, the home page, the sidebar and the dashboard
 * list them, and as the plane pages' previous and next links follow them. The operating loop is
 * not an order of the planes but a cycle through six of them; plane pages name their step in it
 * without "follows" or "leads to", which would read as a second order.
 */
export const PLANE_ORDER_NOTE = `Previous and next follow the planes in the model's order (${PLANE_DEFINITIONS.map((plane) => plane.label).join(', ')}), as the home page, the sidebar and the whitepaper list them; the operating loop is a cycle through six of them, step by step on its own page.`;

/** The planes before and after one, in the model's order; none at either end. */
export function planeNeighbours(plane: Plane): { previous: PlaneDefinition | undefined; next: PlaneDefinition | undefined } {
  const index = PLANE_DEFINITIONS.findIndex((definition) => definition.id === plane);
  return { previous: index > 0 ? PLANE_DEFINITIONS[index - 1] : undefined, next: index >= 0 ? PLANE_DEFINITIONS[index + 1] : undefined };
}

/** Where a plane sits in the operating loop: its step (1-based), the step's work, and the steps around it. */
export interface LoopPosition {
  readonly step: number;
  readonly of: number;
  readonly label: string;
  /** The step work comes from, and the one it goes on to (the loop closes back to its first step). */
  readonly from: LoopStep;
  readonly to: LoopStep;
}

/** The plane's step in the operating loop; undefined for Identity, the anchor outside it. */
export function loopPosition(plane: Plane): LoopPosition | undefined {
  const index = LOOP_STEPS.findIndex((step) => step.plane === plane);
  if (index < 0) return undefined;
  const count = LOOP_STEPS.length;
  return { step: index + 1, of: count, label: LOOP_STEPS[index]!.label, from: LOOP_STEPS[(index + count - 1) % count]!, to: LOOP_STEPS[(index + 1) % count]! };
}

/** A plane's label. */
export function planeLabel(plane: Plane | string): string {
  return PLANE_DEFINITIONS.find((definition) => definition.id === plane)?.label ?? plane;
}
