import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diagramsDrawnBeside, renderDiagrams } from '../../src/diagrams/diagram-service.ts';

describe('diagrams drawn beside the site build', () => {
  let folder: string | undefined;
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('renders from the cache only once the build has marked every diagram drawn', async () => {
    folder = mkdtempSync(join(tmpdir(), 'mp-drawn-'));
    const drawn = join(folder, '.multiplane-diagrams-1');
    diagramsDrawnBeside(drawn);
    let done = false;
    // Nothing to render: the wait is all there is, and no browser starts.
    const rendering = renderDiagrams(folder, []).then((results) => {
      done = true;
      return results;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(done).toBe(false);
    writeFileSync(drawn, '');
    expect(await rendering).toEqual(new Map());
    expect(done).toBe(true);
  });

  it('does not wait when the mark is already there', async () => {
    folder = mkdtempSync(join(tmpdir(), 'mp-drawn-'));
    const drawn = join(folder, 'drawn');
    writeFileSync(drawn, '');
    diagramsDrawnBeside(drawn);
    expect(await renderDiagrams(folder, [])).toEqual(new Map());
  });
});
