import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBuildMarker } from '../../src/build/output-marker.ts';
import { isBuiltSite } from '../../src/integration/watch-ignored.ts';

const root = mkdtempSync(join(tmpdir(), 'multiplane-watch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the dev server's watcher", () => {
  it('leaves alone a folder a build wrote, whatever its name', () => {
    for (const name of ['dist', 'dist-public', 'preview-site']) {
      mkdirSync(join(root, name, 'services', 'api'), { recursive: true });
      writeBuildMarker(join(root, name), 'internal');
      expect(isBuiltSite(join(root, name))).toBe(true);
    }
  });

  it('watches every other folder and file: content, sources, a folder named dist that no build wrote', () => {
    for (const name of ['content', 'src', 'content/runbooks/dist', 'other-tool-output']) mkdirSync(join(root, name), { recursive: true });
    writeFileSync(join(root, 'content', 'notes.md'), '# Notes\n');
    // A file of the marker's name that another tool wrote is not the build's.
    writeFileSync(join(root, 'other-tool-output', '.multiplane-build.json'), '{"generator":"something-else"}\n');
    for (const path of ['content', 'src', 'content/runbooks/dist', 'content/notes.md', 'dist/services/api', 'no-such-folder', 'other-tool-output']) {
      expect(isBuiltSite(join(root, path)), path).toBe(false);
    }
  });
});
