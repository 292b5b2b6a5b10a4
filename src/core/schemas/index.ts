import type { z } from 'zod';
import { ArticleSchema, articleReferences } from './article.ts';
import { CaseStudySchema, caseStudyReferences } from './case-study.ts';
import { DeploymentSchema, deploymentReferences } from './deployment.ts';
import { IncidentSchema, incidentReferences } from './incident.ts';
import { OwnerSchema, ownerReferences } from './owner.ts';
import { PlatformSchema, platformReferences } from './platform.ts';
import { PolicySchema, policyReferences } from './policy.ts';
import type { ReferenceField } from './reference-field.ts';
import { RunbookSchema, runbookReferences } from './runbook.ts';
import { ServiceSchema, serviceReferences } from './service.ts';
import type { CollectionName, Plane } from './shared.ts';
import { WhitepaperChapterSchema, whitepaperReferences } from './whitepaper.ts';

export interface CollectionDefinition<S extends z.ZodType = z.ZodType> {
  readonly name: CollectionName;
  readonly plane: Plane;
  /** Plural label for headings and navigation. */
  readonly label: string;
  /** Singular label for one entry. */
  readonly singular: string;
  /** Plural noun for counts, e.g. "11 whitepaper chapters". */
  readonly noun: string;
  readonly schema: S;
  readonly references: readonly ReferenceField[];
  /**
   * Where the collection lives under `content/`: a folder of Markdown files, or for a
   * single-entry collection, one YAML file.
   */
  readonly source: { readonly kind: 'folder'; readonly path: string } | { readonly kind: 'file'; readonly path: string };
}

function define<S extends z.ZodType>(definition: CollectionDefinition<S>): CollectionDefinition<S> {
  return definition;
}

/** Every collection of the content model, keyed by name, in plane order. */
export const COLLECTIONS = {
  platform: define({
    name: 'platform',
    plane: 'identity',
    label: 'Platform',
    singular: 'Platform',
    noun: 'platform',
    schema: PlatformSchema,
    references: platformReferences,
    source: { kind: 'file', path: 'platform.yaml' },
  }),
  owners: define({
    name: 'owners',
    plane: 'identity',
    label: 'Owners',
    singular: 'Owner',
    noun: 'owners',
    schema: OwnerSchema,
    references: ownerReferences,
    source: { kind: 'folder', path: 'owners' },
  }),
  policies: define({
    name: 'policies',
    plane: 'control',
    label: 'Policies',
    singular: 'Policy',
    noun: 'policies',
    schema: PolicySchema,
    references: policyReferences,
    source: { kind: 'folder', path: 'policies' },
  }),
  runbooks: define({
    name: 'runbooks',
    plane: 'knowledge',
    label: 'Runbooks and standards',
    singular: 'Runbook',
    noun: 'runbooks and standards',
    schema: RunbookSchema,
    references: runbookReferences,
    source: { kind: 'folder', path: 'runbooks' },
  }),
  services: define({
    name: 'services',
    plane: 'execution',
    label: 'Services',
    singular: 'Service',
    noun: 'services',
    schema: ServiceSchema,
    references: serviceReferences,
    source: { kind: 'folder', path: 'services' },
  }),
  deployments: define({
    name: 'deployments',
    plane: 'execution',
    label: 'Deployments',
    singular: 'Deployment',
    noun: 'deployments',
    schema: DeploymentSchema,
    references: deploymentReferences,
    source: { kind: 'folder', path: 'deployments' },
  }),
  incidents: define({
    name: 'incidents',
    plane: 'operations',
    label: 'Incidents',
    singular: 'Incident',
    noun: 'incidents',
    schema: IncidentSchema,
    references: incidentReferences,
    source: { kind: 'folder', path: 'incidents' },
  }),
  'case-studies': define({
    name: 'case-studies',
    plane: 'proof',
    label: 'Case studies',
    singular: 'Case study',
    noun: 'case studies',
    schema: CaseStudySchema,
    references: caseStudyReferences,
    source: { kind: 'folder', path: 'case-studies' },
  }),
  articles: define({
    name: 'articles',
    plane: 'narrative',
    label: 'Articles',
    singular: 'Article',
    noun: 'articles',
    schema: ArticleSchema,
    references: articleReferences,
    source: { kind: 'folder', path: 'articles' },
  }),
  whitepaper: define({
    name: 'whitepaper',
    plane: 'narrative',
    label: 'Whitepaper',
    singular: 'Chapter',
    noun: 'whitepaper chapters',
    schema: WhitepaperChapterSchema,
    references: whitepaperReferences,
    source: { kind: 'folder', path: 'whitepaper' },
  }),
} as const satisfies Record<CollectionName, CollectionDefinition>;

/** The frontmatter type of each collection, after defaults are applied. */
export interface CollectionData {
  platform: z.output<typeof PlatformSchema>;
  owners: z.output<typeof OwnerSchema>;
  policies: z.output<typeof PolicySchema>;
  runbooks: z.output<typeof RunbookSchema>;
  services: z.output<typeof ServiceSchema>;
  deployments: z.output<typeof DeploymentSchema>;
  incidents: z.output<typeof IncidentSchema>;
  'case-studies': z.output<typeof CaseStudySchema>;
  articles: z.output<typeof ArticleSchema>;
  whitepaper: z.output<typeof WhitepaperChapterSchema>;
}

/** The Markdown collections, i.e. every collection but the platform file. */
export type EntryCollectionName = Exclude<CollectionName, 'platform'>;

export { ArticleSchema, CaseStudySchema, DeploymentSchema, IncidentSchema, OwnerSchema, PlatformSchema, PolicySchema, RunbookSchema, ServiceSchema, WhitepaperChapterSchema };
export { GovernanceSchema, type Governance } from './governance.ts';
export * from './shared.ts';
export type { ReferenceField } from './reference-field.ts';
