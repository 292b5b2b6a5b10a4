import { describe, expect, it } from 'vitest';
import { COLLECTIONS, GovernanceSchema, IncidentSchema, PolicySchema, ServiceSchema } from '../../../src/core/schemas/index.ts';
import { allJsonSchemas } from '../../../src/core/schemas/json-schema.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const policy = {
  title: 'Change policy',
  owner: 'platform-team',
  status: 'active',
  category: 'change',
  effective: '2026-01-01',
  review: { cadence: '1y', last: '2026-06-01' },
  enforcement: { mode: 'automated', mechanism: 'CI' },
};

describe('collection schemas', () => {
  it('applies documented defaults', () => {
    const parsed = PolicySchema.parse(policy);
    expect(parsed.appliesTo).toBe('all');
    expect(parsed.supersedes).toEqual([]);
    expect(parsed.draft).toBe(false);
    expect(ServiceSchema.parse({ title: 'S', owner: 'o', tier: 3, lifecycle: 'experimental' }).operations).toEqual({
      dataClassification: 'none',
    });
  });

  it('rejects unknown fields', () => {
    const result = PolicySchema.safeParse({ ...policy, ownr: 'x' });
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('rejects a tier outside 1 to 4 and a fractional tier', () => {
    expect(ServiceSchema.safeParse({ title: 'S', owner: 'o', tier: 5, lifecycle: 'production' }).success).toBe(false);
    expect(ServiceSchema.safeParse({ title: 'S', owner: 'o', tier: 1.5, lifecycle: 'production' }).success).toBe(false);
  });

  it('requires a resolution time once an incident is resolved, and after its start', () => {
    const incident = { title: 'I', services: ['a'], severity: 'SEV2', commander: 'p', started: '2026-03-01T10:00:00Z' };
    expect(IncidentSchema.safeParse({ ...incident, status: 'monitoring' }).success).toBe(true);
    expect(IncidentSchema.safeParse({ ...incident, status: 'resolved' }).error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['resolved'], 'a resolved incident needs the time it was resolved'],
    ]);
    expect(
      IncidentSchema.safeParse({ ...incident, status: 'resolved', resolved: '2026-03-01T09:00:00Z' }).error?.issues[0]?.message,
    ).toBe('the incident cannot be resolved before it started');
  });

  it('gives every field a description', () => {
    for (const [file, schema] of Object.entries(allJsonSchemas())) {
      const missing: string[] = [];
      const walk = (node: Record<string, unknown>, path: string) => {
        const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
        for (const [key, child] of Object.entries(properties ?? {})) {
          if (!child.description) missing.push(`${path}${key}`);
          walk(child, `${path}${key}.`);
          const items = child.items as Record<string, unknown> | undefined;
          if (items) walk(items, `${path}${key}[].`);
        }
      };
      walk(schema, '');
      expect({ file, missing }).toEqual({ file, missing: [] });
    }
  });

  it('has one JSON Schema per collection plus the governance settings', () => {
    expect(Object.keys(allJsonSchemas()).sort()).toEqual(
      [...Object.keys(COLLECTIONS).map((name) => `${name}.schema.json`), 'governance.schema.json'].sort(),
    );
  });

  it('keeps the committed JSON Schemas in public/schemas/ up to date (run npm run schemas)', () => {
    for (const [file, schema] of Object.entries(allJsonSchemas())) {
      const committed = readFileSync(join(import.meta.dirname, '../../../public/schemas', file), 'utf8');
      expect(JSON.parse(committed), file).toEqual(schema);
    }
  });

  it('parses an empty governance file to the documented defaults', () => {
    const governance = GovernanceSchema.parse({});
    expect(governance.productionEnvironments).toEqual(['production']);
    expect(governance.scorecard.levels.map((level) => level.name)).toEqual(['Bronze', 'Silver', 'Gold']);
  });
});
