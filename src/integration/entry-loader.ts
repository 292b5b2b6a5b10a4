import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { AnyEntry } from '../core/content/entry.ts';
import type { EntryCollectionName } from '../core/schemas/index.ts';
import { renderDiagrams } from '../diagrams/diagram-service.ts';
import { type DiagramResult, type ExtractedMermaid, extractMermaidBlocks, mermaidFigureHtml, substituteDiagrams } from '../diagrams/mermaid/index.ts';
import { rendererVersion } from '../diagrams/mermaid/diagram-cache.ts';
import { RENDER_VERSION } from './render-version.ts';
import { bodyAvailable, bodyFile, bodyFileOf, bodyFilesIn, bodyFolder, pruneBodies, storedBodyFile, writeBody } from '../site/entry-bodies.ts';
import { onSiteState, type SiteState, siteState } from '../site/site-state.ts';

/**
 * Gives Astro one collection of the platform model: the entries the model already read and
 * validated (nothing is read from disk or parsed again here), each body rendered with the
 * configured Markdown processor. Mermaid blocks are cut out before rendering and replaced by their
 * SVG afterwards, so only diagrams, not whole entries, need a browser, and their SVG never passes
 * through the HTML sanitizer. The rendered HTML goes to a file of its own, not into the store
 * (src/site/entry-bodies.ts).
 *
 * In `astro dev` the loader follows the model: when the integration publishes a new one, entries
 * whose file changed are rendered again and deleted ones removed. It answers whether the store
 * changed, so the integration knows whether Astro will reload the browser itself.
 */
export function entryLoader(collection: EntryCollectionName): Loader {
  return {
    name: 'multiplane-entries',
    load: async (context) => {
      await sync(collection, siteState(), context);
      onSiteState(`entries:${collection}`, (state) => sync(collection, state, context));
    },
  };
}

async function sync(collection: EntryCollectionName, state: SiteState, context: LoaderContext): Promise<boolean> {
  const { store, renderMarkdown, logger, config } = context;
  const folder = bodyFolder(config.cacheDir, collection);
  const bodyFiles = () => store.values().flatMap((stored) => bodyFileOf(stored.rendered) ?? []);
  // The bodies of the store as it was are kept through this sync too: in `astro dev` a page may
  // be rendering from it while this sync replaces an entry.
  const earlier = bodyFiles();
  const root = state.context.root;
  const entries = state.report.graph.collection(collection) as readonly AnyEntry[];
  const untouched = new Set(store.keys());
  const present = bodyFilesIn(folder);
  const pending: { entry: AnyEntry; digest: string }[] = [];
  for (const entry of entries) {
    untouched.delete(entry.id);
    // A new Mermaid, or a new way of finishing its SVG, renders an entry's diagrams differently.
    const digest = `${RENDER_VERSION}:${entry.facts.mermaid.length > 0 ? rendererVersion() : ''}:${entry.digest}`;
    const existing = store.get(entry.id);
    if (existing?.digest === digest && bodyAvailable(existing.rendered, present)) {
      // An unchanged MDX entry still needs its module registered for render().
      if (existing.deferredRender && existing.filePath) store.addModuleImport(existing.filePath);
      // And an unchanged entry with local images still needs them resolved, as Astro's glob loader does.
      // (The method exists on the store a loader gets, but not in its public type.)
      const assets = store as typeof store & { addAssetImports?(assets: string[], filePath: string): void };
      if (existing.assetImports?.length && existing.filePath) assets.addAssetImports?.(existing.assetImports, existing.filePath);
      continue;
    }
    pending.push({ entry, digest });
  }
  for (const id of untouched) store.delete(id);

  // Diagrams of the whole batch render in one browser call (usually all from cache; in
  // `npm run build` the build draws them beside this process, src/diagrams/diagram-service.ts).
  // Entries without diagrams are rendered first, while that goes on; the store takes every
  // entry in the model's order either way.
  // Bodies are read only now, for the entries rendered again: a build hands the model over without
  // them (state.bodyOf). One changed since the check stops the sync, and with it the build.
  const extracted = pending.map((item) => {
    const body = state.bodyOf(item.entry);
    return { ...item, body, mermaid: extractMermaidBlocks(body, item.entry.bodyLine) };
  });
  const sources = extracted.flatMap(({ mermaid }) => mermaid.blocks.map((block) => block.source));
  const diagrams = sources.length > 0 ? renderDiagrams(root, sources) : Promise.resolve(new Map<string, DiagramResult>());
  // Awaited below, once the entries without diagrams are rendered.
  diagrams.catch(() => {});
  const stored = new Map<AnyEntry, DataEntry>();
  // Bodies are written by Node's threads while this one renders the next ones.
  const writes = new Set<Promise<void>>();
  for (const withDiagrams of [false, true]) {
    const group = extracted.filter((item) => item.mermaid.blocks.length > 0 === withDiagrams);
    if (group.length === 0) continue;
    const drawn = withDiagrams ? await diagrams : undefined;
    for (const item of group) {
      try {
        const { record, written } = await storeRecord(item, folder, root, renderMarkdown, drawn);
        if (!written) {
          stored.set(item.entry, record);
          continue;
        }
        const write: Promise<void> = written
          .then(
            () => void stored.set(item.entry, record),
            (error: Error) => logger.error(`${item.entry.file}: the rendered body could not be written: ${error.message}`),
          )
          .finally(() => writes.delete(write));
        writes.add(write);
        // Bounded, so that a large platform's HTML does not pile up in memory ahead of the disk.
        if (writes.size >= MAX_PENDING_WRITES) await Promise.race(writes);
      } catch (error) {
        logger.error(`${item.entry.file}: the body could not be rendered: ${(error as Error).message}`);
      }
    }
  }
  await Promise.all(writes);
  for (const { entry } of extracted) {
    const record = stored.get(entry);
    if (record) store.set(record);
  }
  // Of the files there when the sync began: those written since are the store's.
  pruneBodies(folder, new Set([...earlier, ...bodyFiles()]), present);
  return pending.length > 0 || untouched.size > 0;
}

