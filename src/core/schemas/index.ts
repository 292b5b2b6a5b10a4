import type { z } from 'zod';
import { ArticleSchema } from './article.ts';
import { CaseStudySchema } from './case-study.ts';
import { DeploymentSchema } from './deployment.ts';
import { IncidentSchema } from './incident.ts';
import { OwnerSchema } from './owner.ts';
import { PlatformSchema } from './platform.ts';
import { PolicySchema } from './policy.ts';
import { RunbookSchema } from './runbook.ts';
import { ServiceSchema } from './service.ts';
import { WhitepaperChapterSchema } from './whitepaper.ts';

import type { CollectionName } from './shared.ts';

export { COLLECTIONS } from '../collections/index.ts';
export type { CollectionDescriptor as CollectionDefinition } from '../collections/descriptor.ts';

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
