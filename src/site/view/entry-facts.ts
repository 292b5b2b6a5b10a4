import type { AnyEntry } from '../../core/content/entry.ts';
import type { PlatformGraph } from '../../core/graph/build-graph.ts';

/**
 * The date an entry is listed and sorted by: when it happened (deployments, incidents, articles,
 * case studies) or when it was last reviewed (policies, runbooks).
 */
export function entryDate(entry: AnyEntry): Date | undefined {
  switch (entry.collection) {
    case 'deployments':
      return entry.data.date;
    case 'incidents':
      return entry.data.started;
    case 'articles':
    case 'case-studies':
      return entry.data.date;
    case 'policies':
    case 'runbooks':
      return entry.data.review.last;
    default:
      return undefined;
  }
}

export type BadgeVariant = 'note' | 'tip' | 'caution' | 'danger' | 'success' | 'default';

export interface StatusBadge {
  readonly text: string;
  readonly variant: BadgeVariant;
}

/** The one-word state of an entry, for lists, badges and the search filter. */
export function entryStatus(entry: AnyEntry): StatusBadge | undefined {
  switch (entry.collection) {
    case 'policies':
      return { text: entry.data.status, variant: entry.data.status === 'active' ? 'success' : entry.data.status === 'draft' ? 'caution' : 'default' };
    case 'services': {
      const lifecycle = entry.data.lifecycle;
      return { text: lifecycle, variant: lifecycle === 'production' ? 'success' : lifecycle === 'experimental' ? 'note' : 'caution' };
    }
    case 'deployments': {
      const outcome = entry.data.outcome;
      return { text: outcome, variant: outcome === 'succeeded' ? 'success' : outcome === 'failed' ? 'danger' : 'caution' };
    }
    case 'incidents':
      return {
        text: entry.data.status === 'resolved' ? 'resolved' : `open: ${entry.data.status}`,
        variant: entry.data.status === 'resolved' ? 'default' : entry.data.severity === 'SEV1' || entry.data.severity === 'SEV2' ? 'danger' : 'caution',
      };
    case 'owners':
      return { text: entry.data.kind, variant: 'default' };
    case 'runbooks':
      return { text: entry.data.kind, variant: 'note' };
    default:
      return undefined;
  }
}

/**
 * The owner an entry answers to: its owner or author, itself for owners, and for deployments
 * and incidents the owner of the (first) service concerned.
 */
export function ownerKeyOf(entry: AnyEntry, graph: PlatformGraph): string | undefined {
  switch (entry.collection) {
    case 'deployments':
      return serviceOwner(graph, `services/${entry.data.service}`);
    case 'incidents':
      return serviceOwner(graph, `services/${entry.data.services[0] ?? ''}`);
    case 'owners':
      return entry.key;
    case 'policies':
    case 'runbooks':
    case 'services':
    case 'case-studies':
      return `owners/${entry.data.owner}`;
    case 'articles':
      return `owners/${entry.data.author}`;
    case 'platform':
      return `owners/${entry.data.trustAnchor}`;
    default:
      return undefined;
  }
}

function serviceOwner(graph: PlatformGraph, key: string): string | undefined {
  const service = graph.get(key);
  return service?.collection === 'services' ? `owners/${service.data.owner}` : undefined;
}
