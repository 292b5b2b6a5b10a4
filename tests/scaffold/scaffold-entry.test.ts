import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/core/check/run-check.ts';
import { loadContent } from '../../src/core/content/load-content.ts';
import { COLLECTIONS, type EntryCollectionName } from '../../src/core/schemas/index.ts';
import { planScaffold, type ScaffoldRequest, writeScaffold } from '../../src/scaffold/scaffold-entry.ts';
import { freshFixtureRoot } from '../helpers/fixtures.ts';
import { NOW } from '../helpers/fixtures.ts';

const project = (root: string) => ({ root, contentDir: join(root, 'content'), content: loadContent({ root }) });
const plan = (root: string, request: Omit<ScaffoldRequest, 'now'>) => planScaffold({ now: NOW, ...request }, project(root));
const scaffold = (root: string, request: Omit<ScaffoldRequest, 'now'>) => {
  const planned = plan(root, request);
  writeScaffold(planned);
  return planned;
};

// One request per collection, and one per kind where a collection has kinds.
const EVERY_KIND: Omit<ScaffoldRequest, 'now'>[] = [
  { collection: 'owners', id: 'new-team', kind: 'team' },
  { collection: 'owners', id: 'new-person', kind: 'person' },
  { collection: 'policies', id: 'new-policy' },
  { collection: 'runbooks', id: 'new-runbook', kind: 'runbook' },
  { collection: 'runbooks', id: 'new-procedure', kind: 'procedure' },
  { collection: 'runbooks', id: 'new-standard', kind: 'standard' },
  { collection: 'runbooks', id: 'new-architecture', kind: 'architecture' },
  { collection: 'services', id: 'new-service' },
  { collection: 'deployments', id: 'new-deployment' },
  { collection: 'incidents', id: 'new-incident' },
  { collection: 'case-studies', id: 'new-case-study' },
  { collection: 'articles', id: 'new-article' },
  { collection: 'whitepaper', id: 'new-chapter' },
];

