import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../../src/cli/import.ts';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { COLLECTIONS } from '../../../src/core/schemas/index.ts';
import { buildBackstageEntities } from '../../../src/exporters/backstage/build-entities.ts';
import { formatCatalog } from '../../../src/exporters/backstage/format-catalog.ts';
import { importBackstage } from '../../../src/importers/backstage/import-backstage.ts';
import { validateEntry } from '../../../src/importers/validate-entry.ts';
import { NOW, EXAMPLE_ROOT } from '../../helpers/fixtures.ts';
import { memoryIo } from '../../helpers/io.ts';
import { FIXTURES, scratchRoot } from '../scratch.ts';

/** Backstage's own example catalogs (packages/catalog-model/examples, the demo app's, the repository's root file). */
const EXAMPLES = join(FIXTURES, 'backstage-examples');
const line = (item: { source: string; line?: number; what: string; why: string }) => `${item.source}${item.line ? `:${item.line}` : ''}: ${item.what}, ${item.why}`;

describe('importing Backstage\'s example catalog', () => {
  const result = importBackstage(join(EXAMPLES, 'catalog-model', 'all.yaml'));
  const groups = importBackstage(join(EXAMPLES, 'catalog-model', 'acme-corp.yaml'));
  const entry = (key: string) => [...result.entries, ...groups.entries].find((candidate) => `${candidate.collection}/${candidate.id}` === key);

  it('follows the Location files to every component, and the group file to every group and user', () => {
    expect(result.entries.map((candidate) => candidate.id).sort()).toEqual([
      'artist-lookup',
      'petstore',
      'playback-order',
      'playback-sdk',
      'podcast-api',
      'queue-proxy',
      'searcher',
      'shuffle-api',
      'wayback-archive',
      'wayback-archive-ingestion',
      'wayback-archive-storage',
      'wayback-search',
      'www-artist',
    ]);
    expect(groups.entries.filter((candidate) => candidate.data.kind === 'team')).toHaveLength(9);
    expect(groups.entries.filter((candidate) => candidate.data.kind === 'person')).toHaveLength(17);
    // Every entry loads as the check will read it.
    for (const candidate of [...result.entries, ...groups.entries]) expect(validateEntry(candidate), candidate.id).toEqual([]);
  });

  it('maps a component\'s owner, lifecycle, system and links to a service', () => {
    expect(entry('services/artist-lookup')?.data).toEqual({
      title: 'artist-lookup',
      description: 'Artist Lookup',
      tags: ['java', 'data'],
      owner: 'team-a',
      tier: 3,
      lifecycle: 'experimental',
      system: 'artist-engagement-portal',
      operations: { monitoring: 'https://example.com/dashboard', dataClassification: 'none' },
    });
    expect(entry('services/petstore')?.data).toMatchObject({ owner: 'team-c', operations: { repository: 'https://github.com/swagger-api/swagger-petstore' } });
    // `owner: user:guest` names a user; a bare name is a group.
    expect(entry('services/searcher')?.data.owner).toBe('guest');
  });

  it('maps groups to teams with parent and members, users to people, namespaces to folders', () => {
    expect(entry('owners/team-a')?.data).toEqual({
      title: 'team-a',
      description: 'Team A',
      kind: 'team',
      contact: { email: 'team-a@example.com' },
      members: ['breanna.davison', 'janelle.dawe', 'nigel.manning', 'guest', 'development/guest'],
      parent: 'backstage',
    });
    expect(entry('owners/janelle.dawe')?.data).toEqual({ title: 'Janelle Dawe', kind: 'person', contact: { email: 'janelle-dawe@example.com' } });
    expect(entry('owners/infrastructure')?.data.contact).toEqual({ chat: 'TODO: how to reach infrastructure' });
  });

  it('reports Systems, Domains, APIs, Resources and every field left out, at the entity\'s line', () => {
    const lines = result.unmapped.map(line);
    expect(lines.filter((text) => /the whole (System|Domain|API|Resource)/.test(text))).toMatchInlineSnapshot(`
      [
        "domains/audio-domain.yaml:1: the whole Domain audio, Multiplane groups services by system only; its systems (none in the catalog) were kept on their services, the domain (owned by acme-corp) was not",
        "domains/artists-domain.yaml:1: the whole Domain artists, Multiplane groups services by system only; its systems (artist-engagement-portal) were kept on their services, the domain (owned by team-a) was not",
        "domains/playback-domain.yaml:1: the whole Domain playback, Multiplane groups services by system only; its systems (audio-playback, podcast) were kept on their services, the domain (owned by user:frank.tiernan) was not",
        "resources/artists-db-resource.yaml:1: the whole Resource artists-db, Multiplane has no collection for infrastructure (database, owned by team-a); describe it in the page of the service that holds it",
        "systems/artist-engagement-portal-system.yaml:1: the whole System artist-engagement-portal, its services (artist-lookup, www-artist) carry system: artist-engagement-portal; the system itself (owned by team-a, in domain artists) has no entry",
        "systems/audio-playback-system.yaml:1: the whole System audio-playback, its services (playback-sdk, shuffle-api) carry system: audio-playback; the system itself (owned by team-c, in domain playback) has no entry",
        "systems/podcast-system.yaml:1: the whole System podcast, its services (podcast-api, queue-proxy) carry system: podcast; the system itself (owned by team-b, in domain playback) has no entry",
      ]
    `);
    expect(lines.filter((text) => text.startsWith('all.yaml'))).toEqual([
      'all.yaml:1: location target ./all-ai-resources.yaml, no such file (all-ai-resources.yaml), so its entities were not read',
      'all.yaml:1: location target ./all-apis.yaml, no such file (all-apis.yaml), so its entities were not read',
    ]);
    expect(lines).toContain('components/wayback-search-component.yaml:1: Component wayback-search: consumesApis wayback-archive, Multiplane has no collection for APIs; describe them in the service\'s page');
    expect(lines).toContain('components/shuffle-api-component.yaml:1: Component shuffle-api: labels goVersion, category, no entry field holds them; tags are kept');
    expect(groups.unmapped.map(line)).toContain('acme/team-a-group.yaml:15: User breanna.davison: profile.picture, owner pages show no pictures');
  });

  it('reads the demo app\'s multi-document files and the repository\'s own catalog-info.yaml', () => {
    const demo = importBackstage(join(EXAMPLES, 'demo-app'));
    expect(demo.entries.map((candidate) => `${candidate.collection}/${candidate.id}`)).toEqual(['owners/guest', 'owners/guests', 'services/example-website']);
    expect(demo.entries.find((candidate) => candidate.id === 'guests')?.data.members).toEqual(['guest']);
    expect(demo.entries.find((candidate) => candidate.id === 'example-website')?.data).toMatchObject({ owner: 'guests', system: 'examples' });
    const root = importBackstage(join(EXAMPLES, 'repository-root', 'catalog-info.yaml'));
    expect(root.entries[0]?.data).toMatchObject({ owner: 'cncf', operations: { repository: 'https://github.com/backstage/backstage' } });
    expect(root.unmapped.map(line)).toContain(
      'catalog-info.yaml:1: Component backstage-existing: annotations backstage.io/techdocs-ref, lighthouse.com/website-url, they configure Backstage plugins; no entry field holds them',
    );
  });

  it('imports the whole examples folder into content the check loads', () => {
    const root = scratchRoot({ platform: true });
    const io = memoryIo(root);
    expect(importCommand(['backstage', EXAMPLES], io)).toBe(0);
    const report = runCheck({ root, now: NOW });
    expect(report.findings.filter((finding) => /^(field|frontmatter|file|duplicate)-/.test(finding.rule))).toEqual([]);
    expect(report.content.entries.filter((candidate) => candidate.collection === 'services')).toHaveLength(15);
    // The one owner no catalog file defines.
    expect(report.findings.filter((finding) => finding.rule === 'owner-exists').map((finding) => finding.message)).toEqual([
      '`owner` refers to `cncf`, which is not an owner.',
    ]);
  });
});

