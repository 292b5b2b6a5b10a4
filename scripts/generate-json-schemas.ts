#!/usr/bin/env node
// `npm run schemas`: writes the JSON Schemas editors use to validate frontmatter as authors type.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allJsonSchemas } from '../src/core/schemas/json-schema.ts';

const folder = join(import.meta.dirname, '..', 'public', 'schemas');
mkdirSync(folder, { recursive: true });
for (const [file, schema] of Object.entries(allJsonSchemas())) {
  writeFileSync(join(folder, file), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`Wrote ${Object.keys(allJsonSchemas()).length} JSON Schemas to public/schemas/.`);
