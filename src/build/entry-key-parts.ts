import { editionReport } from '../core/editions/edition-view.ts';
import type { PlatformModel } from '../core/model/build-model.ts';
import { entryKeyPart } from '../site/page-keys.ts';
import { ENTRY_COLLECTIONS } from '../site/routes.ts';
import { publishSiteState } from '../site/site-state.ts';
import { PRIMARY_INDEX } from './search-shards.ts';
import type { BuildPlan } from './build-plan.ts';
import { runWorker } from './run-worker.ts';

/**
 * The key part of every entry page (`entryKeyPart` in src/site/page-keys.ts), worked out in a
 * worker of Astro's process while Astro syncs the content and bundles the site, so that its
 * page generation only looks them up. At 10,000 entries they took 1 s of Astro's one thread, on
 * every build, just before the pages it reuses were found; the second core is idle then.
 *
 * The worker reads the build plan itself and renders nothing: it publishes the plan's model as a
 * site state of its own, as the integration does in Astro's thread, and asks the very function
 * the pages would. Resolves with undefined when it fails (the pages then work each out
 * themselves), never rejects.
 */
export function entryKeyPartsAside(planFile: string): Promise<ReadonlyMap<string, string> | undefined> {
  return runWorker<[string, string][]>(WORKER, { planFile }, 'The worker of the pages’ keys').then(
    (parts) => new Map(parts),
    () => undefined,
  );
}

const WORKER = new URL('./entry-key-parts-worker.ts', import.meta.url);

/**
 * The key parts of the entry pages of `plan`'s edition, by entry key, as the pages would work them
 * out: from the same model, narrowed to the same edition, published as the site state.
 */
export async function entryKeyParts(plan: Pick<BuildPlan, 'root' | 'contentDir' | 'edition' | 'mergedSearchIndexes'>, model: PlatformModel): Promise<[string, string][]> {
  const report = editionReport(model, { edition: plan.edition, includeDrafts: false });
  await publishSiteState({
    context: { root: plan.root, contentDir: plan.contentDir, edition: plan.edition, dev: false, searchIndexes: [PRIMARY_INDEX, ...plan.mergedSearchIndexes] },
    model,
    report,
    version: 1,
    bodyOf: () => {
      throw new Error('A page key needs no entry body.');
    },
  });
  const collections = new Set<string>(ENTRY_COLLECTIONS);
  return [...report.graph.entries.values()].filter((entry) => collections.has(entry.collection)).map((entry) => [entry.key, entryKeyPart(report, entry)]);
}
