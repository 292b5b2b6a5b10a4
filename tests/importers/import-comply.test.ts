import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/core/content/frontmatter.ts';
import { runCheck } from '../../src/core/check/run-check.ts';
import { importCommand } from '../../src/cli/import.ts';
import { importComply } from '../../src/importers/comply/import-comply.ts';
import { readComplyDocument } from '../../src/importers/comply/read-document.ts';
import { PLACEHOLDER_OWNER } from '../../src/importers/import-result.ts';
import { NOW } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';
import { COMPLY_CORPUS, FIXTURES, filesUnder, read, scratchRoot } from './scratch.ts';

const options = { owner: PLACEHOLDER_OWNER, ownerIsPlaceholder: true, date: '2026-11-26', prefix: '' };

/** Imports a comply folder into a fresh project with the valid fixture's platform and owners. */
function importInto(source: string, extra: string[] = []) {
  const root = scratchRoot({ platform: true });
  const io = memoryIo(root);
  const status = importCommand(['comply', source, ...extra], io);
  return { root, io, status };
}

describe('importing the comply SOC 2 corpus', () => {
  const result = importComply(COMPLY_CORPUS, options);
  const entry = (key: string) => result.entries.find((candidate) => `${candidate.collection}/${candidate.id}` === key);
  const lines = result.unmapped.map((item) => `${item.source}: ${item.what}, ${item.why}`);

  it('maps every policy, procedure and narrative', () => {
    const count = (collection: string, kind?: string) =>
      result.entries.filter((candidate) => candidate.collection === collection && (kind === undefined || candidate.data.kind === kind)).length;
    expect(count('policies')).toBe(27);
    expect(count('runbooks', 'procedure')).toBe(4);
    expect(count('runbooks', 'architecture')).toBe(5);
  });

  it('maps a policy\'s name, criteria, revision dates and category', () => {
    expect(entry('policies/access')?.data).toEqual({
      title: 'Access Onboarding and Termination Policy',
      tags: ['AOTP'],
      owner: 'unassigned-owner',
      status: 'draft',
      category: 'access',
      effective: '2018-06-01',
      review: { cadence: '1y', last: '2018-06-01' },
      enforcement: { mode: 'manual', mechanism: 'Not yet recorded' },
      compliance: [{ framework: 'SOC 2', criteria: ['CC6.1', 'CC6.2', 'CC6.3'] }],
    });
    expect(entry('policies/incident')?.data.category).toBe('incident');
  });

  it('names procedures by their comply ID and narratives by their file', () => {
    expect(entry('runbooks/offboard')).toMatchObject({ source: 'procedures/offboarding.md', data: { title: 'Offboard User', kind: 'procedure' } });
    expect(entry('runbooks/security')).toMatchObject({
      source: 'narratives/security.md',
      data: { title: 'Security Architecture Narrative', kind: 'architecture', tags: ['SEN'], review: { cadence: '1y', last: '2018-06-01' } },
    });
  });

  it('leaves out criteria the TSC catalogue does not have, and says so', () => {
    expect(entry('policies/classification')?.data.compliance).toBeUndefined();
    expect(lines.filter((line) => line.includes('CC9.9'))).toMatchInlineSnapshot(`
      [
        "policies/classification.md: satisfies TSC [CC9.9], not a criterion of standards/TSC-2017.yml, so left out of compliance",
        "policies/encryption.md: satisfies TSC [CC9.9], not a criterion of standards/TSC-2017.yml, so left out of compliance",
        "policies/information.md: satisfies TSC [CC9.9], not a criterion of standards/TSC-2017.yml, so left out of compliance",
        "policies/password.md: satisfies TSC [CC9.9], not a criterion of standards/TSC-2017.yml, so left out of compliance",
        "policies/policy.md: satisfies TSC [CC9.9], not a criterion of standards/TSC-2017.yml, so left out of compliance",
      ]
    `);
  });

  it('reports every field and file it could not map', () => {
    const of = (source: string) => lines.filter((line) => line.startsWith(`${source}:`));
    expect(of('procedures/patch.md')).toMatchInlineSnapshot(`
      [
        "procedures/patch.md: cron "0 0 0 15 * *", runbooks have no schedule; comply opens a ticket on it, so keep the schedule in your ticketing or job scheduler",
        "procedures/patch.md: review.last, comply records no review date for procedures; set to the import day 2026-11-26, confirm it",
      ]
    `);
    expect(of('narratives/organizational.md')).toMatchInlineSnapshot(`
      [
        "narratives/organizational.md: satisfies SOC 2 [CC1.2, CC1.3, CC1.4, CC1.5, CC3.1, CC3.2, CC3.3], runbooks carry no compliance criteria; the policies that satisfy them do",
        "narratives/organizational.md: majorRevisions comment "Initial document" (2018-06-01), a runbook keeps only the review dates; the history stays in version control",
        "narratives/organizational.md: template placeholder \`{{.Name}}\` (7 times, also on lines 21, 25, 29, 39, 57, 66), no value for it; shown as written: replace it with the text it stands for",
      ]
    `);
    expect([...of('LICENSE.txt'), ...of('policies/README.md'), ...of('standards/TSC-2017.yml')]).toMatchInlineSnapshot(`
      [
        "LICENSE.txt: the whole file, not a comply document: only policies/, procedures/ and narratives/ (Markdown) and standards/ (YAML) are imported",
        "policies/README.md: the whole file, a folder's description for people browsing the repository, not a document; comply does not publish it either",
        "standards/TSC-2017.yml: 61 TSC criteria with their names and descriptions, used to check the criteria policies satisfy; Multiplane has no collection for a criteria catalogue",
      ]
    `);
    // Every source file is either imported or named in the report.
    const accounted = new Set([...result.entries.map((candidate) => candidate.source), ...result.unmapped.map((item) => item.source)]);
    expect(filesUnder(COMPLY_CORPUS).filter((file) => !accounted.has(file))).toEqual([]);
    // Every revision comment of every document is reported.
    expect(lines.filter((line) => line.includes('majorRevisions comment "Initial document"'))).toHaveLength(27 + 5);
  });

  it('writes entries that keep every word of every body, in Markdown the site renders', () => {
    const { root, status } = importInto(COMPLY_CORPUS);
    expect(status).toBe(0);
    const written = filesUnder(join(root, 'content'));
    expect(written.filter((file) => file.startsWith('policies/'))).toHaveLength(27);
    expect(written.filter((file) => file.startsWith('runbooks/'))).toHaveLength(9);
    // Words, without the list markers the conversion renumbers (`a.` became `1.`).
    const words = (text: string) =>
      (text.replace(/^\s*(?:\d+|[a-z]|[ivx]+)[.)]\s/gim, '').match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).filter((word) => word !== 'pagebreak').sort();
    for (const imported of result.entries) {
      const document = readComplyDocument(read(join(COMPLY_CORPUS, imported.source)));
      if (!document.ok) throw new Error(`${imported.source} did not read`);
      const output = splitFrontmatter(read(join(root, 'content', imported.collection, `${imported.id}.md`))).body;
      // The title is the page's own heading; every other word stays.
      const title = new Set(words(String(imported.data.title)));
      const source = words(document.document.body);
      const kept = words(output);
      expect(kept.filter((word) => !title.has(word)), imported.source).toEqual(source.filter((word) => !title.has(word)));
      expect(output, imported.source).not.toMatch(/^\s*\\pagebreak/m);
      // A grid table stays only where the report says it has merged cells.
      const leftTable = result.unmapped.some((item) => item.source === imported.source && item.what.startsWith('pandoc grid table'));
      expect(/^\+[-=]+\+/m.test(output), imported.source).toBe(leftTable);
    }
    expect(lines.filter((line) => line.includes('pandoc grid table'))).toEqual([
      'policies/classification.md: pandoc grid table (lines 49–81), it has merged cells, which Markdown tables cannot hold; left as text: rewrite it as a list or a simpler table',
    ]);
    expect(read(join(root, 'content', 'policies', 'availability.md'))).toContain('| **Availability** **Classification** | **Availability** **Requirements** | **Scheduled** **Outage** |');
    expect(read(join(root, 'content', 'policies', 'access.md'))).toMatch(/^## Purpose and Scope\n\n1\. The purpose of this policy/m);
  });

  it('produces content the check loads, flagging the placeholder owner and the missing sections', () => {
    const { root } = importInto(COMPLY_CORPUS);
    const report = runCheck({ root, now: NOW });
    const rules = (rule: string) => report.findings.filter((finding) => finding.rule === rule);
    expect(report.findings.filter((finding) => /^(field|frontmatter|file)-/.test(finding.rule))).toEqual([]);
    expect(report.content.entries).toHaveLength(1 + 4 + 27 + 9);
    expect(rules('owner-exists')).toHaveLength(27 + 9);
    expect(rules('owner-exists')[0]?.message).toBe('`owner` refers to `unassigned-owner`, which is not an owner.');
    expect(rules('runbook-sections').map((finding) => finding.entry).sort()).toEqual(
      ['control', 'offboard', 'onboard', 'organizational', 'patch', 'products', 'security', 'system', 'workstation'].map((id) => `runbooks/${id}`),
    );
    // Narratives last revised in 2018 are overdue; procedures were given the import day.
    expect(rules('runbook-review-overdue')).toHaveLength(5);
    expect(report.errors).toBe(27 + 9);
  });

  it('leaves no errors once a real owner is named', () => {
    const { root, io } = importInto(COMPLY_CORPUS, ['--owner', 'platform-team']);
    expect(io.out()).not.toContain('placeholder owner');
    const report = runCheck({ root, now: NOW });
    expect(report.errors).toBe(0);
    expect(new Set(report.findings.map((finding) => finding.rule))).toEqual(new Set(['runbook-sections', 'runbook-review-overdue', 'placeholder-text']));
    // The corpus's own unfinished line is pointed out where it is in the imported file.
    expect(report.findings.filter((finding) => finding.rule === 'placeholder-text').map((finding) => [finding.file, finding.message])).toEqual([
      ['content/runbooks/control.md', 'A guidance line is still in the body: "TODO: Finalize these lists".'],
    ]);
  });
});

