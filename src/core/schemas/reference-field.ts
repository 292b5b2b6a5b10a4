import type { RelationName } from '../graph/relations.ts';
import type { CollectionName } from './shared.ts';

/**
 * Declares that a frontmatter field holds references, which collections they point into and
 * which relation they create. The graph reads these declarations; no page or rule parses
 * reference fields itself.
 */
export interface ReferenceField {
  /** Path into the frontmatter; `*` stands for every item of a list. */
  readonly path: readonly string[];
  /**
   * Collections the ID may point into. With several, a bare ID is looked up in each and
   * `collection/id` picks one. `any` accepts `collection/id` for every collection.
   */
  readonly to: readonly CollectionName[] | 'any';
  /** The relation the reference creates, read from the entry that holds it. */
  readonly relation: RelationName;
  /** When true, the single value `all` stands for every entry of the target collection. */
  readonly allowAll?: boolean;
}
