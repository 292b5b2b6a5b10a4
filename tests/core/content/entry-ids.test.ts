import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { clashKey, entryIdFromPath, normalizeReference } from '../../../src/core/content/entry-id.ts';
import { NOW } from '../../helpers/fixtures.ts';

const REPO = join(import.meta.dirname, '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'multiplane-entry-ids-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('entryIdFromPath, as the README documents it', () => {
  it.each([
    ['restore-database.md', 'restore-database'],
    ['Restore Database.md', 'restore-database'],
    ['mesh-gateway-3.15.0.md', 'mesh-gateway-3.15.0'],
    ['on_call_rotation.md', 'on_call_rotation'],
    ['Runbook mit Ümlaut und Leerzeichen.md', 'runbook-mit-ümlaut-und-leerzeichen'],
    ['東京 failover.md', '東京-failover'],
    ['tabs\tand  spaces.md', 'tabs-and-spaces'],
    ['what?.md', 'what'],
    ['(draft) plan!.md', 'draft-plan'],
    ['services/restore.md', 'services/restore'],
    ['Team A/On Call.MDX', 'team-a/on-call'],
    ['a\\b.md', 'a/b'],
    // Written in ID form already, or one character away from it.
    ['team_a/on-call-2', 'team_a/on-call-2'],
    ['-draft_', '-draft_'],
    ['Api', 'api'],
    ['a//b', 'a/b'],
    ['/a/b/', 'a/b'],
    ['a.md.md', 'a.md'],
    ['a b', 'a-b'],
  ])('%s is %s', (path, id) => {
    expect(entryIdFromPath(path)).toBe(id);
  });

  it('puts Unicode in NFC form, so a name typed on macOS and on Linux is one ID', () => {
    const nfd = 'cafe\u0301.md';
    const nfc = 'caf\u00e9.md';
    expect(entryIdFromPath(nfd)).toBe(entryIdFromPath(nfc));
    expect(entryIdFromPath(nfd)).toBe('caf\u00e9');
  });

  it('reads references the way it reads file names', () => {
    expect(normalizeReference('Restore Database')).toBe('restore-database');
    expect(normalizeReference('restore-database.md')).toBe('restore-database');
    expect(normalizeReference('runbooks/Restore Database.md')).toBe('runbooks/restore-database');
    expect(normalizeReference('  mesh-gateway-3.15.0 ')).toBe('mesh-gateway-3.15.0');
  });

  it('makes IDs that differ only in case or punctuation clash', () => {
    expect(clashKey('mesh_gateway')).toBe(clashKey('mesh-gateway'));
    expect(clashKey('mesh-gateway-3.15.0')).toBe(clashKey('mesh-gateway-3150'));
    expect(clashKey('a/b')).not.toBe(clashKey('ab'));
  });
});

/** The valid fixture with extra files, given by path inside content/. */
function projectWith(name: string, files: Record<string, string>): string {
  const root = join(scratch, name);
  cpSync(join(REPO, 'tests', 'fixtures', 'valid', 'content'), join(root, 'content'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  }
  return root;
}

const runbook = (title: string, services: string[] = ['api']) =>
  `---\ntitle: ${title}\nowner: platform-team\nkind: runbook\nservices: [${services.join(', ')}]\nreview:\n  cadence: 1y\n  last: 2026-06-01\n---\n\n## Symptoms\n\nx\n\n## Diagnosis\n\nx\n\n## Remediation\n\nx\n\n## Escalation\n\nx\n`;
const incident = (runbooks: string[]) =>
  `---\ntitle: Odd names\nservices: [api]\nseverity: SEV4\nstatus: investigating\nstarted: 2026-11-01T10:00:00Z\ncommander: alex\nrunbooks: [${runbooks.map((id) => JSON.stringify(id)).join(', ')}]\n---\n\nStill looking.\n`;

describe('odd file names resolve by the IDs the README documents', () => {
  const files = {
    'runbooks/mesh-gateway-3.15.0.md': runbook('Dots'),
    'runbooks/on_call_rotation.md': runbook('Underscores'),
    'runbooks/Restore Database.md': runbook('Spaces'),
    'runbooks/東京 failover.md': runbook('Unicode'),
    'runbooks/services/restore.md': runbook('Subfolder named like a collection'),
    'runbooks/deployments/rollback.md': runbook('Another collection-named subfolder'),
  };

  it('every written form of every odd name resolves, with no dangling reference', () => {
    const references = [
      'mesh-gateway-3.15.0',
      'mesh-gateway-3.15.0.md',
      'runbooks/mesh-gateway-3.15.0',
      'on_call_rotation',
      'restore-database',
      'Restore Database',
      'Restore Database.md',
      '東京-failover',
      '東京 failover',
      'services/restore',
      'runbooks/services/restore',
      'deployments/rollback',
    ];
    const root = projectWith('odd-names', { ...files, 'incidents/odd.md': incident(references) });
    const report = runCheck({ root, now: NOW });
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(report.graph.related('incidents/odd', 'usedRunbook').map((entry) => entry.key).sort()).toEqual(
      [
        'runbooks/deployments/rollback',
        'runbooks/mesh-gateway-3.15.0',
        'runbooks/on_call_rotation',
        'runbooks/restore-database',
        'runbooks/services/restore',
        'runbooks/東京-failover',
      ].sort(),
    );
  });

  it('a subfolder named like a collection is part of the ID, not a collection', () => {
    const report = runCheck({ root: projectWith('subfolder', files), now: NOW });
    expect(report.graph.get('runbooks/services/restore')?.title).toBe('Subfolder named like a collection');
    expect(report.graph.get('services/restore')).toBeUndefined();
  });

  it('names that differ only in punctuation or letter case clash', () => {
    const root = projectWith('clashes', {
      'runbooks/mesh_gateway.md': runbook('Underscore'),
      'runbooks/mesh-gateway.md': runbook('Hyphen'),
      'runbooks/Mesh Gateway.md': runbook('Spaces'),
    });
    const duplicates = runCheck({ root, now: NOW }).findings.filter((finding) => finding.rule === 'duplicate-id');
    expect(duplicates.map((finding) => finding.file).sort()).toEqual(['content/runbooks/mesh-gateway.md', 'content/runbooks/mesh_gateway.md'].sort());
  });

  it('one name saved in NFC and NFD form is one ID, reported as a duplicate', () => {
    const root = projectWith('nfc-nfd', { 'runbooks/caf\u00e9.md': runbook('NFC'), 'runbooks/cafe\u0301.md': runbook('NFD') });
    const report = runCheck({ root, now: NOW });
    expect(report.graph.collection('runbooks').filter((entry) => entry.id === 'caf\u00e9')).toHaveLength(1);
    expect(report.findings.filter((finding) => finding.rule === 'duplicate-id')).toHaveLength(1);
  });
});