describe('a new entry of every collection, checked', () => {
  const root = freshFixtureRoot();
  for (const request of EVERY_KIND) scaffold(root, request);
  const report = runCheck({ root, now: NOW });

  it('covers every Markdown collection', () => {
    const collections = Object.values(COLLECTIONS).filter((definition) => definition.source.kind === 'folder').map((definition) => definition.name);
    expect(new Set(EVERY_KIND.map((request) => request.collection))).toEqual(new Set(collections));
  });

  it('loads every new file as a valid entry', () => {
    expect(report.findings.filter((finding) => /^(field|frontmatter|file)-/.test(finding.rule))).toEqual([]);
    for (const { collection, id } of EVERY_KIND) expect(report.graph.get(`${collection}/${id}`), id).toBeDefined();
  });

  it('leaves only findings about placeholders, each where the placeholder is', () => {
    // The valid tree has no findings of its own, so each one here is about a new file.
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.severity} ${finding.rule} ${finding.field ?? ''}`))
      .toMatchInlineSnapshot(`
        [
          "content/articles/new-article.md:21 error dangling-reference author",
          "content/articles/new-article.md:33 warning placeholder-text ",
          "content/case-studies/new-case-study.md:6 error case-study-evidence services",
          "content/case-studies/new-case-study.md:6 error case-study-evidence outcomes",
          "content/case-studies/new-case-study.md:6 warning open-loop title",
          "content/case-studies/new-case-study.md:51 warning placeholder-text ",
          "content/case-studies/new-case-study.md:55 warning placeholder-text ",
          "content/deployments/new-deployment.md:21 error dangling-reference service",
          "content/deployments/new-deployment.md:24 warning placeholder-text version",
          "content/deployments/new-deployment.md:34 warning placeholder-text pipeline",
          "content/deployments/new-deployment.md:52 warning placeholder-text ",
          "content/incidents/new-incident.md:21 error dangling-reference services[0]",
          "content/incidents/new-incident.md:36 error dangling-reference commander",
          "content/incidents/new-incident.md:51 warning placeholder-text ",
          "content/incidents/new-incident.md:55 warning placeholder-text ",
          "content/owners/new-person.md:29 warning placeholder-text contact.chat",
          "content/owners/new-person.md:52 warning placeholder-text ",
          "content/owners/new-team.md:6 error escalation-route escalation",
          "content/owners/new-team.md:21 warning team-escalation kind",
          "content/owners/new-team.md:29 warning placeholder-text contact.chat",
          "content/owners/new-team.md:52 warning placeholder-text ",
          "content/policies/new-policy.md:49 warning placeholder-text enforcement.mechanism",
          "content/policies/new-policy.md:82 warning placeholder-text ",
          "content/runbooks/new-architecture.md:47 warning placeholder-text ",
          "content/runbooks/new-architecture.md:51 warning placeholder-text ",
          "content/runbooks/new-architecture.md:55 warning placeholder-text ",
          "content/runbooks/new-architecture.md:59 warning placeholder-text ",
          "content/runbooks/new-procedure.md:47 warning placeholder-text ",
          "content/runbooks/new-procedure.md:51 warning placeholder-text ",
          "content/runbooks/new-procedure.md:55 warning placeholder-text ",
          "content/runbooks/new-runbook.md:47 warning placeholder-text ",
          "content/runbooks/new-runbook.md:51 warning placeholder-text ",
          "content/runbooks/new-runbook.md:55 warning placeholder-text ",
          "content/runbooks/new-runbook.md:59 warning placeholder-text ",
          "content/runbooks/new-runbook.md:63 warning placeholder-text ",
          "content/runbooks/new-standard.md:47 warning placeholder-text ",
          "content/runbooks/new-standard.md:51 warning placeholder-text ",
          "content/runbooks/new-standard.md:55 warning placeholder-text ",
          "content/services/new-service.md:61 warning placeholder-text ",
          "content/whitepaper/new-chapter.md:28 warning placeholder-text ",
        ]
      `);
  });

  it('gives each knowledge document the sections its kind requires', () => {
    expect(report.findings.filter((finding) => finding.rule === 'runbook-sections')).toEqual([]);
    const procedure = report.graph.get('runbooks/new-procedure');
    expect(procedure?.headings.map((heading) => heading.text)).toEqual(['Purpose', 'Steps']);
  });
});

describe('the scaffolded file', () => {
  it('reads like this for a runbook', () => {
    expect(plan(freshFixtureRoot(), { collection: 'runbooks', id: 'restore-database' }).text).toMatchInlineSnapshot(`
      "---
      # New runbook, written by npm run new on 2026-11-26. Replace every TODO.
      # Lines that start with "# name:" are optional fields: remove the "# " to use one.

      # Title shown on the page, in lists and in search results.
      title: Restore database

      # One or two sentences shown under the title and in lists. Optional.
      # description: TODO

      # Free-form tags for search and grouping. Defaults to none.
      # tags: []

      # A draft is checked but left out of production builds. Defaults to false.
      # draft: false

      # Who may read the entry. Defaults to the platform setting \`defaultVisibility\` (internal). One of: internal, public.
      # visibility: internal

      # ID of the owner who keeps the document current.
      # Set to the platform's trust anchor, accountable until someone else is: name the real owner.
      owner: platform-team

      # runbook, procedure, standard or architecture; decides the required sections.
      kind: runbook

      # Position in the runbooks list, for documents kept in a navigation order (an imported MkDocs nav); those with an order come first, ascending. Optional.
      # order: 0

      # IDs of the services the document covers. Defaults to none.
      # services: []

      # IDs of the policies the document implements. Defaults to none.
      # policies: []

      # Review cadence and the day of the last review.
      review:
        # How often the document is reviewed: 90d, 6m, 1y.
        cadence: 6m
        # Day of the last review, YYYY-MM-DD.
        last: 2026-11-26

      # IDs of incidents or case studies that led to this document or its last change. Defaults to none.
      # followUpOf: []
      ---

      TODO: When to use this document, in one or two sentences.

      ## Symptoms

      TODO: What the on-call engineer sees: the alerts that fire, the dashboards that change, what users report.

      ## Diagnosis

      TODO: How to confirm the cause: the dashboards, queries and commands to check, in order.

      ## Remediation

      TODO: The steps that restore service, each with how to tell it worked and how to undo it.

      ## Escalation

      TODO: Who to page when these steps do not help, and when to declare an incident.
      "
    `);
  });

  // Every optional field is offered with an example value; uncommenting all of them must still
  // give a valid entry, or the file would teach the author something wrong.
  it.each(EVERY_KIND.map((request) => [`${request.collection}/${request.id}`, request] as const))(
    '%s offers every field, and is valid with all of them uncommented',
    (_key, request) => {
      const { text } = plan(freshFixtureRoot(), request);
      const frontmatter = text.split('\n---\n')[0]?.replace(/^---\n/, '') ?? '';
      const uncommented = frontmatter
        .split('\n')
        .map((line) => {
          const match = /^(\s*)# (.*)$/.exec(line);
          return match && /^\s*([A-Za-z]\w*:(\s|$)|-$)/.test(match[2] ?? '') ? `${match[1]}${match[2]}` : line;
        })
        .join('\n');
      const data = yaml.load(uncommented, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
      const schema = COLLECTIONS[request.collection as EntryCollectionName].schema;
      const result = schema.safeParse(data);
      expect(result.error?.issues ?? []).toEqual([]);
      expect(Object.keys(data).sort()).toEqual(Object.keys(schema.shape).sort());
    },
  );

  it('dates the entry with the given day', () => {
    const { text } = planScaffold({ collection: 'policies', id: 'p', now: new Date('2027-02-03T10:20:30Z') }, project(freshFixtureRoot()));
    expect(text).toContain('effective: 2027-02-03\n');
    expect(text).toContain('  last: 2027-02-03\n');
    const incident = planScaffold({ collection: 'incidents', id: 'i', now: new Date('2027-02-03T10:20:30Z') }, project(freshFixtureRoot()));
    expect(incident.text).toContain('started: 2027-02-03T10:20:30Z\n');
  });

  it('lists the placeholders with the lines the check reports', () => {
    const root = freshFixtureRoot();
    const planned = scaffold(root, { collection: 'deployments', id: 'd' });
    expect(planned.placeholders.map((placeholder) => placeholder.field)).toEqual(['service', 'version', 'pipeline']);
    const lines = planned.text.split('\n');
    for (const { field, line } of planned.placeholders) expect(lines[line - 1]).toMatch(new RegExp(`^${field}: "?TODO`));
    const reported = runCheck({ root, now: NOW }).findings.filter((finding) => finding.file === planned.file);
    // The service placeholder is not an ID of any service; the others are placeholder text,
    // and so is the guidance line of the body.
    const [service, version, pipeline] = planned.placeholders.map((placeholder) => placeholder.line);
    const guidance = lines.findIndex((line) => line.startsWith('TODO: ')) + 1;
    expect(reported.map((finding) => [finding.rule, finding.line])).toEqual([
      ['dangling-reference', service],
      ['placeholder-text', version],
      ['placeholder-text', pipeline],
      ['placeholder-text', guidance],
    ]);
  });

  it('names the chosen owner, and the trust anchor otherwise', () => {
    expect(plan(freshFixtureRoot(), { collection: 'services', id: 's', owner: 'data-team' }).text).toContain('\nowner: data-team\n');
    const anchored = plan(freshFixtureRoot(), { collection: 'services', id: 's' });
    expect(anchored.owner).toEqual({ field: 'owner', choice: { id: 'platform-team', source: 'trust-anchor' } });
    expect(anchored.text).toContain("# Set to the platform's trust anchor, accountable until someone else is: name the real owner.\nowner: platform-team\n");
    expect(plan(freshFixtureRoot(), { collection: 'articles', id: 'a', owner: 'alex' }).text).toContain('\nauthor: alex\n');
    expect(plan(freshFixtureRoot(), { collection: 'incidents', id: 'i', owner: 'sam' }).text).toContain('\ncommander: sam\n');
  });

  it('follows the governance settings for sections and safe values', () => {
    const root = freshFixtureRoot();
    writeFileSync(
      join(root, 'content', 'governance.yaml'),
      'runbookSections:\n  runbook: [Impact, Rollback]\npostmortem:\n  heading: Review\n  severities: [SEV1, SEV2, SEV3]\nrunbookRequiredTiers: [1, 2, 3]\n',
    );
    expect(plan(root, { collection: 'runbooks', id: 'r' }).text).toContain('\n## Impact\n\nTODO: The impact of this runbook.\n\n## Rollback\n');
    const incident = plan(root, { collection: 'incidents', id: 'i' }).text;
    expect(incident).toContain('\n## Review\n');
    expect(incident).toContain('\nseverity: SEV4\n');
    expect(plan(root, { collection: 'services', id: 's' }).text).toContain('\ntier: 4\n');
  });
});

