import type { Entry } from '../../core/content/entry.ts';
import type { PlatformGraph } from '../../core/graph/build-graph.ts';
import type { Governance } from '../../core/schemas/index.ts';

export type StatusLevel = 'operational' | 'degraded' | 'outage';

export interface PlatformStatus {
  readonly level: StatusLevel;
  readonly label: string;
  /** Incidents not yet resolved, most severe first. */
  readonly openIncidents: readonly Entry<'incidents'>[];
}

const LABELS: Record<StatusLevel, string> = {
  operational: 'All systems operational',
  degraded: 'Degraded performance',
  outage: 'Outage',
};

/**
 * Derives the platform's status from its open incidents: an open SEV1 or SEV2 is an outage,
 * any other open incident is degraded performance, none is operational. Computed at build time
 * from the content, never written by hand.
 */
export function platformStatus(graph: PlatformGraph): PlatformStatus {
  const openIncidents = graph
    .collection('incidents')
    .filter((incident) => incident.data.status !== 'resolved')
    .sort((a, b) => a.data.severity.localeCompare(b.data.severity) || b.data.started.getTime() - a.data.started.getTime());
  const worst = openIncidents[0]?.data.severity;
  const level: StatusLevel = !worst ? 'operational' : worst === 'SEV1' || worst === 'SEV2' ? 'outage' : 'degraded';
  return { level, label: LABELS[level], openIncidents };
}

/** Returns the most recent deployment to a production environment, if any. */
export function lastProductionDeployment(graph: PlatformGraph, governance: Governance): Entry<'deployments'> | undefined {
  let latest: Entry<'deployments'> | undefined;
  for (const deployment of graph.collection('deployments')) {
    if (!governance.productionEnvironments.includes(deployment.data.environment)) continue;
    if (!latest || deployment.data.date > latest.data.date) latest = deployment;
  }
  return latest;
}
