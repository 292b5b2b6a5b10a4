import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/import.ts';
import { memoryIo } from '../helpers/io.ts';
import { COMPLY_CORPUS, FIXTURES, filesUnder, PAGERDUTY_CORPUS, read, REPO, scratchRoot } from './scratch.ts';

const MKDOCS = join(FIXTURES, 'import-mkdocs');
const BACKSTAGE = join(FIXTURES, 'backstage-examples', 'catalog-model', 'all.yaml');

/** A project whose content/ already holds runbooks/patch.md and policies/access.md. */
function clashRoot(): string {
  const root = scratchRoot();
  cpSync(join(FIXTURES, 'import-clash', 'content'), join(root, 'content'), { recursive: true });
  return root;
}

describe('npm run import', () => {
  it('prints counts, what was filled in, what was not mapped and what to run next', () => {
    const root = scratchRoot({ platform: true });
    const io = memoryIo(root);
    expect(importCommand(['comply', COMPLY_CORPUS, '--owner', 'platform-team'], io)).toBe(0);
    const out = io.out().replaceAll(COMPLY_CORPUS, '<corpus>');
    expect(out.split('\n').slice(0, 9).join('\n')).toMatchInlineSnapshot(`
      "Imported 36 files from comply <corpus> into content:
        policies   27  content/policies/
        runbooks    9  content/runbooks/

      Policies are imported as drafts reviewed yearly, enforced manually by a mechanism "Not yet recorded"; adopt each one by setting its enforcement and status: active.
      Procedures became runbooks of kind procedure and narratives of kind architecture; the check lists the sections each kind still needs.
      Converted: 8 pandoc grid tables into Markdown tables; 719 lettered or roman list items into numbered ones; 4 headings repeating the title removed; the headings of 33 pages one level down, under the title.

      Not mapped (62):"
    `);
    expect(out.trimEnd().split('\n').at(-1)).toBe('Next: run npm run check to see what the import left open.');
    expect(io.err()).toBe('');
  });

  it('names the placeholder owner and a missing platform.yaml, and how to check another folder', () => {
    const root = scratchRoot();
    const io = memoryIo(root);
    expect(importCommand(['markdown', PAGERDUTY_CORPUS, '--out', 'docs-content'], io)).toBe(0);
    expect(io.out()).toContain('Owner: every entry names the placeholder owner "unassigned-owner"; the check reports it (owner-exists) until you pass --owner <id> or assign real owners.');
    expect(io.out()).toContain('The content folder has no platform.yaml yet;');
    expect(io.out()).toContain('Next: run npm run check -- --content docs-content to see what the import left open.');
    expect(filesUnder(join(root, 'docs-content'))).toHaveLength(36);
  });

  it('writes nothing with --dry-run', () => {
    const root = scratchRoot();
    const io = memoryIo(root);
    expect(importCommand(['comply', COMPLY_CORPUS, '--dry-run'], io)).toBe(0);
    expect(io.out()).toMatch(/^Would import 36 files from comply /);
    expect(io.out()).toContain('Dry run: nothing was written.');
    expect(filesUnder(join(root, 'content'))).toEqual([]);
  });

  it('refuses to overwrite existing files, writing nothing at all', () => {
    const root = clashRoot();
    const before = filesUnder(join(root, 'content'));
    const io = memoryIo(root);
    expect(importCommand(['comply', COMPLY_CORPUS], io)).toBe(1);
    expect(io.err()).toMatchInlineSnapshot(`
      "Refusing to import: 2 existing files would be overwritten or duplicated. Nothing was written.
        content/policies/access.md exists (would be replaced by policies/access.md)
        content/runbooks/patch.md exists (would be replaced by procedures/patch.md)
      Pass --force to overwrite existing files, import into another folder with --out, or beside them with --prefix <folder>.
      "
    `);
    expect(io.out()).toBe('');
    expect(filesUnder(join(root, 'content'))).toEqual(before);
    expect(read(join(root, 'content', 'runbooks', 'patch.md'))).toContain('Our Own Patch Runbook');
  });

  it('refuses in a dry run too, since the real run would', () => {
    expect(importCommand(['comply', COMPLY_CORPUS, '--dry-run'], memoryIo(clashRoot()))).toBe(1);
  });

  it('overwrites them with --force', () => {
    const root = clashRoot();
    expect(importCommand(['comply', COMPLY_CORPUS, '--force'], memoryIo(root))).toBe(0);
    expect(read(join(root, 'content', 'runbooks', 'patch.md'))).toContain('title: Apply OS patches');
    expect(filesUnder(join(root, 'content', 'policies'))).toHaveLength(27);
  });

  it('never duplicates an ID held by a file of another name, even with --force', () => {
    const root = scratchRoot();
    const other = join(root, 'content', 'runbooks', 'Patch.md');
    cpSync(join(FIXTURES, 'import-clash', 'content', 'runbooks', 'patch.md'), other, { recursive: true });
    const io = memoryIo(root);
    // On a case-insensitive file system Patch.md and patch.md are one file, which --force may replace.
    const caseInsensitive = existsSync(join(root, 'content', 'runbooks', 'patch.md'));
    expect(importCommand(['comply', COMPLY_CORPUS, '--force'], io)).toBe(caseInsensitive ? 0 : 1);
    if (!caseInsensitive) {
      expect(io.err()).toContain('content/runbooks/Patch.md already has the ID that procedures/patch.md would get');
      expect(io.err()).toContain('--force only replaces files of the same name');
      expect(filesUnder(join(root, 'content'))).toEqual(['runbooks/Patch.md']);
    }
  });

  it('exits 1 when nothing could be imported', () => {
    const io = memoryIo(scratchRoot());
    expect(importCommand(['comply', join(FIXTURES, 'import-empty')], io)).toBe(1);
    expect(io.err().replaceAll(join(FIXTURES, 'import-empty'), '<fixture>')).toMatchInlineSnapshot(`
      "Nothing could be imported from <fixture>: a comply project keeps its documents as Markdown in policies/, procedures/ and narratives/.
      Not mapped (1):
        notes.txt: the whole file, not a comply document: only policies/, procedures/ and narratives/ (Markdown) and standards/ (YAML) are imported
      "
    `);
  });

  it('exits 2 with one line and the usage on a usage error', () => {
    const cases: [string[], string][] = [
      [[], 'Name a format to import: comply, markdown or backstage.'],
      [['confluence', '.'], 'Unknown format "confluence"; use comply, markdown or backstage.'],
      [['mkdocs', '.'], 'Unknown format "mkdocs"; use comply, markdown or backstage.'],
      [['markdwn', '.'], 'Unknown format "markdwn"; did you mean markdown? use comply, markdown or backstage.'],
      [['comply'], 'Name the folder to import: npm run import -- comply <dir>.'],
      [['backstage'], 'Name the catalog file or folder to import: npm run import -- backstage <source>.'],
      [['backstage', 'catalog-info.yaml'], 'The catalog file or folder catalog-info.yaml does not exist.'],
      [['backstage', BACKSTAGE, '--owner', 'sam'], '--owner does not apply to backstage: owners come from the catalog\'s Groups and Users, IDs from entity names.'],
      [['markdown', PAGERDUTY_CORPUS, '--prefix', 'Page Duty'], '--prefix must be a folder name in ID form (lower-case letters, digits, -, _ and .), like pagerduty; got "Page Duty".'],
      [['comply', 'no-such-folder'], 'The folder no-such-folder does not exist.'],
      [['comply', COMPLY_CORPUS, 'extra'], 'Unexpected argument "extra": import one folder at a time.'],
      [['comply', COMPLY_CORPUS, '--as', 'articles'], '--as and --kind apply to the markdown format only; comply decides where each document goes.'],
      [['markdown', PAGERDUTY_CORPUS, '--as', 'services'], '--as must be one of runbooks, articles, whitepaper; got "services".'],
      [['markdown', PAGERDUTY_CORPUS, '--kind', 'playbook'], '--kind must be one of runbook, procedure, standard, architecture; got "playbook".'],
      [['markdown', PAGERDUTY_CORPUS, '--as', 'articles', '--kind', 'runbook'], '--kind applies to --as runbooks only; got --as articles.'],
      [['comply', COMPLY_CORPUS, '--date', '2026-02-30'], '--date must be a day written YYYY-MM-DD, like 2026-03-01; got "2026-02-30".'],
      [['comply', COMPLY_CORPUS, '--owner', 'Platform Team'], '--owner must be an owner\'s ID (its file name in content/owners/ without .md), like platform-team; got "Platform Team".'],
      [['comply', COMPLY_CORPUS, '--frobnicate'], "Unknown option '--frobnicate'. The options are --out, --owner, --as, --kind, --date, --prefix, --no-assets, --dry-run, --force and --help."],
      [['comply', COMPLY_CORPUS, '--dryrun'], "Unknown option '--dryrun'. Did you mean --dry-run?"],
      [['comply', COMPLY_CORPUS, '--no-asset'], "Unknown option '--no-asset'. Did you mean --no-assets?"],
    ];
    for (const [argv, message] of cases) {
      const io = memoryIo(scratchRoot());
      expect(importCommand(argv, io), argv.join(' ')).toBe(2);
      // Node's own parser adds advice after its first sentence; the first sentence is what matters.
      expect(io.err().split('\n')[0]?.slice(0, message.length), argv.join(' ')).toBe(message);
      expect(io.err()).toContain('Usage: npm run import -- <format> <source> [options]');
    }
  });

  it('refuses a file where a folder belongs', () => {
    const root = scratchRoot();
    writeFileSync(join(root, 'taken'), '');
    const io = memoryIo(root);
    expect(importCommand(['comply', COMPLY_CORPUS, '--out', 'taken'], io)).toBe(2);
    expect(io.err().split('\n')[0]).toBe('--out taken is a file, not a folder.');
    expect(importCommand(['comply', join(COMPLY_CORPUS, 'LICENSE.txt')], io)).toBe(2);
  });

  it('lets two sites share a collection with --prefix, where their index pages would clash', () => {
    const root = scratchRoot();
    expect(importCommand(['markdown', PAGERDUTY_CORPUS], memoryIo(root))).toBe(0);
    const clash = memoryIo(root);
    expect(importCommand(['markdown', MKDOCS], clash)).toBe(1);
    expect(clash.err()).toContain('content/runbooks/index.md exists (would be replaced by docs/index.md)');
    expect(clash.err()).toContain('or beside them with --prefix <folder>.');
    const io = memoryIo(root);
    expect(importCommand(['markdown', MKDOCS, '--prefix', 'handbook'], io)).toBe(0);
    expect(filesUnder(join(root, 'content', 'runbooks')).filter((file) => file.startsWith('handbook/'))).toEqual([
      'handbook/extra.md',
      'handbook/files/checklist.txt',
      'handbook/guide.md',
      'handbook/img/flow.png',
      'handbook/index.md',
      'handbook/setup.md',
    ]);
    expect(read(join(root, 'content', 'runbooks', 'handbook', 'index.md'))).toContain('[setting up](../setup/)');
  });

  it('copies the pictures and files beside the entries, and leaves identical ones alone', () => {
    const root = scratchRoot();
    const io = memoryIo(root);
    expect(importCommand(['markdown', MKDOCS], io)).toBe(0);
    expect(io.out()).toContain('  and 2 images and files the entries show or link, beside them: 2 copied.');
    expect(read(join(root, 'content', 'runbooks', 'img', 'flow.png'))).toBe(read(join(MKDOCS, 'docs', 'img', 'flow.png')));
    const again = memoryIo(root);
    expect(importCommand(['markdown', MKDOCS, '--force'], again)).toBe(0);
    expect(again.out()).toContain('beside them: 0 copied, 2 already there.');
  });

  it('copies nothing with --no-assets, saying where each file belongs', () => {
    const root = scratchRoot();
    const io = memoryIo(root);
    expect(importCommand(['markdown', MKDOCS, '--no-assets'], io)).toBe(0);
    expect(filesUnder(join(root, 'content', 'runbooks'))).toEqual(['extra.md', 'guide.md', 'index.md', 'setup.md']);
    expect(io.out()).toContain('beside them: 2 not copied (--no-assets).');
    expect(io.out()).toContain('  docs/img/flow.png: the whole file, not copied (--no-assets); an entry shows or links it: copy it to content/runbooks/img/flow.png');
  });

  it('refuses to replace a different file where a picture goes, unless --force', () => {
    const root = scratchRoot();
    mkdirSync(join(root, 'content', 'runbooks', 'img'), { recursive: true });
    writeFileSync(join(root, 'content', 'runbooks', 'img', 'flow.png'), 'another picture');
    const io = memoryIo(root);
    expect(importCommand(['markdown', MKDOCS], io)).toBe(1);
    expect(io.err()).toContain('content/runbooks/img/flow.png exists (would be replaced by docs/img/flow.png)');
  });

  it('imports a Backstage catalog file, following its locations', () => {
    const root = scratchRoot();
    const io = memoryIo(root);
    expect(importCommand(['backstage', join(FIXTURES, 'backstage-examples', 'catalog-model', 'acme-corp.yaml')], io)).toBe(0);
    expect(io.out().split('\n').slice(0, 3).join('\n').replaceAll(FIXTURES, '<fixtures>')).toMatchInlineSnapshot(`
      "Imported 26 files from backstage <fixtures>/backstage-examples/catalog-model/acme-corp.yaml into content:
        owners   26  content/owners/
      "
    `);
    expect(filesUnder(join(root, 'content', 'owners'))).toHaveLength(9 + 17);
  });

  it('prints the usage with --help', () => {
    const io = memoryIo(scratchRoot());
    expect(importCommand(['--help'], io)).toBe(0);
    expect(io.out()).toContain('markdown <dir>      Plain Markdown pages');
  });
});

describe('the import script', () => {
  const script = join(REPO, 'scripts', 'import.ts');
  const node = (args: string[], cwd: string) =>
    spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', script, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1795651200', NO_COLOR: '1' },
    });

  it('returns the exit status to the shell, without a stack trace', () => {
    const root = scratchRoot();
    const imported = node(['markdown', PAGERDUTY_CORPUS, '--as', 'articles', '--owner', 'sam'], root);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/^  articles +36  content\/articles\/$/m);
    expect(read(join(root, 'content', 'articles', 'scribe.md'))).toContain("date: '2026-11-26'");
    const again = node(['markdown', PAGERDUTY_CORPUS, '--as', 'articles'], root);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Refusing to import: 36 existing files');
    const usage = node(['markdown'], root);
    expect(usage.status).toBe(2);
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  });
});
