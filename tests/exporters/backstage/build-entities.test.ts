import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { buildBackstageEntities } from '../../../src/exporters/backstage/build-entities.ts';
import { formatCatalog } from '../../../src/exporters/backstage/format-catalog.ts';
import { NOW } from '../../helpers/fixtures.ts';
import { freshFixtureRoot } from '../../helpers/fixtures.ts';
import { validateWithBackstage } from './validate-entity.ts';

/** Exports a project, writes the catalog text and reads it back, as Backstage would see it. */
function exportOf(root: string) {
  const report = runCheck({ root, now: NOW });
  expect(report.errors).toBe(0);
  const result = buildBackstageEntities(report.graph);
  const text = formatCatalog(result.entities, report.graph.platform?.data.name ?? '');
  const entities = parseAllDocuments(text).map((document) => document.toJS() as Entity);
  return { report, notes: result.notes, entities, text };
}

const refOf = (entity: Entity) => stringifyEntityRef(entity);
const byRef = (entities: Entity[]) => new Map(entities.map((entity) => [refOf(entity), entity]));
const spec = (entity: Entity | undefined) => (entity?.spec ?? {}) as Record<string, unknown>;

describe('Backstage export of the example platform', () => {
  const { entities, notes, report } = exportOf(join(import.meta.dirname, '../../..'));

  it('writes the platform, every owner and every service, each once', () => {
    const count = (kind: string) => entities.filter((entity) => entity.kind === kind).length;
    const owners = report.graph.collection('owners');
    expect(count('System')).toBe(1);
    expect(count('Group')).toBe(owners.filter((owner) => owner.data.kind === 'team').length);
    expect(count('User')).toBe(owners.filter((owner) => owner.data.kind === 'person').length);
    expect(count('Component')).toBe(report.graph.collection('services').length);
    expect(new Set(entities.map(refOf)).size).toBe(entities.length);
    expect(notes).toEqual([]);
  });

  // One test per entity, so a rejection names the entity and Backstage's reason.
  it.each(entities.map((entity) => [refOf(entity), entity] as const))('%s passes Backstage\'s validation', async (_ref, entity) => {
    await expect(validateWithBackstage(entity)).resolves.toBeUndefined();
  });

  it('points every reference at an entity of the export', () => {
    const known = byRef(entities);
    const references = entities.flatMap((entity) => {
      const { owner, system, dependsOn, parent, children, members, memberOf } = spec(entity) as Record<string, string | string[] | undefined>;
      return [owner, system, parent, dependsOn, children, members, memberOf].flat().filter((ref): ref is string => typeof ref === 'string');
    });
    expect(references.length).toBeGreaterThan(30);
    for (const reference of references) expect(known.has(stringifyEntityRef(parseEntityRef(reference))), reference).toBe(true);
  });

  it('keeps service dependencies, owners and the system', () => {
    const known = byRef(entities);
    for (const service of report.graph.collection('services')) {
      const component = known.get(`component:default/${service.id}`);
      expect(spec(component).dependsOn).toEqual(service.data.dependsOn.map((id) => `component:default/${id}`));
      expect(spec(component).owner).toMatch(new RegExp(`^(group|user):default/${service.data.owner}$`));
      expect(spec(component).system).toBe('system:default/jlt-lane-mesh');
    }
    expect(spec(known.get('system:default/jlt-lane-mesh')).owner).toBe('group:default/platform-engineering');
  });

  it('keeps the team tree and memberships, seen from both sides', () => {
    const known = byRef(entities);
    const groups = entities.filter((entity) => entity.kind === 'Group');
    for (const group of groups) {
      const parent = spec(group).parent as string | undefined;
      if (parent) expect(spec(known.get(parent)).children).toContain(refOf(group));
      for (const child of spec(group).children as string[]) expect(spec(known.get(child)).parent).toBe(refOf(group));
      for (const member of (spec(group).members as string[] | undefined) ?? []) {
        expect(spec(known.get(member)).memberOf).toContain(refOf(group));
      }
    }
    expect(spec(known.get('group:default/data-platform')).parent).toBe('group:default/platform-engineering');
    expect(spec(known.get('user:default/ines-carvalho')).memberOf).toEqual(['group:default/data-platform']);
    expect(spec(known.get('group:default/data-platform')).members).toEqual(['user:default/ines-carvalho']);
  });

  it('carries tier, monitoring and repository', () => {
    const planner = byRef(entities).get('component:default/route-planner');
    expect(planner?.metadata.labels).toMatchObject({ 'multiplane.dev/tier': '2' });
    expect(planner?.metadata.tags).toContain('tier-2');
    expect(planner?.metadata.annotations).toMatchObject({
      'backstage.io/source-location': 'url:https://github.com/lanefield/route-planner',
      'github.com/project-slug': 'lanefield/route-planner',
      'multiplane.dev/monitoring': 'https://observe.lanefield.example/d/route-planner/overview',
      'backstage.io/view-url': 'https://mesh-docs.lanefield.example/services/route-planner/',
    });
  });
});

