import type { AnyEntry } from '../content/entry.ts';
import type { Governance } from '../schemas/index.ts';
import type { CollectionName, Plane } from '../schemas/shared.ts';
import { standingOf } from '../governance/standing.ts';
import type { Link, PlatformGraph } from './build-graph.ts';

export interface LoopStep {
  readonly plane: Plane;
  /** What happens at this step of the loop. */
  readonly label: string;
  readonly collections: readonly CollectionName[];
}

/**
 * The operating loop: governance → execution → operations → proof → knowledge → narrative, and
 * back to governance. Identity sits outside the loop as the anchor every step points to.
 */
export const LOOP_STEPS: readonly LoopStep[] = [
  { plane: 'control', label: 'Governance defines how work enters', collections: ['policies'] },
  { plane: 'execution', label: 'Execution delivers it', collections: ['services', 'deployments'] },
  { plane: 'operations', label: 'Operations runs it', collections: ['incidents'] },
  { plane: 'proof', label: 'Proof captures the results', collections: ['case-studies'] },
  { plane: 'knowledge', label: 'Knowledge documents how it was done', collections: ['runbooks'] },
  { plane: 'narrative', label: 'Narrative explains the lessons', collections: ['articles', 'whitepaper'] },
];

/**
 * Returns the links that close an entry's loop: articles that explain it, policies or runbooks
 * that followed up. Drafts and retired entries close nothing: a lesson written into a draft has
 * not reached governance yet.
 */
export function loopClosures(graph: PlatformGraph, key: string): Link[] {
  return graph.links(key).filter((link) => {
    if (link.relation !== 'explainedBy' && link.relation !== 'followedUpBy') return false;
    const other = graph.get(link.target);
    return other !== undefined && standingOf(other) !== 'draft' && standingOf(other) !== 'retired';
  });
}

/**
 * True when an entry must be closed into the loop: a resolved incident of a listed severity,
 * or any case study.
 */
export function needsClosure(entry: AnyEntry, governance: Governance): boolean {
  if (entry.collection === 'case-studies') return true;
  if (entry.collection === 'incidents') {
    return entry.data.status === 'resolved' && governance.loop.severities.includes(entry.data.severity);
  }
  return false;
}

/** Returns the entries that must be closed into the loop but are not yet. */
export function openLoops(graph: PlatformGraph, governance: Governance): AnyEntry[] {
  return [...graph.collection('incidents'), ...graph.collection('case-studies')].filter(
    (entry) => needsClosure(entry, governance) && loopClosures(graph, entry.key).length === 0,
  );
}
