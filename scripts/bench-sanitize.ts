#!/usr/bin/env node
// `node --experimental-strip-types scripts/bench-sanitize.ts --content tmp/bench/3000/content [--rounds 3]`:
// renders every Markdown body of a content folder through Sätteri with the sanitizer the site
// uses (`sanitizeRawHtml`: a visit of the elements for a body without a `<`, else the whole-tree
// walk) and with the whole-tree walk for every body, by turns, and checks that both give the same
// HTML. Starlight's and Expressive Code's plugins are left out: the figures are the sanitizer's
// share, not a build's. A benchmark, not a test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { splitFrontmatter } from '../src/core/content/frontmatter.ts';
import { codeLanguage } from '../src/render/code-language.ts';
import { sanitizeRawHtml, sanitizeWholeTree } from '../src/render/sanitize-plugin.ts';

const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' }, rounds: { type: 'string', default: '3' } } });
const folder = resolve(values.content);
const bodies: string[] = [];
for (const collection of readdirSync(folder, { withFileTypes: true })) {
  if (!collection.isDirectory()) continue;
  for (const file of readdirSync(join(folder, collection.name))) {
    if (file.endsWith('.md')) bodies.push(splitFrontmatter(readFileSync(join(folder, collection.name, file), 'utf8')).body);
  }
}
const withAngle = bodies.filter((body) => body.includes('<')).length;
console.log(`${bodies.length} bodies in ${values.content}, ${withAngle} of them with a '<' (those take the walk either way)`);

const renderers = {
  'as the site does': await createSatteriMarkdownProcessor({ features: { rawHtml: true }, hastPlugins: [sanitizeRawHtml, codeLanguage] } as never),
  'the whole-tree walk': await createSatteriMarkdownProcessor({ features: { rawHtml: true }, hastPlugins: [sanitizeWholeTree, codeLanguage] } as never),
};
const times = new Map<string, number[]>();
const outputs = new Map<string, string[]>();
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, renderer] of Object.entries(renderers)) {
    const html: string[] = [];
    const started = performance.now();
    for (const body of bodies) html.push((await renderer.render(body, { frontmatter: {} } as never)).code);
    times.set(name, [...(times.get(name) ?? []), performance.now() - started]);
    outputs.set(name, html);
  }
}
for (const [name, ms] of times) console.log(`${name.padEnd(22)} ${ms.map((value) => `${(value / 1000).toFixed(2)} s`).join(', ')}`);
const [site, walk] = [...outputs.values()];
const different = site!.filter((html, index) => html !== walk![index]).length;
console.log(different === 0 ? 'The same HTML for every body.' : `Different HTML for ${different} bodies.`);
process.exitCode = different === 0 ? 0 : 1;
