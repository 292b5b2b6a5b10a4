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

/**
 * The annotations and labels the export writes for what Backstage has no field for, so that
 * `npm run import -- backstage` restores the entries exactly (a round trip). Labels hold short
 * values Backstage may filter on; annotations hold free text.
 */
export const MULTIPLANE_KEYS = {
  id: ID_ANNOTATION,
  chat: 'multiplane.dev/chat',
  escalation: 'multiplane.dev/escalation',
  escalatesTo: 'multiplane.dev/escalates-to',
  role: 'multiplane.dev/role',
  monitoring: 'multiplane.dev/monitoring',
  alerting: 'multiplane.dev/alerting',
  onCall: 'multiplane.dev/on-call',
  backups: 'multiplane.dev/backups',
  lastRestoreTest: 'multiplane.dev/last-restore-test',
  governedBy: 'multiplane.dev/governed-by',
  /** On the System that stands for the platform itself, rather than a group of its services. */
  platform: 'multiplane.dev/platform',
  tier: 'multiplane.dev/tier',
  dataClassification: 'multiplane.dev/data-classification',
  lifecycle: 'multiplane.dev/lifecycle',
  visibility: 'multiplane.dev/visibility',
} as const;

/** Titles of the links the export writes, which an import reads back into fields. */
export const LINK_TITLES = {
  teamPage: 'Team page',
  profile: 'Profile',
  escalation: 'Escalation',
  monitoring: 'Monitoring',
  repository: 'Repository',
  /** The entry's own page, and (as prefixes) the runbooks and policies of a component. */
  page: 'Knowledge base',
  runbook: 'Runbook: ',
  policy: 'Policy: ',
} as const;
