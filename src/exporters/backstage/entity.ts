/**
 * The subset of Backstage's entity model that the exporter writes. Declared here rather than
 * imported from `@backstage/catalog-model`, which is only a dev dependency: the tests validate
 * the output with Backstage's own validators, so a drift between this shape and Backstage's is
 * caught there.
 */

/** Every entity kind the exporter emits. */
export type BackstageKind = 'System' | 'Group' | 'User' | 'Component';

/** A link shown on the entity's page in Backstage. */
export interface EntityLink {
  readonly url: string;
  readonly title?: string;
  readonly icon?: string;
}

/** The `metadata` block Backstage entities share. */
export interface EntityMetadata {
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly tags?: readonly string[];
  readonly links?: readonly EntityLink[];
}

/** One catalog entity, `backstage.io/v1alpha1`. */
export interface BackstageEntity {
  readonly apiVersion: 'backstage.io/v1alpha1';
  readonly kind: BackstageKind;
  readonly metadata: EntityMetadata;
  readonly spec: Readonly<Record<string, unknown>>;
}

/** Something the export changed or left out, reported so nobody is surprised in Backstage. */
export interface ExportNote {
  /** `collection/id` of the entry concerned. */
  readonly entry: string;
  readonly message: string;
}

/** Annotation that keeps an entry's Multiplane ID when its Backstage name had to differ. */
export const ID_ANNOTATION = 'multiplane.dev/id';
