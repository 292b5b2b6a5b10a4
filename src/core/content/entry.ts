import type { CollectionData, CollectionName } from '../schemas/index.ts';
import type { BodyFacts, HeadingFact } from '../markdown/body-facts.ts';
import type { Locator } from './locator.ts';

/**
 * One entry of a collection, validated and ready for the graph. The platform file is an entry
 * too (`platform/platform`), so its trust anchor is an edge like any other.
 */
export interface Entry<C extends CollectionName = CollectionName> {
  readonly collection: C;
  /** ID inside the collection, derived from the file path. */
  readonly id: string;
  /** `collection/id`, unique across the platform. */
  readonly key: string;
  /** Path of the source file relative to the project root, with `/` separators. */
  readonly file: string;
  /** Validated frontmatter, defaults applied. */
  readonly data: CollectionData[C];
  /** Raw frontmatter as parsed, before validation; rules read it to tell written from defaulted values. */
  readonly raw: Record<string, unknown>;
  /**
   * The Markdown body, after the frontmatter. Empty in a model handed over to Astro's process by
   * `npm run build`, which leaves bodies out (src/core/content/parse-entry.ts, `portableEntry`):
   * there, read it with the site state's `bodyOf`.
   */
  readonly body: string;
  /** 1-based line where the body starts. */
  readonly bodyLine: number;
  /** The body's headings (ATX and setext), as `facts.headings`. */
  readonly headings: readonly HeadingFact[];
  /** What one parse of the body found: headings and their sections, links, code, diagrams. */
  readonly facts: BodyFacts;
  readonly locator: Locator;
  readonly title: string;
  /** Hash of the file's text; equal digests mean an unchanged file (incremental loads, Astro's store). */
  readonly digest: string;
  /**
   * The YAML text and its first line in the file. `locator` is derived from it, and rebuilt from
   * it when a model crosses a process boundary (functions do not serialize).
   */
  readonly frontmatter: { readonly text: string; readonly line: number };
}

/** Any entry; narrows on `collection`. */
export type AnyEntry = { [C in CollectionName]: Entry<C> }[CollectionName];

/** Returns true when the entry belongs to the collection, narrowing its type. */
export function isIn<C extends CollectionName>(entry: AnyEntry, collection: C): entry is Extract<AnyEntry, { collection: C }> {
  return entry.collection === collection;
}
