import type { AnyEntry } from '../content/entry.ts';
import type { PlatformGraph } from '../graph/build-graph.ts';

/**
 * Where an entry stands, from its own fields: `draft` (marked `draft: true`, or a draft policy),
 * `retired` (a retired policy or service), `deprecated` (a deprecated service, still running but
 * on its way out) or `live`.
 */
export type Standing = 'live' | 'draft' | 'retired' | 'deprecated';

/** Returns the entry's standing (see `Standing`). */
export function standingOf(entry: AnyEntry): Standing {
  if (entry.collection !== 'platform' && entry.data.draft) return 'draft';
  if (entry.collection === 'policies') return entry.data.status === 'active' ? 'live' : entry.data.status;
  if (entry.collection === 'services') {
    if (entry.data.lifecycle === 'retired') return 'retired';
    if (entry.data.lifecycle === 'deprecated') return 'deprecated';
  }
  return 'live';
}

/**
 * True when the entry can satisfy a requirement at the instant `at`: drafts and retired entries
 * satisfy nothing. A policy is in force from its `effective` day; a retired one only until a
 * policy that supersedes it took effect, so a deployment made under the old change policy, before
 * the new one replaced it, is still authorized. A retired policy that nothing supersedes has no
 * known end, so it authorizes nothing.
 */
export function inForce(entry: AnyEntry, graph: PlatformGraph, at: Date): boolean {
  const standing = standingOf(entry);
  if (standing === 'draft') return false;
  if (entry.collection === 'policies') {
    if (entry.data.effective > at) return false;
    if (standing === 'live') return true;
    return graph
      .related(entry.key, 'supersededBy')
      .some((successor) => successor.collection === 'policies' && standingOf(successor) !== 'draft' && successor.data.effective > at);
  }
  return standing !== 'retired';
}
