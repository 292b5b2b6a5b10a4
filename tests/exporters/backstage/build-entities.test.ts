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

  it('points every reference at an entity of the export, read with Backstage\'s defaults', () => {
    const known = byRef(entities);
    // The kind each field implies when a reference leaves it out (Backstage's own defaults).
    const defaults: Record<string, string | undefined> = { owner: 'group', system: 'system', parent: 'group', children: 'group', members: 'user', memberOf: 'group', dependsOn: undefined };
    const references = entities.flatMap((entity) =>
      Object.entries(defaults).flatMap(([field, defaultKind]) =>
        [spec(entity)[field]].flat().filter((ref): ref is string => typeof ref === 'string').map((ref) => ({ ref, defaultKind })),
      ),
    );
    expect(references.length).toBeGreaterThan(30);
    for (const { ref, defaultKind } of references) {
      expect(known.has(stringifyEntityRef(parseEntityRef(ref, { ...(defaultKind ? { defaultKind } : {}), defaultNamespace: 'default' }))), ref).toBe(true);
    }
  });

  it('writes references short, as Backstage\'s examples do', () => {
    const known = byRef(entities);
    for (const service of report.graph.collection('services')) {
      const component = known.get(`component:default/${service.id}`);
      expect(spec(component).dependsOn).toEqual(service.data.dependsOn.map((id) => `component:${id}`));
      expect(spec(component).owner).toMatch(new RegExp(`^(user:)?${service.data.owner}$`));
      expect(spec(component).system).toBe('jlt-lane-mesh');
    }
    expect(spec(known.get('system:default/jlt-lane-mesh')).owner).toBe('platform-engineering');
    expect(known.get('system:default/jlt-lane-mesh')?.metadata.annotations?.['multiplane.dev/platform']).toBe('true');
  });

  it('keeps the team tree and memberships, seen from both sides', () => {
    const known = byRef(entities);
    const full = (ref: string, defaultKind: string) => stringifyEntityRef(parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }));
    const groups = entities.filter((entity) => entity.kind === 'Group');
    for (const group of groups) {
      const parent = spec(group).parent as string | undefined;
      if (parent) expect(spec(known.get(full(parent, 'group'))).children).toContain(group.metadata.name);
      for (const child of spec(group).children as string[]) expect(spec(known.get(full(child, 'group'))).parent).toBe(group.metadata.name);
      for (const member of (spec(group).members as string[] | undefined) ?? []) {
        expect(spec(known.get(full(member, 'user'))).memberOf).toContain(group.metadata.name);
      }
    }
    expect(spec(known.get('group:default/data-platform')).parent).toBe('platform-engineering');
    expect(spec(known.get('user:default/ines-carvalho')).memberOf).toEqual(['data-platform']);
    expect(spec(known.get('group:default/data-platform')).members).toEqual(['ines-carvalho']);
  });

  it('links each component to its page, its runbooks and its policies in the knowledge base', () => {
    const ledger = byRef(entities).get('component:default/shipment-ledger');
    const links = ledger?.metadata.links ?? [];
    expect(links[0]).toEqual({ url: 'https://mesh-docs.lanefield.example/services/shipment-ledger/', title: 'Knowledge base', icon: 'docs' });
    const covering = report.graph.related('services/shipment-ledger', 'coveredBy');
    expect(covering.length).toBeGreaterThan(0);
    for (const runbook of covering) {
      expect(links).toContainEqual({ url: `https://mesh-docs.lanefield.example/runbooks/${runbook.id}/`, title: `Runbook: ${runbook.title}`, icon: 'docs' });
    }
    expect(links.filter((link) => link.title?.startsWith('Policy: ')).length).toBe(report.graph.related('services/shipment-ledger', 'governedBy').length);
  });

  it('keeps in annotations what Backstage has no field for, so an import restores it', () => {
    const broker = byRef(entities).get('component:default/identity-broker');
    expect(broker?.metadata.annotations).toMatchObject({
      'multiplane.dev/alerting': expect.stringMatching(/^Pages security rotation/),
      'multiplane.dev/backups': expect.stringMatching(/^Continuous WAL archiving/),
      'multiplane.dev/last-restore-test': '2026-10-14',
      'multiplane.dev/governed-by': 'availability-objectives',
      'multiplane.dev/on-call': 'security-engineering',
    });
    expect(byRef(entities).get('group:default/data-platform')?.metadata.annotations?.['multiplane.dev/escalates-to']).toBe('site-reliability');
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
      'component:db',
      'component:cafe-orders',
      'component:customer-facing-shipment-tracking-gateway-for-the-euro-b4108fb7',
    ]);
    expect(spec(known.get('component:default/cafe-orders')).owner).toBe('user:zoe');
    expect(spec(known.get('group:default/data-team')).members).toEqual(['sam', 'zoe']);
    expect(spec(known.get('user:default/zoe')).memberOf).toEqual(['data-team']);
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
    const { entities, notes } = exportOf(root);
    expect(entities.map(refOf)).not.toContain('component:default/db');
    expect(spec(byRef(entities).get('component:default/api')).dependsOn).toEqual([]);
    expect(spec(byRef(entities).get('group:default/platform-team')).members).toEqual(['alex', 'sam']);
    // A team listed as a member (which Backstage refuses) is the role-kind rule's error before any export.
    expect(notes.map((note) => `${note.entry}: ${note.message}`)).toEqual(['services/api: Dependency `db` is a draft, so the reference to it is left out.']);
  });

  it('exports the systems services name as Systems of their own, validated by Backstage', async () => {
    const root = freshFixtureRoot();
    for (const id of ['api', 'db']) {
      const file = join(root, `content/services/${id}.md`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('lifecycle: production', 'lifecycle: production\nsystem: Ledger'));
    }
    const { entities } = exportOf(root);
    const system = byRef(entities).get('system:default/ledger');
    expect(system).toMatchObject({ metadata: { name: 'ledger', title: 'Ledger' }, spec: { owner: 'platform-team' } });
    expect(spec(byRef(entities).get('component:default/api')).system).toBe('ledger');
    for (const entity of entities) await expect(validateWithBackstage(entity), refOf(entity)).resolves.toBeUndefined();
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
