import yaml from 'js-yaml';
import type { z } from 'zod';
import { splitFrontmatter } from '../core/content/frontmatter.ts';
import { COLLECTIONS } from '../core/schemas/index.ts';
import { renderEntryFile } from './entry-file.ts';
import type { ImportedEntry } from './import-result.ts';

/**
 * Returns the problems that would keep an imported entry from loading, one line per field, or
 * an empty list. The entry is validated the way the checker will read it — rendered, split and
 * parsed back with the same YAML schema — so what passes here loads after writing.
 */
export function validateEntry(entry: ImportedEntry): string[] {
  const split = splitFrontmatter(renderEntryFile(entry));
  let raw: unknown;
  try {
    raw = yaml.load(split.frontmatter ?? '', { schema: yaml.CORE_SCHEMA });
  } catch (cause) {
    return [`the frontmatter does not read back as YAML (${(cause as Error).message.split('\n')[0]})`];
  }
  const schema: z.ZodType = COLLECTIONS[entry.collection].schema;
  const result = schema.safeParse(raw);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return field === '' ? issue.message : `${field}: ${issue.message}`;
  });
}
