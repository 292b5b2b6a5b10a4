import type { PlatformGraph } from '../graph/build-graph.ts';
import { isProduction } from '../governance/environments.ts';
import type { Governance } from '../schemas/governance.ts';

/** What the metrics need of one production deployment. Instants are milliseconds since 1970. */
export interface DeploymentFact {
  readonly key: string;
  /** When it finished. */
  readonly date: number;
  /** When its change was committed, when recorded (and not after the deployment). */
  readonly committed: number | undefined;
  /** True when it failed or was rolled back, or an incident names it in `causedBy`. */
  readonly failed: boolean;
}

/** What the metrics need of one incident of the severities that count for time to restore. */
export interface IncidentFact {
  readonly key: string;
  readonly started: number;
  /** When it was resolved; undefined while it is open. */
  readonly resolved: number | undefined;
}

/** The facts of one scope (the platform, a service, an owner), each list sorted by time. */
export interface ScopeFacts {
  readonly deployments: readonly DeploymentFact[];
  readonly incidents: readonly IncidentFact[];
}

export interface DeliveryFacts {
  readonly platform: ScopeFacts;
  /** By service key: its deployments, and the incidents that affected it. */
  readonly services: ReadonlyMap<string, ScopeFacts>;
  /** By owner key: the union over the services it owns. */
  readonly owners: ReadonlyMap<string, ScopeFacts>;
}

/**
 * Reads the facts the delivery metrics are computed from, through the graph's resolved references
 * only: production deployments (as governance.yaml names production) with their outcome and the
 * incidents they caused, incidents of the severities that count, and who owns which service.
 * Works on any graph, so an edition's graph gives that edition's facts and nothing else.
 */
export function deliveryFacts(graph: PlatformGraph, governance: Governance): DeliveryFacts {
  const severities = new Set<string>(governance.metrics.restoreSeverities);
  const deployments = new Map<string, DeploymentFact>();
  for (const entry of graph.collection('deployments')) {
    if (!isProduction(entry.data.environment, governance)) continue;
    const date = entry.data.date.getTime();
    const committed = entry.data.committed?.getTime();
    deployments.set(entry.key, {
      key: entry.key,
      date,
      // A commit recorded after the deployment is a typo, not a negative lead time.
      committed: committed !== undefined && committed <= date ? committed : undefined,
      failed: entry.data.outcome !== 'succeeded' || graph.related(entry.key, 'caused').length > 0,
    });
  }
  const incidents = new Map<string, IncidentFact>();
  for (const entry of graph.collection('incidents')) {
    if (!severities.has(entry.data.severity)) continue;
    const resolved = entry.data.status === 'resolved' ? entry.data.resolved?.getTime() : undefined;
    incidents.set(entry.key, { key: entry.key, started: entry.data.started.getTime(), resolved });
  }

  const services = new Map<string, ScopeFacts>();
  const owned = new Map<string, string[]>();
  for (const service of graph.collection('services')) {
    services.set(service.key, {
      deployments: sortedBy(pick(graph.related(service.key, 'deployedBy'), deployments), 'date'),
      incidents: sortedBy(pick(graph.related(service.key, 'affectedBy'), incidents), 'started'),
    });
    const owner = graph.related(service.key, 'ownedBy')[0];
    if (owner) owned.set(owner.key, [...(owned.get(owner.key) ?? []), service.key]);
  }
  const owners = new Map<string, ScopeFacts>();
  for (const [owner, keys] of owned) {
    // An incident that hit two services of one owner counts once for the owner.
    const union = <T extends { key: string }>(lists: readonly (readonly T[])[]) => [...new Map(lists.flat().map((item) => [item.key, item])).values()];
    const scopes = keys.map((key) => services.get(key)!);
    owners.set(owner, {
      deployments: sortedBy(union(scopes.map((scope) => scope.deployments)), 'date'),
      incidents: sortedBy(union(scopes.map((scope) => scope.incidents)), 'started'),
    });
  }
  return {
    platform: { deployments: sortedBy([...deployments.values()], 'date'), incidents: sortedBy([...incidents.values()], 'started') },
    services,
    owners,
  };
}

function pick<T>(entries: readonly { key: string }[], facts: ReadonlyMap<string, T>): T[] {
  return entries.map((entry) => facts.get(entry.key)).filter((fact): fact is T => fact !== undefined);
}

function sortedBy<T, K extends keyof T>(list: T[], field: K): T[] {
  return list.sort((a, b) => (a[field] as number) - (b[field] as number));
}
