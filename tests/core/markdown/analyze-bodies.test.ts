import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeBodies, type AnalyzeStats, type BodyItem } from '../../../src/core/markdown/analyze-bodies.ts';
import { analyzeBody } from '../../../src/core/markdown/analyze-body.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'multiplane-analyze-bodies-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Forty small bodies of every kind the facts describe, some of them MDX.
const items: BodyItem<string>[] = Array.from({ length: 40 }, (_, index) => ({
  key: `runbooks/r${index}`,
  body: [
    `# Runbook ${index}`,
    '',
    `See [service ${index}](services/s${index}.md).`,
    '',
    index % 2 ? 'Symptoms\n--------' : '## Symptoms',
    '- TODO: fill in',
    '',
    index % 3 ? '```mermaid\ngraph TD\n  A-->B\n```' : '~~~sh\nls\n~~~',
  ].join('\n'),
  firstLine: 3 + (index % 5),
  mdx: index % 4 === 0,
}));
const inThread = () => new Map(items.map((item) => [item.key, analyzeBody(item.body, item.firstLine, { mdx: item.mdx ?? false })]));

describe('analyzeBodies', () => {
  it('gives what analyzeBody gives, by key, at each body\'s lines', async () => {
    expect(await analyzeBodies(items, { workers: 1 })).toEqual(inThread());
  });

  it('gives the same facts from worker threads', async () => {
    let stats: AnalyzeStats | undefined;
    const warnings: string[] = [];
    const facts = await analyzeBodies(items, { workers: 2, workerThreshold: 0, warn: (message) => warnings.push(message), onStats: (value) => (stats = value) });
    expect(facts).toEqual(inThread());
    // Node runs the worker's TypeScript directly, inside Vitest too.
    expect(warnings).toEqual([]);
    expect(stats?.workers).toBe(1);
  });

  it('parses in this thread when worker threads cannot start', async () => {
    let stats: AnalyzeStats | undefined;
    const warnings: string[] = [];
    const facts = await analyzeBodies(items, {
      workers: 3,
      workerThreshold: 0,
      workerUrl: new URL('./no-such-worker.ts', import.meta.url),
      warn: (message) => warnings.push(message),
      onStats: (value) => (stats = value),
    });
    expect(facts).toEqual(inThread());
    expect(stats?.workers).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Could not parse Markdown in worker threads \(.*no-such-worker\.ts.*\); parsing in the main thread instead\.$/);
  });

  it('takes facts from the cache in a later run, at the lines of that run', async () => {
    const stats: AnalyzeStats[] = [];
    await analyzeBodies(items, { cacheDir: dir, workers: 1, onStats: (value) => stats.push(value) });
    const moved = items.map((item) => ({ ...item, firstLine: item.firstLine + 2 }));
    const facts = await analyzeBodies(moved, { cacheDir: dir, workers: 1, onStats: (value) => stats.push(value) });
    expect(stats.map(({ bodies, cached }) => ({ bodies, cached }))).toEqual([
      { bodies: 40, cached: 0 },
      { bodies: 40, cached: 40 },
    ]);
    expect(facts.get('runbooks/r1')).toEqual(analyzeBody(moved[1]?.body ?? '', moved[1]?.firstLine ?? 0));
  });

  it('analyzes identical bodies once', async () => {
    let stats: AnalyzeStats | undefined;
    const [, twin] = items;
    if (!twin) throw new Error('expected a second item');
    const twins = [twin, { ...twin, key: 'twin', firstLine: 20 }];
    const facts = await analyzeBodies(twins, { onStats: (value) => (stats = value) });
    expect(stats?.bodies).toBe(1);
    expect(facts.get('twin')?.headings[0]?.line).toBe(20);
  });
});