type DataEntry = Parameters<LoaderContext['store']['set']>[0];

const MAX_PENDING_WRITES = 64;

/**
 * What the store keeps of one entry, its body rendered (with its diagrams, from `diagrams`), and
 * the write of that body to a file of its own when it has no local images; the record is only
 * good once the body is written.
 */
async function storeRecord(
  { entry, digest, body, mermaid }: { entry: AnyEntry; digest: string; body: string; mermaid: ExtractedMermaid },
  folder: string,
  root: string,
  renderMarkdown: LoaderContext['renderMarkdown'],
  diagrams: ReadonlyMap<string, DiagramResult> | undefined,
): Promise<{ record: DataEntry; written?: Promise<unknown> }> {
  // The store keeps no data: pages read each entry from the model (src/site/report.ts), and take
  // from the store only its rendered body. Astro serializes the store whole, twice in a sync when
  // it lasts more than half a second, and walks every entry's data for references: at 10,000
  // entries the data was a third of the store (3 MB of 9) and of the time spent writing it.
  const data = {};
  if (/\.mdx$/i.test(entry.file)) {
    // MDX compiles to a module that renders at build time (the check allows it only in
    // trusted collections, with checked imports and expressions), so it is deferred to
    // Astro's MDX integration, as its own glob loader does.
    return { record: { id: entry.id, data, body, filePath: entry.file, digest, deferredRender: true } };
  }
  const rendered = await renderMarkdown(mermaid.text, { fileURL: pathToFileURL(join(root, entry.file)) });
  if (mermaid.blocks.length > 0) {
    const replacements = new Map(mermaid.blocks.map((block) => [block.token, mermaidFigureHtml(diagrams?.get(block.source), block.line)]));
    rendered.html = substituteDiagrams(rendered.html, replacements);
  }
  const images = rendered.metadata?.imagePaths ?? [];
  // Astro resolves the images' optimized URLs in the HTML when it renders the entry.
  if (images.length > 0) return { record: { id: entry.id, data, filePath: entry.file, digest, rendered, assetImports: images } };
  const file = bodyFile(folder, entry.id, digest);
  return {
    record: { id: entry.id, data, filePath: entry.file, digest, rendered: storedBodyFile(file, rendered.metadata?.headings ?? []) },
    written: writeBody(file, rendered.html),
  };
}
