import { GovernanceSchema } from '../../core/schemas/governance.ts';
import { COLLECTIONS, type CollectionName } from '../../core/schemas/index.ts';
import { toAuthoringJsonSchema } from '../../core/schemas/json-schema.ts';

export interface FieldRow {
  /** Dotted path, with `[]` for list items: `operations.backups.schedule`, `outcomes[].name`. */
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
  readonly depth: number;
}

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
};

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(', ');
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.format === 'date') return 'date (YYYY-MM-DD)';
  if (schema.pattern?.startsWith('^(\\d{4})')) return 'date-time (ISO 8601)';
  if (schema.type === 'array') return `list of ${schema.items ? typeOf(schema.items) : 'values'}`;
  if (schema.type === 'object') return 'fields';
  if (schema.type === 'integer') return 'whole number';
  return Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
}

/**
 * Flattens the JSON Schema of a collection into rows for the authoring guide, so the guide is
 * generated from the same zod schemas that validate entries and can never disagree with them.
 */
export function fieldReference(collection: CollectionName | 'governance'): FieldRow[] {
  const schema = (
    collection === 'governance'
      ? toAuthoringJsonSchema(GovernanceSchema, 'governance')
      : toAuthoringJsonSchema(COLLECTIONS[collection].schema, collection)
  ) as JsonSchema;
  const rows: FieldRow[] = [];
  const walk = (node: JsonSchema, prefix: string, depth: number) => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const path = `${prefix}${name}`;
      rows.push({ path, type: typeOf(child), required: node.required?.includes(name) ?? false, description: child.description ?? '', depth });
      const object = child.anyOf?.find((option) => option.properties) ?? child;
      if (object.properties) walk(object, `${path}.`, depth + 1);
      if (child.items?.properties) walk(child.items, `${path}[].`, depth + 1);
    }
  };
  walk(schema, '', 0);
  return rows;
}
