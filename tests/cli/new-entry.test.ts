import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newEntryCommand } from '../../src/cli/new-entry.ts';
import { freshFixtureRoot } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';
import { scriptedPrompter } from '../scaffold/scripted-prompter.ts';

const terminalWith = (answers: string[]) => {
  const prompter = scriptedPrompter(answers);
  return { prompter, terminal: { interactive: true, openPrompter: () => prompter } };
};

describe('npm run new', () => {
  it('writes the entry and says what to do next', async () => {
    const root = freshFixtureRoot();
    const io = memoryIo(root);
    expect(await newEntryCommand(['deployments', 'api-1-3-0'], io)).toBe(0);
    expect(io.out()).toMatchInlineSnapshot(`
      "Created content/deployments/api-1-3-0.md.

      Replace these placeholders (npm run check reports the IDs among them until you do):
        line 21   service
        line 24   version
        line 34   pipeline

      Next:
        1. Edit content/deployments/api-1-3-0.md: replace each TODO, in the fields and in the body, and uncomment the optional fields you need.
        2. Run npm run check to validate it.
        3. Preview it with npm run dev.
      "
    `);
    expect(readFileSync(join(root, 'content/deployments/api-1-3-0.md'), 'utf8')).toContain('\ndate: 2026-11-26T00:00:00Z\n');
  });

  it('says when the owner is the trust anchor, and takes --kind, --title, --owner and --now', async () => {
    const root = freshFixtureRoot();
    const anchored = memoryIo(root);
    expect(await newEntryCommand(['runbooks', 'restore-db'], anchored)).toBe(0);
    expect(anchored.out().split('\n').slice(0, 2)).toEqual([
      'Created content/runbooks/restore-db.md (runbook).',
      "Its owner is platform-team, the platform's trust anchor, until you name the owner who is accountable.",
    ]);
    const io = memoryIo(root);
    const argv = ['runbooks', 'failover', '--kind', 'procedure', '--title', 'Fail over the database', '--owner', 'data-team', '--now', '2027-01-15'];
    expect(await newEntryCommand(argv, io)).toBe(0);
    const text = readFileSync(join(root, 'content/runbooks/failover.md'), 'utf8');
    expect(text).toContain('\ntitle: Fail over the database\n');
    expect(text).toContain('\nkind: procedure\n');
    expect(text).toContain('\nowner: data-team\n');
    expect(text).toContain('  last: 2027-01-15\n');
    expect(text).toContain('\n## Purpose\n');
    expect(io.out()).not.toContain('trust anchor');
  });

  it('refuses an ID the collection already has, with status 1', async () => {
    const io = memoryIo(freshFixtureRoot());
    expect(await newEntryCommand(['runbooks', 'api-runbook'], io)).toBe(1);
    expect(io.err()).toBe('content/runbooks/api-runbook.md already has the ID api-runbook; choose another ID, or edit that file.\n');
  });

  it('exits 2 with usage on a wrong call', async () => {
    const cases: [string[], string][] = [
      [['runbook', 'x'], 'Unknown collection "runbook". Did you mean runbooks? The collections are owners, policies, runbooks, services, deployments, incidents, case-studies, articles, whitepaper.'],
      [['platform', 'x'], 'The platform is one file, content/platform.yaml, not a folder of entries: edit it directly.'],
      [['runbooks'], "Name the new entry's ID too, e.g. npm run new -- runbooks restore-database."],
      [['runbooks', 'Restore DB'], '"Restore DB" is not a valid ID: an ID is lower-case letters (of any script), digits, hyphens, dots and underscores, starting and ending with a letter or digit, like restore-database (it becomes the file name, restore-database.md). Use restore-db.'],
      [['runbooks', 'x', 'y'], 'Unexpected argument "y"; give a collection and one ID.'],
      [['owners', 'x', '--kind', 'squad'], '"squad" is not a kind of owners; use team or person.'],
      [['runbooks', 'x', '--now', 'tomorrow'], '--now must be a date like 2026-03-01 or 2026-03-01T09:30:00Z; got "tomorrow".'],
    ];
    for (const [argv, message] of cases) {
      const root = freshFixtureRoot();
      const io = memoryIo(root);
      expect(await newEntryCommand(argv, io), argv.join(' ')).toBe(2);
      expect(io.err().split('\n')[0]).toBe(message);
      expect(io.err()).toContain('Usage: npm run new');
      expect(existsSync(join(root, 'content/runbooks/x.md'))).toBe(false);
    }
  });

  it('prints usage and exits 2 without arguments when nobody can answer questions', async () => {
    const io = memoryIo(freshFixtureRoot());
    expect(await newEntryCommand([], io)).toBe(2);
    expect(io.err().split('\n')[0]).toBe('Name a collection and an ID, e.g. npm run new -- runbooks restore-database.');
  });

  it('asks for everything without arguments in a terminal', async () => {
    const root = freshFixtureRoot();
    const io = memoryIo(root);
    const { prompter, terminal } = terminalWith(['incidents', '2026-11 DB outage', '', 'Database outage', 'sam', 'db']);
    expect(await newEntryCommand([], io, terminal)).toBe(0);
    expect(prompter.closed()).toBe(true);
    const text = readFileSync(join(root, 'content/incidents/2026-11-db-outage.md'), 'utf8');
    expect(text).toContain('\ntitle: Database outage\n');
    expect(text).toContain('\ncommander: sam\n');
    // The services it asked for, from the existing ones, instead of a placeholder.
    expect(text).toContain('\nservices: [db]\n');
    expect(io.out()).toContain('Existing services: api, db.');
    expect(text).toContain('\n## Postmortem\n');
    expect(io.out()).toContain('Created content/incidents/2026-11-db-outage.md.');
  });

  it('writes nothing when the input ends halfway', async () => {
    const root = freshFixtureRoot();
    const io = memoryIo(root);
    const { prompter, terminal } = terminalWith(['services', 'ledger']);
    expect(await newEntryCommand([], io, terminal)).toBe(1);
    expect(prompter.closed()).toBe(true);
    expect(io.err()).toBe('\nThe input ended before the entry was complete; nothing was written.\n');
    expect(existsSync(join(root, 'content/services/ledger.md'))).toBe(false);
  });
});

describe('the new script', () => {
  const script = join(import.meta.dirname, '../../scripts/new.ts');
  const node = (args: string[], cwd: string) =>
    spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', script, ...args], {
      cwd,
      encoding: 'utf8',
      input: '',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1795651200' },
    });

  it('writes an entry that the check script accepts, and exits 2 without arguments on a pipe', () => {
    const root = freshFixtureRoot();
    const written = node(['services', 'ledger'], root);
    expect(written.status).toBe(0);
    expect(written.stdout).toContain('Created content/services/ledger.md.');
    const check = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', join(import.meta.dirname, '../../scripts/check.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1795651200', NO_COLOR: '1' },
    });
    // The new service is valid; only the guidance line of its body waits to be replaced.
    expect(check.stdout).toContain('0 errors, 1 warning');
    expect(check.stdout).toMatch(/content\/services\/ledger\.md:\d+ +warning +placeholder-text/);
    const bare = node([], root);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('Usage: npm run new');
  });
});
