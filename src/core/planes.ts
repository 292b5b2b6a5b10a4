import { COLLECTIONS, type CollectionName, type Plane } from './schemas/index.ts';

export interface PlaneDefinition {
  readonly id: Plane;
  readonly label: string;
  /** One sentence: what the plane answers. */
  readonly summary: string;
  /** A short paragraph on what the plane records and how it connects to the others. */
  readonly explanation: string;
}

/** The seven planes of the operating model, in presentation order. */
export const PLANE_DEFINITIONS: readonly PlaneDefinition[] = [
  {
    id: 'identity',
    label: 'Identity',
    summary: 'Who owns the platform and each part of it: the trust anchor every other plane points back to.',
    explanation:
      'Identity records the teams and people who own the platform, how to reach them and how to escalate to them. The platform names one trust anchor, the owner accountable for the whole; every policy, service, runbook and case study names an owner, so that no part of the platform is without someone answerable for it.',
  },
  {
    id: 'control',
    label: 'Control',
    summary: 'Governance: who may do what, how work is routed, and which policies are enforced.',
    explanation:
      'Control holds the policies that define how work enters the platform: access, routing, change, security and data. Each policy has an owner, a status, a review cadence, a scope and an enforcement mechanism. Services are governed by policies; deployments follow a change policy; incidents and case studies feed changes back into them.',
  },
  {
    id: 'knowledge',
    label: 'Knowledge',
    summary: 'How things are done: runbooks, procedures, standards and architecture.',
    explanation:
      'Knowledge documents how the work is done: runbooks for on-call, procedures for routine changes, standards to build against and architecture records of decisions. Each document covers services, implements policies and is reviewed on a cadence, so the steps followed during an incident are current.',
  },
  {
    id: 'execution',
    label: 'Execution',
    summary: 'Delivery: the services, pipelines and deployments that put work into production.',
    explanation:
      'Execution is what the platform delivers: its services, their tiers, lifecycles and dependencies, and every deployment that changed them, with who approved it and under which change policy.',
  },
  {
    id: 'operations',
    label: 'Operations',
    summary: 'Running it: monitoring, alerting, on-call, incidents and backups.',
    explanation:
      'Operations is how the platform runs: the monitoring, alerting and on-call of each service, the backups of the data it holds, and the incidents that happened, with their commanders, the runbooks used and their postmortems.',
  },
  {
    id: 'proof',
    label: 'Proof',
    summary: 'Evidence: case studies and the measured outcomes of the work.',
    explanation:
      'Proof captures what the work achieved, measured: case studies name the services and deployments they delivered and their outcomes as before-and-after metrics, so claims about the platform can be checked.',
  },
  {
    id: 'narrative',
    label: 'Narrative',
    summary: 'Meaning: articles that explain decisions and the lessons learned.',
    explanation:
      'Narrative explains: articles tell why decisions were taken and what incidents and projects taught, and the whitepaper sets out the model itself. An article that explains an incident or a case study closes its loop.',
  },
];

/** Returns the collections of a plane, in model order. */
export function collectionsOfPlane(plane: Plane): CollectionName[] {
  return Object.values(COLLECTIONS)
    .filter((definition) => definition.plane === plane)
    .map((definition) => definition.name);
}