describe('importing comply edge cases', () => {
  const fixture = join(FIXTURES, 'import-comply-edge');
  const result = importComply(fixture, options);
  const lines = result.unmapped.map((item) => `${item.source}: ${item.what}, ${item.why}`);

  it('reads metadata with an opening fence, other frameworks and free-form dates', () => {
    expect(result.entries.find((candidate) => candidate.id === 'fenced')?.data).toMatchObject({
      title: 'Change Management Policy',
      category: 'change',
      effective: '2018-01-15',
      review: { cadence: '1y', last: '2019-03-03' },
      compliance: [
        { framework: 'SOC 2', criteria: ['CC8.1'] },
        { framework: 'ISO27001', criteria: ['A.12.1.2'] },
      ],
    });
    expect(result.notes).toContain('Criteria of ISO27001 were not checked: the project has no standards/ catalogue for it.');
  });

  it('imports a file without metadata by its body, titled by its first heading', () => {
    const bare = result.entries.find((candidate) => candidate.id === 'bare');
    expect(bare?.data).toMatchObject({ title: 'Bare Policy', effective: '2026-11-26', review: { last: '2026-11-26' } });
    // Its heading became its title, so the body starts under it.
    expect(read(join(fixture, 'policies', 'bare.md')).startsWith('# Bare Policy\n')).toBe(true);
    expect(bare?.body.startsWith('# Bare Policy')).toBe(false);
  });

  it('fills comply\'s {{.Name}} from comply.yml and puts the sections under the title', () => {
    const system = result.entries.find((candidate) => candidate.id === 'system');
    expect(read(join(fixture, 'narratives', 'system.md'))).toContain('How {{.Name}} runs.');
    expect(system?.body).toBe('\n## System\n\nHow Acme runs.\n');
    expect(result.notes.at(-1)).toMatch(/2 template placeholders filled in from comply\.yml/);
  });

  it('reports what it could not read instead of failing', () => {
    expect(result.entries.map((candidate) => `${candidate.collection}/${candidate.id}`).sort()).toEqual([
      'policies/bare',
      'policies/fenced',
      'runbooks/restore-test',
      'runbooks/system',
    ]);
    expect(lines.filter((line) => /^(policies\/(broken|fenced|bare)|comply|templates)/.test(line))).toMatchInlineSnapshot(`
      [
        "comply.yml: the project settings (name, filePrefix), their name "Acme" filled {{.Name}} in the documents; Multiplane keeps the platform's name and organization in content/platform.yaml: write them there",
        "policies/bare.md: metadata, the file has none (comply documents start with name: and a --- line), so only the body was imported",
        "policies/bare.md: title, the policy has no name, so the title was taken from its first heading",
        "policies/bare.md: effective and review.last, no readable majorRevisions date; both set to the import day 2026-11-26, correct them",
        "policies/broken.md: the whole document, not imported: its metadata cannot be read as YAML: unexpected end of the stream within a flow collection on line 3",
        "policies/fenced.md: satisfies TSC [CC9.9], not a criterion of standards/TSC-2017.yml, so left out of compliance",
        "policies/fenced.md: majorRevisions comments "Second review" (2019-03-03); "Initial document" (2018-01-15); "Lost track" (sometime last year), a policy keeps only the review dates; the history stays in version control",
        "policies/fenced.md: majorRevisions date "sometime last year", not a date that can be read (write it like Jun 1 2018 or 2018-06-01)",
        "policies/fenced.md: field owners ("security team"), no policy field holds it",
        "templates/default.latex: the whole file, not a comply document: only policies/, procedures/ and narratives/ (Markdown) and standards/ (YAML) are imported",
      ]
    `);
  });
});
