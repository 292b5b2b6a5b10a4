#!/usr/bin/env node
// `node --experimental-strip-types scripts/bench-markdown.ts --root /tmp/p [--verify]`: times the
// Markdown facts of every entry body of a project (see src/core/markdown/) in one thread and in
// worker threads, without and with the facts cache, then the Mermaid syntax check of its
// diagrams. Each case runs in a process of its own, as `npm run check` would, so none profits
// from another's warmed-up code. `--verify` also checks that every body parses, with the
// micromark parser MDX and the importers use, to the tree remark-parse with remark-gfm gives. A
// benchmark, not a test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { normalizeText, splitFrontmatter } from '../src/core/content/frontmatter.ts';
import { analyzeBodies, type AnalyzeStats, type BodyItem } from '../src/core/markdown/analyze-bodies.ts';
import { mermaidSyntaxErrors } from '../src/core/markdown/mermaid-syntax-errors.ts';
import { parseMarkdown } from '../src/core/markdown/parse-markdown.ts';

const CASES = ['one thread, no cache', 'worker threads, no cache', 'worker threads, cache empty', 'cache warm', 'Mermaid syntax, cache empty', 'Mermaid syntax, cache warm'];

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: '.' },
    content: { type: 'string', default: 'content' },
    verify: { type: 'boolean', default: false },
    case: { type: 'string' },
    'cache-dir': { type: 'string' },
  },
});
const items = readBodies(resolve(values.root, values.content));

if (values.case !== undefined) {
  await runCase(values.case, values['cache-dir']);
} else {
  const megabytes = items.reduce((sum, item) => sum + item.body.length, 0) / 1e6;
  console.log(`${items.length} bodies, ${megabytes.toFixed(1)} MB; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, availableParallelism ${availableParallelism()}, Node ${process.version}`);
  const cacheDir = mkdtempSync(join(tmpdir(), 'multiplane-bench-markdown-'));
  try {
    for (const name of CASES) {
      const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--root', values.root, '--content', values.content, '--case', name, '--cache-dir', cacheDir], {
        encoding: 'utf8',
      });
      process.stdout.write(child.stdout);
      process.stderr.write(child.stderr);
      if (name === 'worker threads, cache empty') console.log(`${'  cache file'.padEnd(34)} ${(statSync(join(cacheDir, 'body-facts.json')).size / 1e6).toFixed(1)} MB`);
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  if (values.verify) {
    const different = items.filter((item) => !sameTreeAsRemark(item.body, item.mdx ?? false));
    console.log(different.length === 0 ? "Every tree equals remark-gfm's." : `Trees differ from remark-gfm's in ${different.length} bodies: ${different.slice(0, 5).map((item) => item.key).join(', ')}`);
  }
}

async function runCase(name: string, cacheDir: string | undefined): Promise<void> {
  const warn = (message: string) => console.warn(message);
  if (name.startsWith('Mermaid')) {
    const facts = await analyzeBodies(items, { cacheDir });
    const sources = [...facts.values()].flatMap((body) => body.mermaid.map((block) => block.source));
    const started = performance.now();
    // The first Mermaid case finds no mermaid-syntax.json in the folder, the second the one it wrote.
    const errors = await mermaidSyntaxErrors(sources, { cacheDir, warn });
    const failed = [...errors.values()].filter(Boolean).length;
    console.log(`${name.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(2)} s  (${errors.size} distinct diagrams, ${failed} with errors)`);
    return;
  }
  const options = {
    'one thread, no cache': { workers: 1 },
    // Without a threshold, as a platform of more than 10,000 entries would parse them.
    'worker threads, no cache': { workerThreshold: 0 },
    'worker threads, cache empty': { cacheDir, workerThreshold: 0 },
    'cache warm': { cacheDir },
  }[name];
  if (!options) throw new Error(`Unknown case "${name}". Cases: ${CASES.join(', ')}.`);
  let stats: AnalyzeStats | undefined;
  await analyzeBodies(items, { ...options, warn, onStats: (value) => (stats = value) });
  console.log(`${name.padEnd(34)} ${((stats?.ms ?? NaN) / 1000).toFixed(2)} s  (${stats?.cached ?? 0} of ${stats?.bodies ?? 0} cached, ${stats?.workers ?? 0} workers)`);
}

function readBodies(contentDir: string): BodyItem<string>[] {
  const found: BodyItem<string>[] = [];
  for (const dirent of readdirSync(contentDir, { recursive: true, withFileTypes: true })) {
    if (!dirent.isFile() || !/\.mdx?$/i.test(dirent.name)) continue;
    const file = join(dirent.parentPath, dirent.name);
    const split = splitFrontmatter(normalizeText(readFileSync(file, 'utf8')));
    found.push({ key: file, body: split.body, firstLine: split.bodyLine, mdx: /\.mdx$/i.test(file) });
  }
  return found;
}

/** True when parseMarkdown's tree, less the destinations it records, is remark's with remark-gfm. */
function sameTreeAsRemark(body: string, mdx: boolean): boolean {
  const remark = mdx ? unified().use(remarkParse).use(remarkMdx).use(remarkGfm) : unified().use(remarkParse).use(remarkGfm);
  const withoutDestinations = (key: string, value: unknown) => {
    if (key !== 'data' || typeof value !== 'object' || value === null) return value;
    const { destination: _destination, ...rest } = value as Record<string, unknown>;
    return Object.keys(rest).length > 0 ? rest : undefined;
  };
  return JSON.stringify(parseMarkdown(body, { mdx }), withoutDestinations) === JSON.stringify(remark.parse(body), withoutDestinations);
}
