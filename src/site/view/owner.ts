import type { CheckReport } from '../../core/check/run-check.ts';
import { countByLevel, describeUnrated, type LevelCount } from '../../core/governance/scorecard.ts';
import { COLLECTIONS, type CollectionName } from '../../core/schemas/index.ts';

export interface OwnedGroup {
  readonly collection: CollectionName;
  readonly label: string;
  readonly keys: readonly string[];
}

export interface OwnerOverview {
  /** What the owner owns or wrote, by collection. */
  readonly owned: readonly OwnedGroup[];
  /** Services the owner is on call for. */
  readonly onCallFor: readonly string[];
  /** Scorecard levels of the owner's services, lowest first. */
  readonly levels: readonly LevelCount[];
  /** Its services that are not rated, by lifecycle ("1 experimental"); empty when all are. */
  readonly unrated: string;
  readonly services: number;
}

/** Everything an owner is accountable for, grouped for its page. */
export function ownerOverview(report: CheckReport, ownerKey: string): OwnerOverview {
  const { graph } = report;
  const owned = [...graph.related(ownerKey, 'owns'), ...graph.related(ownerKey, 'authored')];
  const byCollection = new Map<CollectionName, string[]>();
  for (const entry of owned) {
    const list = byCollection.get(entry.collection) ?? [];
    list.push(entry.key);
    byCollection.set(entry.collection, list);
  }
  const order = Object.keys(COLLECTIONS) as CollectionName[];
  const groups = [...byCollection]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([collection, keys]) => ({ collection, label: COLLECTIONS[collection].label, keys: keys.sort() }));
  const serviceScores = report.scores.filter((score) => byCollection.get('services')?.includes(score.key));
  return {
    owned: groups,
    onCallFor: graph.related(ownerKey, 'onCallFor').map((entry) => entry.key),
    levels: countByLevel(serviceScores, report.content.governance),
    // Services of a lifecycle that earns no level, by lifecycle ("1 experimental"), or empty.
    unrated: describeUnrated(serviceScores),
    services: serviceScores.length,
  };
}
