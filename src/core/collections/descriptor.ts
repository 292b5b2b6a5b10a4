import type { z } from 'zod';
import type { Entry } from '../content/entry.ts';
import type { PlatformGraph } from '../graph/build-graph.ts';
import type { RelationName } from '../graph/relations.ts';
import type { ServiceScore } from '../governance/scorecard.ts';
import type { ReferenceField } from '../schemas/reference-field.ts';
import type { Governance } from '../schemas/governance.ts';
import type { CollectionName, Plane } from '../schemas/shared.ts';
import type { FieldValue, StatusBadge } from './field-value.ts';

/** What a descriptor's view functions may read besides the entry. */
export interface ViewContext {
  readonly graph: PlatformGraph;
  readonly governance: Governance;
  readonly now: Date;
  /** Scorecards by service key. */
  readonly scores: ReadonlyMap<string, ServiceScore>;
}

/** One labelled field of an entry card or one column of an index. */
export interface FieldDisplay<C extends CollectionName> {
  readonly label: string;
  /**
   * The frontmatter fields this display shows (top-level names, or dotted paths). Fields no
   * display names are shown after the named ones, generically, so a field added to a schema
   * appears on its entry page without touching any view.
   */
  readonly covers?: readonly string[];
  /** The value, or undefined to leave the field out (empty lists are left out too). */
  value(entry: Entry<C>, context: ViewContext): FieldValue | undefined;
  /** What an index column sorts by; defaults to the value's text. */
  sort?(entry: Entry<C>, context: ViewContext): string | number;
}

/** What `npm run new` knows when it chooses a new entry's field values. */
export interface ScaffoldContext {
  readonly title: string;
  /** The `kind` asked for, for collections with kinds. */
  readonly kind: string | undefined;
  /**
   * What the owner field (see `ownerField`) gets: the owner chosen, else the trust anchor, with
   * why, else (a field that needs a person, or no trust anchor) a TODO placeholder.
   */
  readonly owner: FieldDefault;
  readonly now: Date;
  /** `now` as a day, `YYYY-MM-DD`. */
  readonly today: string;
  /** `now` as an instant, `YYYY-MM-DDTHH:MM:SSZ`. */
  readonly instant: string;
  readonly governance: Governance;
  /** The marker of what only the author can write (`TODO`). */
  readonly todo: string;
  /** The frontmatter of the entries already in the collection, for "the value most entries use". */
  readonly siblings: readonly Record<string, unknown>[];
}

/** A value `npm run new` writes for a field, with an optional comment line saying why. */
export interface FieldDefault {
  readonly value: unknown;
  readonly note?: string;
}

/**
 * Everything Multiplane knows about one collection, declared once beside its schema: where it
 * lives and which plane it belongs to, how its entries are named, what state and date they have,
 * who answers for them, how an entry's card and the collection's index look, and what
 * `npm run new` writes. Pages, the PDF's inventories, search filters and the scaffold all read it.
 */
export interface CollectionDescriptor<C extends CollectionName = CollectionName, S extends z.ZodType = z.ZodType> {
  readonly name: C;
  readonly plane: Plane;
  /** Plural label for headings and navigation. */
  readonly label: string;
  /** Singular label for one entry. */
  readonly singular: string;
  /**
   * The singular label of one entry when its kind names it better than the collection does (a
   * procedure, not a runbook); defaults to `singular`.
   */
  singularOf?(entry: Entry<C>): string;
  /** Plural noun for counts, e.g. "11 whitepaper chapters". */
  readonly noun: string;
  readonly schema: S;
  readonly references: readonly ReferenceField[];
  /**
   * Where the collection lives under `content/`: a folder of Markdown files, or for a
   * single-entry collection, one YAML file.
   */
  readonly source: { readonly kind: 'folder'; readonly path: string } | { readonly kind: 'file'; readonly path: string };
  /** The kinds an entry can be (`kind` field), for collections that have them; the first is the default. */
  readonly kinds?: readonly string[];
  /** The one-word state of an entry, for badges, index grouping and the search filter. */
  status?(entry: Entry<C>): StatusBadge | undefined;
  /**
   * The date an entry is listed and sorted by: when it happened, or when it was last reviewed.
   * `recent` when newest first is the reader's order (events), rather than by title.
   */
  readonly date?: { readonly label: string; readonly recent: boolean; of(entry: Entry<C>): Date | undefined };
  /**
   * Who answers for an entry: the field that names its owner and the relation it creates (the
   * scaffold fills the field; the site files the entry under that owner). `via` instead names a
   * reference whose target's owner answers (a deployment's service).
   */
  readonly owner?: { readonly field: string; readonly relation: RelationName; readonly person?: boolean } | { readonly via: RelationName };
  /** The entry card, in reading order. */
  readonly card: readonly FieldDisplay<C>[];
  /** Fields never shown on the card (the title and description are the page's own). */
  readonly hidden?: readonly string[];
  /** The collection's index: columns after the title, and how rows are grouped. */
  readonly index: {
    readonly columns: readonly FieldDisplay<C>[];
    group(entry: Entry<C>, context: ViewContext): string;
    /** Group labels in display order; groups not listed follow in sorted order. */
    readonly order?: readonly string[];
    /**
     * The label of the column the grouping repeats (services grouped by tier have a Tier column).
     * The site's grouped index leaves it out, since every row of a group would say the group's
     * heading again; ungrouped tables (the PDF's inventory) keep it.
     */
    readonly groupedBy?: string;
  };
  /** The field `npm run new --owner` fills, when the collection has one. */
  readonly ownerField?: string;
  /**
   * Values `npm run new` writes for the collection's required fields, by dotted path (the title
   * is always written). Fields left out get a generic value from their schema.
   */
  scaffold?(context: ScaffoldContext): Record<string, FieldDefault>;
}

/** Declares a collection; the identity function exists for type inference. */
export function defineCollection<C extends CollectionName, S extends z.ZodType>(descriptor: CollectionDescriptor<C, S>): CollectionDescriptor<C, S> {
  return descriptor;
}
