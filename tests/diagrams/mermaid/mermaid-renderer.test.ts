import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MissingBrowserError } from '../../../src/browser/index.ts';
import { createMermaidRenderer, type DiagramResult, type MermaidRenderer } from '../../../src/diagrams/mermaid/index.ts';

// Real Chromium, no mocks: these tests are about how often it starts and what it draws.
const FLOWCHART = 'graph TD\n  accTitle: Request flow\n  A[Client] --> B[Gateway]\n  B --> C[Service]';
const SEQUENCE = 'sequenceDiagram\n  Alice->>Bob: Hello\n  Bob-->>Alice: Hi';
const STATE = 'stateDiagram-v2\n  [*] --> Ready\n  Ready --> [*]';
const PIE = 'pie\n  "Yes" : 3\n  "No" : 1';
const BROKEN = 'graph TD\n  A -->';

const cacheDir = mkdtempSync(join(tmpdir(), 'multiplane-mermaid-cache-'));
const renderers: MermaidRenderer[] = [];

function renderer(env: NodeJS.ProcessEnv = process.env): MermaidRenderer {
  const created = createMermaidRenderer({ cacheDir, env });
  renderers.push(created);
  return created;
}

function svgOf(result: DiagramResult | undefined): string {
  if (!result || !('svg' in result)) throw new Error(`expected an SVG, got ${JSON.stringify(result)}`);
  return result.svg;
}

afterAll(async () => {
  await Promise.all(renderers.map((each) => each.close()));
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('createMermaidRenderer', () => {
  const first = renderer();

  it('renders a batch in one browser, each diagram with its own ids', async () => {
    const results = await first.render([FLOWCHART, SEQUENCE, FLOWCHART]);
    expect(results.size).toBe(2);
    const svgs = [svgOf(results.get(FLOWCHART)), svgOf(results.get(SEQUENCE))];
    const ids = svgs.map((svg) => /^<svg[^>]*\sid="(mmd-[0-9a-f]{12})"/.exec(svg)?.[1]);
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBeDefined();
    expect(ids[0]).not.toBe(ids[1]);
    for (const [index, svg] of svgs.entries()) {
      const style = /<style>([\s\S]*?)<\/style>/.exec(svg)?.[1] ?? '';
      expect(style).toContain(`#${ids[index]} `);
      expect([...style.matchAll(/#(mmd-[0-9a-f]+)/g)].every(([, id]) => id === ids[index])).toBe(true);
      expect(svg).not.toContain('multiplanebatch');
      // Every id in the SVG is scoped to this diagram.
      const svgIds = [...svg.matchAll(/\sid="([^"]+)"/g)].map(([, id]) => id ?? '');
      expect(svgIds.filter((id) => !id.includes(ids[index] ?? '?'))).toEqual([]);
    }
    expect(first.stats()).toMatchObject({ rendered: 2, cached: 0, failed: 0, launches: 1 });
  });

  it('makes the SVG one responsive, named image', async () => {
    const svg = svgOf((await first.render([FLOWCHART])).get(FLOWCHART));
    const tag = /^<svg[^>]*>/.exec(svg)?.[0] ?? '';
    expect(tag).toContain('role="img"');
    expect(tag).toContain('aria-label="Request flow"');
    expect(tag).toContain('width="100%"');
    expect(tag).toMatch(/viewBox="[^"]+"/);
    expect(tag).toMatch(/style="max-width: [\d.]+px; min-width: \d+px; height: auto"/);
    expect(tag).not.toMatch(/\sheight="/);
    expect(tag).not.toContain('aria-roledescription');
    expect(tag).not.toContain('aria-labelledby');
    const unnamed = svgOf((await first.render([SEQUENCE])).get(SEQUENCE));
    expect(/^<svg[^>]*>/.exec(unnamed)?.[0]).toContain('aria-label="Diagram"');
  });

  it('reports a syntax error for its diagram and still renders the rest of the batch', async () => {
    const results = await first.render([STATE, BROKEN]);
    expect(svgOf(results.get(STATE))).toContain('<svg');
    const broken = results.get(BROKEN);
    expect(broken && 'error' in broken ? broken.error : broken).toMatch(/^Parse error on line \d+:[\s\S]*Expecting/);
    expect(broken && 'error' in broken ? broken.error : '').not.toMatch(/\n\s+at /);
  });

  it('keeps one browser across render calls', async () => {
    await first.render([PIE]);
    expect(first.stats()).toMatchObject({ rendered: 4, failed: 1, launches: 1 });
  });

  it('caches SVGs by content and never caches errors', async () => {
    const cachedFiles = readdirSync(cacheDir).sort();
    expect(cachedFiles).toHaveLength(4);
    expect(cachedFiles.every((name) => /^[0-9a-f]{64}\.svg$/.test(name))).toBe(true);

    // A second build: same diagrams, nothing to draw, so no browser is looked for or launched.
    const second = renderer({ CHROMIUM_PATH: join(cacheDir, 'no-such-chrome') });
    const again = await second.render([FLOWCHART, SEQUENCE]);
    expect(svgOf(again.get(FLOWCHART))).toBe(svgOf((await first.render([FLOWCHART])).get(FLOWCHART)));
    expect(second.stats()).toMatchObject({ rendered: 0, cached: 2, launches: 0 });

    // The broken diagram was not cached, so it needs the (missing) browser again.
    await expect(second.render([BROKEN])).rejects.toThrow(MissingBrowserError);
    expect(second.stats().launches).toBe(0);
  });

  it('needs no browser for nothing', async () => {
    const idle = renderer({ CHROMIUM_PATH: join(cacheDir, 'no-such-chrome') });
    expect((await idle.render([])).size).toBe(0);
    expect(idle.stats()).toMatchObject({ rendered: 0, cached: 0, launches: 0 });
  });
});