describe('Backstage export of IDs that are not valid names', () => {
  const { entities, notes } = exportOf(freshFixtureRoot('backstage-names'));
  const known = byRef(entities);
  const long = 'customer-facing-shipment-tracking-gateway-for-the-european-union-region';

  it('passes Backstage\'s validation entity by entity', async () => {
    for (const entity of entities) await expect(validateWithBackstage(entity), refOf(entity)).resolves.toBeUndefined();
  });

  it('renames deterministically, keeps the ID in an annotation and reports each change', () => {
    const cafe = known.get('component:default/cafe-orders');
    expect(cafe?.metadata.annotations?.['multiplane.dev/id']).toBe('café-orders');
    const renamed = entities.find((entity) => entity.metadata.annotations?.['multiplane.dev/id'] === long);
    expect(renamed?.metadata.name).toMatchInlineSnapshot(`"customer-facing-shipment-tracking-gateway-for-the-euro-b4108fb7"`);
    expect(renamed?.metadata.name).toHaveLength(63);
    expect(known.get('user:default/zoe')?.metadata.annotations?.['multiplane.dev/id']).toBe('zoë');
    expect(known.get('component:default/api')?.metadata.annotations?.['multiplane.dev/id']).toBeUndefined();
    expect(notes.map((note) => `${note.entry}: ${note.message}`)).toMatchInlineSnapshot(`
      [
        "owners/zoë: ID \`zoë\` cannot be a Backstage name as it is (it has characters other than letters, digits, -, _ and .); exported as User \`zoe\`, with the ID kept in the multiplane.dev/id annotation.",
        "services/café-orders: ID \`café-orders\` cannot be a Backstage name as it is (it has characters other than letters, digits, -, _ and .); exported as Component \`cafe-orders\`, with the ID kept in the multiplane.dev/id annotation.",
        "services/café-orders: Lifecycle \`retired\` is exported as \`deprecated\`: Backstage knows experimental, production and deprecated. The original is kept in the multiplane.dev/lifecycle label.",
        "services/café-orders: Tag \`Order Flow\` is exported as \`order-flow\` (Backstage tags are lower-case letters, digits, +, # and -).",
        "services/café-orders: Tag \`SRE\` is exported as \`sre\` (Backstage tags are lower-case letters, digits, +, # and -).",
        "services/café-orders: Tag \`!!!\` has nothing Backstage accepts in a tag, so it is left out.",
        "services/customer-facing-shipment-tracking-gateway-for-the-european-union-region: ID \`customer-facing-shipment-tracking-gateway-for-the-european-union-region\` cannot be a Backstage name as it is (it is longer than 63 characters); exported as Component \`customer-facing-shipment-tracking-gateway-for-the-euro-b4108fb7\`, with the ID kept in the multiplane.dev/id annotation.",
      ]
    `);
  });

  it('uses the new names in every relation', () => {
    expect(spec(known.get('component:default/api')).dependsOn).toEqual([
      'component:default/db',
      'component:default/cafe-orders',
      'component:default/customer-facing-shipment-tracking-gateway-for-the-euro-b4108fb7',
    ]);
    expect(spec(known.get('component:default/cafe-orders')).owner).toBe('user:default/zoe');
    expect(spec(known.get('group:default/data-team')).members).toEqual(['user:default/sam', 'user:default/zoe']);
    expect(spec(known.get('user:default/zoe')).memberOf).toEqual(['group:default/data-team']);
  });

  it('maps the retired lifecycle to deprecated and keeps the original as a label', () => {
    const cafe = known.get('component:default/cafe-orders');
    expect(spec(cafe).lifecycle).toBe('deprecated');
    expect(cafe?.metadata.labels?.['multiplane.dev/lifecycle']).toBe('retired');
    expect(cafe?.metadata.tags).toEqual(['tier-3', 'order-flow', 'sre']);
  });
});

describe('Backstage export of drafts and odd relations', () => {
  it('leaves drafts out, with the references to them, and says so', () => {
    const root = freshFixtureRoot();
    const db = join(root, 'content/services/db.md');
    writeFileSync(db, readFileSync(db, 'utf8').replace('tier: 2', 'tier: 2\ndraft: true'));
    const platformTeam = join(root, 'content/owners/platform-team.md');
    writeFileSync(platformTeam, readFileSync(platformTeam, 'utf8').replace('members: [alex, sam]', 'members: [alex, sam, data-team]'));
    const { entities, notes } = exportOf(root);
    expect(entities.map(refOf)).not.toContain('component:default/db');
    expect(spec(byRef(entities).get('component:default/api')).dependsOn).toEqual([]);
    expect(spec(byRef(entities).get('group:default/platform-team')).members).toEqual(['user:default/alex', 'user:default/sam']);
    expect(notes.map((note) => `${note.entry}: ${note.message}`)).toEqual([
      'owners/platform-team: Member `data-team` is a team, which Backstage does not accept there, so it is left out.',
      'services/api: Dependency `db` is a draft, so the reference to it is left out.',
    ]);
  });
});

describe('the validation the tests rely on', () => {
  // Guards the guard: Backstage must reject what it would reject at ingestion.
  const valid = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'api' },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:default/platform-team' },
  };

  it('accepts a valid component', async () => {
    await expect(validateWithBackstage(valid)).resolves.toBeUndefined();
  });

  it('rejects a name Backstage does not accept', async () => {
    await expect(validateWithBackstage({ ...valid, metadata: { name: 'café-orders' } })).rejects.toThrow(/metadata.name/);
  });

  it('rejects a tag Backstage does not accept', async () => {
    await expect(validateWithBackstage({ ...valid, metadata: { name: 'api', tags: ['Order Flow'] } })).rejects.toThrow(/tags.0/);
  });

  it('rejects a component without an owner', async () => {
    await expect(validateWithBackstage({ ...valid, spec: { type: 'service', lifecycle: 'production' } })).rejects.toThrow(/owner/);
  });
});
