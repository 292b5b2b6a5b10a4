import { z } from 'zod';
import { GovernanceSchema } from './governance.ts';
import { COLLECTIONS } from './index.ts';
import { type CollectionName, jsonSchemaOverrides } from './shared.ts';

/**
 * Returns the JSON Schema of what an author writes: the input side of a zod schema, so fields
 * with defaults are optional. Dates and durations, validated in code, get their string form.
 */
export function toAuthoringJsonSchema(schema: z.ZodType, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override(context) {
      const replacement = overrideFor(context.zodSchema as unknown as z.ZodType);
      if (!replacement) return;
      const description = context.jsonSchema.description;
      for (const key of Object.keys(context.jsonSchema)) delete context.jsonSchema[key];
      Object.assign(context.jsonSchema, replacement, description ? { description } : {});
    },
  }) as Record<string, unknown>;
  return { title, ...json };
}

/** Finds the registered JSON form of a schema or of the schema it was cloned from (`.describe()` clones). */
function overrideFor(schema: z.ZodType): Record<string, unknown> | undefined {
  for (let current: z.ZodType | undefined = schema; current; current = current._zod.parent as z.ZodType | undefined) {
    const found = jsonSchemaOverrides.get(current);
    if (found) return found;
  }
  return undefined;
}

/** Returns the JSON Schema of every collection's frontmatter and of the governance settings, by file name. */
export function allJsonSchemas(): Record<string, Record<string, unknown>> {
  const schemas: Record<string, Record<string, unknown>> = {};
  for (const definition of Object.values(COLLECTIONS)) {
    const name: CollectionName = definition.name;
    schemas[`${name}.schema.json`] = toAuthoringJsonSchema(
      definition.schema,
      definition.source.kind === 'file' ? `Multiplane ${name} file` : `Multiplane ${definition.singular.toLowerCase()} frontmatter`,
    );
  }
  schemas['governance.schema.json'] = toAuthoringJsonSchema(GovernanceSchema, 'Multiplane governance settings');
  return schemas;
}