describe('refusals', () => {
  it('refuses an ID that is not a slug, suggesting one', () => {
    expect(() => plan(freshFixtureRoot(), { collection: 'runbooks', id: 'Restore DB' })).toThrowErrorMatchingInlineSnapshot(`[ScaffoldError: "Restore DB" is not a valid ID: an ID is lower-case letters (of any script), digits, hyphens, dots and underscores, starting and ending with a letter or digit, like restore-database (it becomes the file name, restore-database.md). Use restore-db.]`);
  });

  it('refuses an ID an existing file has, whatever its letter case and punctuation', () => {
    const root = freshFixtureRoot();
    writeFileSync(join(root, 'content', 'runbooks', 'Restore Database.md'), '---\ntitle: Broken\n');
    expect(() => plan(root, { collection: 'runbooks', id: 'restore-database' })).toThrowErrorMatchingInlineSnapshot(`[ScaffoldError: content/runbooks/Restore Database.md already has the ID restore-database; choose another ID, or edit that file.]`);
    expect(() => plan(root, { collection: 'runbooks', id: 'api-runbook' })).toThrow(/already has the ID api-runbook/);
    // The same ID in another collection is another entry.
    expect(() => plan(root, { collection: 'services', id: 'restore-database' })).not.toThrow();
  });

  it('never overwrites a file', () => {
    const root = freshFixtureRoot();
    const planned = plan(root, { collection: 'services', id: 'new-service' });
    mkdirSync(join(root, 'content', 'services'), { recursive: true });
    writeFileSync(planned.absolute, 'mine\n');
    expect(() => writeScaffold(planned)).toThrow('content/services/new-service.md already exists; choose another ID.');
    expect(readFileSync(planned.absolute, 'utf8')).toBe('mine\n');
  });

  it('refuses a kind the collection does not have', () => {
    expect(() => plan(freshFixtureRoot(), { collection: 'runbooks', id: 'r', kind: 'playbook' })).toThrowErrorMatchingInlineSnapshot(`[ScaffoldError: "playbook" is not a kind of runbooks; use runbook, procedure, standard or architecture.]`);
    expect(() => plan(freshFixtureRoot(), { collection: 'services', id: 's', kind: 'team' })).toThrowErrorMatchingInlineSnapshot(`[ScaffoldError: --kind applies to owners and runbooks only; services have no kind.]`);
  });

  it('refuses an owner that does not exist, and a team as commander or author', () => {
    expect(() => plan(freshFixtureRoot(), { collection: 'services', id: 's', owner: 'data-tem' })).toThrowErrorMatchingInlineSnapshot(`[ScaffoldError: "data-tem" is not an owner. Did you mean data-team? Use the ID of an entry in content/owners/, or add one first with npm run new -- owners <id>.]`);
    expect(() => plan(freshFixtureRoot(), { collection: 'incidents', id: 'i', owner: 'data-team' })).toThrowErrorMatchingInlineSnapshot(`[ScaffoldError: "data-team" is a team, and the incident commander must be a person: one person commands a response and makes its calls.]`);
    expect(() => plan(freshFixtureRoot(), { collection: 'articles', id: 'a', owner: 'platform-team' })).toThrow(/"platform-team" is a team, and the author must be a person/);
    expect(() => plan(freshFixtureRoot(), { collection: 'whitepaper', id: 'w', owner: 'alex' })).toThrowErrorMatchingInlineSnapshot(`[ScaffoldError: --owner applies to policies, runbooks, services, incidents, case-studies and articles only; whitepaper have no owner field.]`);
  });
});
