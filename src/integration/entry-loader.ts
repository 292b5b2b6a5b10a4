import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import yaml from 'js-yaml';
import { normalizeText, splitFrontmatter } from '../core/content/frontmatter.ts';
import { listCollectionFiles } from '../core/content/load-content.ts';
import { COLLECTIONS, type EntryCollectionName } from '../core/schemas/index.ts';
import { sharedMermaidRenderer } from '../diagrams/diagram-service.ts';
import { extractMermaidBlocks, mermaidFigureHtml, substituteDiagrams } from '../diagrams/mermaid/index.ts';
import { contentDir } from './paths.ts';

// Bumped when the way bodies are rendered changes, so cached entries are rendered again.
const RENDER_VERSION = 'mp-1';

/**
 * Loads one collection for Astro with the checker's own file listing and IDs, and renders each
 * body with the configured (fast, plugin-free) Markdown processor. Mermaid blocks are cut out
 * before rendering and replaced by their SVG afterwards, so only diagrams, not whole entries,
 * need a browser, and their SVG never passes through the HTML sanitizer.
 */
export function entryLoader(collection: EntryCollectionName): Loader {
  return {
    name: 'multiplane-entries',
    load: async ({ store, parseData, renderMarkdown, generateDigest, config, logger, watcher }) => {
      const root = fileURLToPath(config.root);
      const content = join(root, contentDir());
      const sync = async () => {
        const untouched = new Set(store.keys());
        const pending: { id: string; file: string; text: string; digest: string }[] = [];
        for (const file of listCollectionFiles(content, collection)) {
          if (!file.markdown) continue;
          untouched.delete(file.id);
          let text: string;
          try {
            text = normalizeText(readFileSync(file.absolute, 'utf8'));
          } catch (error) {
            logger.warn(`Skipped ${relative(root, file.absolute)}: ${(error as Error).message}`);
            continue;
          }
          const digest = generateDigest(`${RENDER_VERSION}\n${text}`);
          const existing = store.get(file.id);
          if (existing?.digest === digest) {
            // An unchanged MDX entry still needs its module registered for render().
            if (existing.deferredRender && existing.filePath) store.addModuleImport(existing.filePath);
            continue;
          }
          pending.push({ id: file.id, file: file.absolute, text, digest });
        }
        for (const id of untouched) store.delete(id);

        // Diagrams of the whole batch render in one browser call (usually all from cache,
        // because `npm run build` renders them before Astro starts).
        const extracted = pending.map((item) => {
          const split = splitFrontmatter(item.text);
          return { item, split, mermaid: extractMermaidBlocks(split.body, split.bodyLine) };
        });
        const sources = extracted.flatMap(({ mermaid }) => mermaid.blocks.map((block) => block.source));
        const diagrams = sources.length > 0 ? await sharedMermaidRenderer(root).render(sources) : new Map();

        for (const { item, split, mermaid } of extracted) {
          const relativePath = relative(root, item.file).split(sep).join('/');
          try {
            const raw = yaml.load(split.frontmatter ?? '', { schema: yaml.CORE_SCHEMA }) ?? {};
            const data = await parseData({ id: item.id, data: raw as Record<string, unknown>, filePath: item.file });
            if (/\.mdx$/i.test(item.file)) {
              // MDX compiles to a module that renders at build time (the check allows it only in
              // trusted collections), so it is deferred to Astro's MDX integration, as its own
              // glob loader does.
              store.set({ id: item.id, data, body: split.body, filePath: relativePath, digest: item.digest, deferredRender: true });
              continue;
            }
            const rendered = await renderMarkdown(mermaid.text, { fileURL: pathToFileURL(item.file) });
            if (mermaid.blocks.length > 0) {
              const replacements = new Map(mermaid.blocks.map((block) => [block.token, mermaidFigureHtml(diagrams.get(block.source), block.line)]));
              rendered.html = substituteDiagrams(rendered.html, replacements);
            }
            store.set({ id: item.id, data, body: split.body, filePath: relativePath, digest: item.digest, rendered });
          } catch (error) {
            // `npm run build` checks every file first, so this only happens in `astro dev`.
            logger.error(`${relativePath}: ${(error as Error).message} Run npm run check for details.`);
          }
        }
      };
      await sync();
      if (watcher) {
        const folder = join(content, COLLECTIONS[collection].source.path);
        const onChange = (path: string) => {
          if (path.startsWith(folder)) void sync();
        };
        watcher.add(folder);
        watcher.on('add', onChange);
        watcher.on('change', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}
