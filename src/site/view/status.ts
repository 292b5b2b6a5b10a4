import type { Entry } from '../../core/content/entry.ts';
import type { PlatformGraph } from '../../core/graph/build-graph.ts';
import { isProduction } from '../../core/governance/environments.ts';
import { formatDate } from '../../core/text/dates.ts';
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
    if (!isProduction(deployment.data.environment, governance)) continue;
    if (!latest || deployment.data.date > latest.data.date) latest = deployment;
  }
  return latest;
}

/**
 * What the status line in every page's header shows that can change with one entry: the
 * platform's state and its last production deployment. It is published once, as `status.json`,
 * and read by each page in the browser, so a new incident or deployment changes one small file
 * instead of every page (src/components/PageTitle.astro).
 */
export interface StatusSummary {
  readonly level: StatusLevel;
  readonly label: string;
  /** Where the state is explained: the worst open incident, else the overview's status. */
  readonly href: string;
  readonly openIncidents: number;
  readonly lastDeployment: { readonly title: string; readonly href: string; readonly date: string; readonly text: string } | null;
}

/** The status summary of a platform, with links made by `links.entry` from entry keys. */
export function statusSummary(graph: PlatformGraph, governance: Governance, links: { readonly entry: (key: string) => string; readonly overview: string }): StatusSummary {
  const status = platformStatus(graph);
  const deployment = lastProductionDeployment(graph, governance);
  const worst = status.openIncidents[0];
  return {
    level: status.level,
    label: status.label,
    href: worst ? links.entry(worst.key) : links.overview,
    openIncidents: status.openIncidents.length,
    lastDeployment: deployment
      ? { title: deployment.title, href: links.entry(deployment.key), date: deployment.data.date.toISOString(), text: formatDate(deployment.data.date) }
      : null,
  };
}
