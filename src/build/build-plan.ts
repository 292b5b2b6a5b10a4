import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { PortableEntries, PortableModel } from '../core/model/portable-model.ts';

/**
 * Everything the Astro process of `npm run build` is told, in one file: where to build, which
 * edition, and the checked model itself, so the site renders from the model the check built
 * instead of reading the content folder again. Written with V8's serializer, which keeps dates,
 * maps and sets, and reads back far faster than JSON at 10,000 entries.
 */
export interface BuildPlan {
  readonly root: string;
  readonly outDir: string;
  /** Astro's cache folder: the content store and the pages an incremental build reuses. */
  readonly cacheDir: string;
  /** Where in `cacheDir` Astro keeps the pages it rendered; they come into the build as links (src/build/astro-links.ts). */
  readonly keptPages: string;
  readonly contentDir: string;
  readonly edition: 'internal' | 'public';
  readonly now: Date;
  /** Where the integration records when each step was reached. */
  readonly marksFile: string;
  /** The search indexes beside `pagefind/` that the search box merges (src/build/search-shards.ts). */
  readonly mergedSearchIndexes: readonly string[];
  /**
   * The file the build writes once it has drawn every diagram into the cache, which it does beside
   * Astro's process: the content loaders render the entries without diagrams first, then wait for it.
   */
  readonly diagramsDrawn: string;
  /** Where Astro's process records the pages whose policy it completed as it wrote them (src/build/policies-as-written.ts). */
  readonly policiesFile: string;
  /**
   * The file Astro's process appends each page to as it writes it, with what the search step needs
   * of it, for the build to write the search indexes that changed meanwhile (src/build/rewritten-ahead.ts).
   * Only in a build that reuses pages.
   */
  readonly writtenFile?: string;
  /**
   * The file the model's entries were handed over in ahead (`writeBuildEntries`), while the
   * rules ran; the model's own are then empty. Without it, the model holds them.
   */
  readonly entriesFile?: string;
  /**
   * The file the build writes what it makes for the site into once Astro has its plan (src/site/
   * handed-ahead.ts): the entry route waits for it. Without it, the site makes all of it itself.
   */
  readonly handedAheadFile?: string;
  readonly model: PortableModel;
}

export function writeBuildPlan(file: string, plan: BuildPlan): void {
  writeFileSync(file, serialize(plan));
}

export function readBuildPlan(file: string): BuildPlan {
  return deserialize(readFileSync(file)) as BuildPlan;
}

/**
 * Writes the model's entries for Astro's process as soon as the content is loaded: it revives
 * them and builds their graph (1.1 s alone at 10,000 entries) while the rules run in the build's
 * process, instead of after the plan. The plan then names the file (`entriesFile`).
 */
export function writeBuildEntries(file: string, entries: PortableEntries): void {
  writeFileSync(file, serialize(entries));
}

export function readBuildEntries(file: string): PortableEntries {
  return deserialize(readFileSync(file)) as PortableEntries;
}
