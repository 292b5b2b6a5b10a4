import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../../src/core/content/read-source.ts';
import { scanSecrets } from '../../../src/core/secrets/scan-secrets.ts';
import { secretFiles } from '../../../src/core/secrets/secret-files.ts';
import { accessKeyId, BASE62, pick } from './fakes.ts';

const scratch = mkdtempSync(join(tmpdir(), 'multiplane-secret-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let trees = 0;

/** A project root whose content folder holds `files` (path → text or bytes). */
function project(files: Record<string, string | Buffer>, contentDir = 'content'): string {
  const root = join(scratch, `p${trees++}`);
  mkdirSync(join(root, contentDir), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, contentDir, path)), { recursive: true });
    writeFileSync(join(root, contentDir, path), text);
  }
  return root;
}

const token = () => `${'ghp_'}${pick(36, BASE62)}`;

describe('the files the secret scan reads', () => {
  it.each([
    ['a .env at the content root', '.env'],
    ['a _ note at the content root', '_notes.md'],
    ['a text file', 'x.txt'],
    ['a draft in a collection', 'runbooks/_draft.md'],
    ['a dotfile in a collection', 'services/.secrets.yaml'],
    ['a file in a dot folder', '.github/notes.md'],
    ['a file several folders down', 'runbooks/archive/2024/q1/old.json'],
    ['a file with no extension', 'runbooks/Procfile'],
  ])('reads %s', async (_name, path) => {
    const secret = token();
    const root = project({ [path]: `GITHUB_TOKEN=${secret}\n`, 'runbooks/clean.md': '# Clean\n' });
    const { candidates } = secretFiles({ root });
    expect(candidates.map((candidate) => candidate.file)).toEqual([`content/${path}`]);
    const findings = await scanSecrets(candidates);
    expect(findings).toMatchObject([{ rule: 'secret-detected', file: `content/${path}`, line: 1 }]);
  });

  it('reads a content folder given relative to the root, and names files from the root', () => {
    const root = project({ '.env': `AWS_ACCESS_KEY_ID=${accessKeyId()}\n` }, 'docs/platform');
    expect(secretFiles({ root, contentDir: 'docs/platform' }).candidates.map((candidate) => candidate.file)).toEqual(['docs/platform/.env']);
  });

  it('returns only files the prefilter lets through, but counts every file read', () => {
    const root = project({ 'a.md': '# Plain\n', 'b.md': 'More prose.\n', '.env': `TOKEN=${token()}\n` });
    const result = secretFiles({ root });
    expect(result.read).toBe(3);
    expect(result.candidates).toHaveLength(1);
  });

  it('skips binary files and files over the size limit', () => {
    const root = project({
      'logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(`GITHUB_TOKEN=${token()}`)]),
      'dump.sql': `-- ${token()}\n${'x'.repeat(MAX_FILE_BYTES)}`,
    });
    const result = secretFiles({ root });
    expect(result.candidates).toEqual([]);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { file: 'content/logo.png', reason: 'binary' },
        { file: 'content/dump.sql', reason: 'too-large' },
      ]),
    );
  });

  it('reads text that is not UTF-8', () => {
    const root = project({ 'legacy.env': Buffer.concat([Buffer.from('# caf\xe9\n', 'latin1'), Buffer.from(`TOKEN=${token()}\n`)]) });
    expect(secretFiles({ root }).candidates.map((candidate) => candidate.file)).toEqual(['content/legacy.env']);
  });

  it('never opens a FIFO, so a pipe nobody writes to cannot hang the check', () => {
    const root = project({ 'runbooks/a.md': `token: ${token()}\n` });
    execFileSync('mkfifo', [join(root, 'content', 'runbooks', 'pipe.md')]);
    execFileSync('mkfifo', [join(root, 'content', '.env')]);
    const result = secretFiles({ root });
    expect(result.candidates.map((candidate) => candidate.file)).toEqual(['content/runbooks/a.md']);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { file: 'content/.env', reason: 'not-a-file' },
        { file: 'content/runbooks/pipe.md', reason: 'not-a-file' },
      ]),
    );
  });

  it('does not follow links, in or out of the folder', () => {
    const outside = project({ 'secret.env': `TOKEN=${token()}\n` });
    const root = project({ 'runbooks/real.md': `token: ${token()}\n` });
    symlinkSync(join(outside, 'content', 'secret.env'), join(root, 'content', 'leak.env'));
    symlinkSync(join(outside, 'content'), join(root, 'content', 'elsewhere'));
    symlinkSync(join(root, 'content', 'runbooks', 'real.md'), join(root, 'content', 'alias.md'));
    // The file inside is read once, under its own name; nothing outside is read.
    expect(secretFiles({ root }).candidates.map((candidate) => candidate.file)).toEqual(['content/runbooks/real.md']);
  });

  it('reads a content folder that is itself a link, naming files by the link', () => {
    const real = project({ '.env': `TOKEN=${token()}\n` });
    const root = join(scratch, `p${trees++}`);
    mkdirSync(root);
    symlinkSync(join(real, 'content'), join(root, 'content'));
    expect(secretFiles({ root }).candidates.map((candidate) => candidate.file)).toEqual(['content/.env']);
  });

  it.skipIf(process.getuid?.() === 0)('reports unreadable files and folders instead of failing', () => {
    const root = project({ 'locked/a.env': `TOKEN=${token()}\n`, 'b.env': `TOKEN=${token()}\n` });
    chmodSync(join(root, 'content', 'b.env'), 0o000);
    chmodSync(join(root, 'content', 'locked'), 0o000);
    try {
      const result = secretFiles({ root });
      expect(result.candidates).toEqual([]);
      expect(result.skipped).toEqual(
        expect.arrayContaining([
          { file: 'content/b.env', reason: 'unreadable' },
          { file: 'content/locked', reason: 'unreadable' },
        ]),
      );
    } finally {
      chmodSync(join(root, 'content', 'locked'), 0o755);
    }
  });

  it('returns nothing for a missing content folder', () => {
    expect(secretFiles({ root: join(scratch, 'missing') })).toEqual({ candidates: [], read: 0, skipped: [] });
  });
});
