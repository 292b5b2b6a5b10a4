import { COLLECTIONS, type CollectionName, type Plane } from './schemas/index.ts';

export interface PlaneDefinition {
  readonly id: Plane;
  readonly label: string;
  /** One sentence: what the plane answers. */
  readonly summary: string;
}

/** The seven planes of the operating model, in presentation order. */
export const PLANE_DEFINITIONS: readonly PlaneDefinition[] = [
  { id: 'identity', label: 'Identity', summary: 'Who owns the platform and each part of it: the trust anchor every other plane points back to.' },
  { id: 'control', label: 'Control', summary: 'Governance: who may do what, how work is routed, and which policies are enforced.' },
  { id: 'knowledge', label: 'Knowledge', summary: 'How things are done: runbooks, procedures, standards and architecture.' },
  { id: 'execution', label: 'Execution', summary: 'Delivery: the services, pipelines and deployments that put work into production.' },
  { id: 'operations', label: 'Operations', summary: 'Running it: monitoring, alerting, on-call, incidents and backups.' },
  { id: 'proof', label: 'Proof', summary: 'Evidence: case studies and the measured outcomes of the work.' },
  { id: 'narrative', label: 'Narrative', summary: 'Meaning: articles that explain decisions and the lessons learned.' },
];

/** Returns the collections of a plane, in model order. */
export function collectionsOfPlane(plane: Plane): CollectionName[] {
  return Object.values(COLLECTIONS)
    .filter((definition) => definition.plane === plane)
    .map((definition) => definition.name);
}
