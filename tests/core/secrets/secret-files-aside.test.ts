import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { secretFilesAside } from '../../../src/core/secrets/secret-files-aside.ts';
import { secretFiles } from '../../../src/core/secrets/secret-files.ts';
import { BASE62, pick } from './fakes.ts';

const scratch = mkdtempSync(join(tmpdir(), 'multiplane-secret-aside-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A content folder with a credential in a dotfile, one in an entry, a binary file and clean entries.
const root = join(scratch, 'project');
const files: Record<string, string | Buffer> = {
  '.env': `GITHUB_TOKEN=ghp_${pick(36, BASE62)}\n`,
  'services/api.md': `---\ntitle: API\n---\n\nKey: ghp_${pick(36, BASE62)}\n`,
  'services/db.md': '---\ntitle: DB\n---\n\nNothing to see.\n',
  'runbooks/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
  writeFileSync(join(root, 'content', path), text);
}

describe('the secret scan\'s walk beside the check', () => {
  it('finds in a worker thread what the walk finds in this one', async () => {
    const found = await secretFilesAside({ root });
    expect(found).toEqual(secretFiles({ root }));
    expect(found.candidates.map((candidate) => candidate.file)).toEqual(['content/.env', 'content/services/api.md']);
    expect(found.skipped).toEqual([{ file: 'content/runbooks/logo.png', reason: 'binary' }]);
    expect(found.read).toBe(3);
  });

  it('walks in this thread when the worker cannot be loaded', async () => {
    const missing = pathToFileURL(join(scratch, 'no-such-worker.mjs'));
    expect(await secretFilesAside({ root }, missing)).toEqual(secretFiles({ root }));
  });

  it('walks in this thread when the worker fails before it answers', async () => {
    const failing = join(scratch, 'failing-worker.mjs');
    writeFileSync(failing, 'throw new Error("no walk here");\n');
    expect(await secretFilesAside({ root }, pathToFileURL(failing))).toEqual(secretFiles({ root }));
  });

  it('walks in this thread when the worker exits without an answer', async () => {
    const silent = join(scratch, 'silent-worker.mjs');
    writeFileSync(silent, 'process.exit(0);\n');
    expect(await secretFilesAside({ root }, pathToFileURL(silent))).toEqual(secretFiles({ root }));
  });

  it('walks the content folder it is given', async () => {
    const other = join(scratch, 'other');
    mkdirSync(join(other, 'docs', 'services'), { recursive: true });
    writeFileSync(join(other, 'docs', 'services', 'x.md'), `token ghp_${pick(36, BASE62)}\n`);
    const found = await secretFilesAside({ root: other, contentDir: 'docs' });
    expect(found.candidates.map((candidate) => candidate.file)).toEqual(['docs/services/x.md']);
  });
});