describe('a round trip through Backstage', () => {
  it('reproduces the example platform\'s owners and services: export, then import', () => {
    const original = runCheck({ root: EXAMPLE_ROOT, now: NOW });
    const exported = buildBackstageEntities(original.graph);
    const root = scratchRoot();
    const file = join(root, 'catalog-info.yaml');
    writeFileSync(file, formatCatalog(exported.entities, 'the platform'));
    const imported = importBackstage(file);
    expect(imported.unmapped.map(line)).toEqual([
      'catalog-info.yaml:17: the whole System jlt-lane-mesh, the platform itself, as the export writes it: its name, description and trust anchor belong in content/platform.yaml',
    ]);
    const entries = [...original.graph.collection('owners'), ...original.graph.collection('services')];
    expect(imported.entries.map((candidate) => `${candidate.collection}/${candidate.id}`).sort()).toEqual(entries.map((candidate) => candidate.key).sort());
    for (const candidate of imported.entries) {
      const before = original.graph.get(`${candidate.collection}/${candidate.id}`);
      const schema = COLLECTIONS[candidate.collection].schema;
      const after = schema.parse(candidate.data) as Record<string, unknown>;
      // Members are listed as the graph lists them, which may differ from the file's order.
      const sorted = (data: Record<string, unknown>) => ({ ...data, ...(Array.isArray(data.members) ? { members: [...data.members].sort() } : {}) });
      expect(sorted(after), candidate.id).toEqual(sorted(before?.data as Record<string, unknown>));
    }
  });
});
