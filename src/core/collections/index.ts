import { articles } from './articles.ts';
import { caseStudies } from './case-studies.ts';
import { deployments } from './deployments.ts';
import { incidents } from './incidents.ts';
import { owners } from './owners.ts';
import { platform } from './platform.ts';
import { policies } from './policies.ts';
import { runbooks } from './runbooks.ts';
import { services } from './services.ts';
import { whitepaper } from './whitepaper.ts';

/** Every collection of the content model, keyed by name, in plane order. */
export const COLLECTIONS = {
  platform,
  owners,
  policies,
  runbooks,
  services,
  deployments,
  incidents,
  'case-studies': caseStudies,
  articles,
  whitepaper,
} as const;

export type { CollectionDescriptor, FieldDisplay, ScaffoldContext, ViewContext } from './descriptor.ts';
