import { PlatformSchema, platformReferences } from '../schemas/platform.ts';
import { defineCollection } from './descriptor.ts';

/** Identity: the platform itself, one file (`content/platform.yaml`). Its page is the home page. */
export const platform = defineCollection({
  name: 'platform',
  plane: 'identity',
  label: 'Platform',
  singular: 'Platform',
  noun: 'platform',
  schema: PlatformSchema,
  references: platformReferences,
  source: { kind: 'file', path: 'platform.yaml' },
  owner: { field: 'trustAnchor', relation: 'anchoredBy' },
  card: [],
  index: { columns: [], group: () => 'Platform' },
});
