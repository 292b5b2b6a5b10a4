import type { LoadedContent } from '../content/content-store.ts';
import type { AnyEntry } from '../content/entry.ts';
import { type PortableEntry, portableEntry, reviveEntry } from '../content/parse-entry.ts';
import { ruleRunOf } from '../governance/run-rules.ts';
import { buildGraph, type PlatformGraph } from '../graph/build-graph.ts';
import type { CollectionName } from '../schemas/shared.ts';
import type { PlatformModel } from './build-model.ts';

/**
 * A model as plain data, for `v8.serialize`: what `npm run build` hands the Astro process in its
 * build plan, so that the site renders from the model the check built instead of reading and
 * parsing every file again. Entries lose their locator (a function) and get it back from their
 * own frontmatter text, and lose their body, which the few entries rendered again read from their
 * file (src/core/content/entry-body.ts); the graph is rebuilt from the entries, which is indexing,
 * not parsing.
 */
export interface PortableModel {
  readonly now: Date;
  /** The content; its entries are empty when they were handed over ahead (`PortableEntries`). */
  readonly content: Omit<LoadedContent, 'entries' | 'governanceFile' | 'rejected'> & PortableEntries;
  readonly findings: PlatformModel['findings'];
  readonly runFindings: PlatformModel['run']['findings'];
  readonly failures: readonly (readonly [string, readonly string[]])[];
  /** Per rule, the entries of its collections it does not apply to, and the collections it inspects. */
  readonly notApplicable: readonly (readonly [string, readonly string[]])[];
  readonly collections: readonly (readonly [string, readonly string[]])[];
  readonly scores: PlatformModel['scores'];
  readonly completeness: PlatformModel['completeness'];
  readonly openLoops: readonly string[];
}

/**
 * A model's entries as plain data, apart from the rest: the content is loaded before the rules
 * run, and a build hands its entries to Astro's process then (src/build/build-plan.ts), which
 * revives them and rebuilds their graph (`reviveEntries`) while the rules run.
 */
export interface PortableEntries {
  readonly entries: readonly PortableEntry[];
  readonly rejected: readonly string[];
}

/** The entries of loaded content as plain data (see `PortableEntries`). */
export function toPortableEntries(content: Pick<LoadedContent, 'entries' | 'rejected'>): PortableEntries {
  return { entries: content.entries.map(portableEntry), rejected: [...content.rejected] };
}

/** Entries revived from their plain form, with the graph built of them: most of what reviving a model takes. */
export interface RevivedEntries {
  readonly entries: AnyEntry[];
  readonly rejected: ReadonlySet<string>;
  readonly graph: PlatformGraph;
}

export function reviveEntries(portable: PortableEntries): RevivedEntries {
  const entries = portable.entries.map(reviveEntry);
  const rejected = new Set(portable.rejected);
  return { entries, rejected, graph: buildGraph(entries, rejected) };
}

/**
 * Returns the model as plain data (see `PortableModel`), without its entries when they were
 * handed over ahead (`entriesAhead`, see `PortableEntries`).
 */
export function toPortableModel(model: PlatformModel, { entriesAhead = false }: { readonly entriesAhead?: boolean } = {}): PortableModel {
  const { entries: _entries, governanceFile: _file, rejected: _rejected, ...content } = model.content;
  return {
    now: model.now,
    content: { ...content, ...(entriesAhead ? { entries: [], rejected: [] } : toPortableEntries(model.content)) },
    findings: model.findings,
    runFindings: model.run.findings,
    failures: [...model.run.failures].map(([rule, keys]) => [rule, [...keys]] as const),
    notApplicable: [...model.run.notApplicable].map(([rule, keys]) => [rule, [...keys]] as const),
    collections: [...model.run.collections].map(([rule, names]) => [rule, [...names]] as const),
    scores: model.scores,
    completeness: model.completeness,
    openLoops: model.openLoops.map((entry) => entry.key),
  };
}

/**
 * Rebuilds a model from its plain form, with the entries revived ahead (`revived`) when they were
 * handed over apart. The governance file's locator stays behind: the findings it led to are
 * already in `findings`.
 */
export function fromPortableModel(portable: PortableModel, revived: RevivedEntries = reviveEntries(portable.content)): PlatformModel {
  const { entries, rejected, graph } = revived;
  const content: LoadedContent = { ...portable.content, entries, rejected, governanceFile: undefined };
  const errors = portable.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = portable.findings.filter((finding) => finding.severity === 'warning').length;
  return {
    now: portable.now,
    content,
    graph,
    run: ruleRunOf(
      portable.runFindings,
      new Map(portable.failures.map(([rule, keys]) => [rule, new Set(keys)])),
      new Map(portable.notApplicable.map(([rule, keys]) => [rule, new Set(keys)])),
      new Map(portable.collections.map(([rule, names]) => [rule, names as readonly CollectionName[]])),
    ),
    findings: portable.findings,
    errors,
    warnings,
    scores: portable.scores,
    completeness: portable.completeness,
    openLoops: portable.openLoops.map((key) => graph.get(key)).filter((entry): entry is AnyEntry => entry !== undefined),
  };
}
