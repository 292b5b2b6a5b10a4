import { fileURLToPath, pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import starlight from '@astrojs/starlight';
import type { AstroIntegration } from 'astro';
import type { Loader } from 'astro/loaders';
import { closeSharedMermaidRenderer } from '../diagrams/diagram-service.ts';
import { codeLanguage } from '../render/code-language.ts';
import { mermaidInMdx } from '../render/mermaid-mdx-plugin.ts';
import { sanitizeRawHtml } from '../render/sanitize-plugin.ts';
import { wholeLineHighlighting } from '../render/whole-line-highlighting.ts';
import { ContentImports, contentImportsOfThisBuild } from './content-imports-of-this-build.ts';
import { contentSecurityPolicy } from './csp.ts';
import { cspDigestOnce } from './csp-digest-once.ts';
import { dataStoreAtRunTime } from './data-store-at-run-time.ts';
import { watchContent } from './dev-watch.ts';
import { registerCollections } from './content-collections.ts';
import { entryLoader } from './entry-loader.ts';
import { gateOnCheck } from './gate.ts';
import { LiveModel } from './live-model.ts';
import { type MultiplaneOptions, resolveOptions } from './options.ts';
import { pageSchemaOnce } from './page-schema-once.ts';
import { pageSidebarSnapshot } from './page-sidebar-snapshot.ts';
import { searchFiltersFirst } from './search-filters-first.ts';
import { searchIndexesAtOnce } from './search-indexes-at-once.ts';
import { searchShortWords } from './search-short-words.ts';
import { searchSuperseded } from './search-superseded.ts';
import { searchUiConfig } from './search-ui-config.ts';
import { siteCollections } from './site-collections.ts';
import { sidebar } from './sidebar.ts';
import { siteMap } from './sitemap.ts';
import { siteBase } from './site-base.ts';
import { mark, timingsEnd } from './timings.ts';
import { WATCH_IGNORED } from './watch-ignored.ts';
import { uiStringsOnce } from './ui-strings-once.ts';
import { contentFolder } from '../core/content/content-folder.ts';
import type { EntryCollectionName } from '../core/schemas/index.ts';
import { ENTRY_COLLECTIONS } from '../site/routes.ts';

export type { MultiplaneOptions } from './options.ts';

/**
 * The Multiplane Astro integration. It only wires steps together: the platform model (handed
 * over, or read and, in `astro dev`, followed), the check gate, and Starlight with Multiplane's
 * navigation, styles and search filters.
 */
export default function multiplane(userOptions: MultiplaneOptions = {}): AstroIntegration {
  const options = resolveOptions(userOptions);
  let live: LiveModel | undefined;
  let cacheDir: URL | undefined;
  let imports: ContentImports | undefined;
  return {
    name: 'multiplane',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, addMiddleware, logger }) => {
        mark(options.marksFile, 'config');
        const root = fileURLToPath(config.root);
        if (command === 'build') {
          // Before Astro's content sync writes the project's .astro/ modules (content-imports-of-this-build.ts).
          imports = new ContentImports(fileURLToPath(new URL('./.astro/', config.root)));
          await imports.lock(root, (line) => logger.info(line));
        }
        // One spelling of the content folder (`./content/`, an absolute path) for everything below.
        const contentDir = contentFolder(root, options.contentDir);
        live = new LiveModel(root, { ...options, contentDir }, command === 'dev');
        const { model } = await live.publish();
        // `npm run build` checks before calling Astro and hands over the model; a direct
        // `astro build` is gated here.
        if (command === 'build' && !options.model) gateOnCheck(model);
        if (command === 'dev') addMiddleware({ entrypoint: new URL('./dev-errors-middleware.ts', import.meta.url), order: 'post' });
        // Before Astro loads src/content.config.ts, which takes them.
        registerCollections(siteCollections(Object.fromEntries(ENTRY_COLLECTIONS.map((name) => [name, entryLoader(name)])) as Record<EntryCollectionName, Loader>));

        const platform = model.graph.platform?.data;
        const url = platform?.url && /^https?:\/\//.test(platform.url) ? platform.url : undefined;
        const base = config.base !== '/' || !url ? config.base : siteBase(url);
        const addressed = !config.site && url !== undefined;
        updateConfig({
          // Outside node_modules, which `npm ci` empties, so CI keeps it (it caches .cache/multiplane/).
          cacheDir: options.cacheDir ? pathToFileURL(`${options.cacheDir.replace(/\/?$/, '/')}`) : new URL('./.cache/multiplane/astro/dev/', config.root),
          // Pages whose cacheKey (src/site/page-keys.ts) and code are unchanged are copied from the
          // previous build instead of being rendered again.
          experimental: { incrementalBuild: true },
          // Pages are rendered one at a time either way (rendering is synchronous work), but the
          // copies of reused pages overlap: a 3,000-entry build with nothing changed generates its
          // pages in 2.8 s instead of 4.4 s.
          build: { concurrency: 4 },
          security: { csp: contentSecurityPolicy() },
          // Raw HTML in Markdown is parsed and sanitized before any other plugin sees it; code blocks
          // get back the language that parsing loses, for Expressive Code; then the Mermaid blocks
          // of MDX entries become diagrams (Markdown entries' are drawn by the loader).
          markdown: { processor: satteri({ features: { rawHtml: true }, hastPlugins: [sanitizeRawHtml, codeLanguage, mermaidInMdx(root)] }) },
          // The published address gives the site its origin and, for a project page such as
          // https://org.github.io/repo/, its base path.
          ...(addressed ? { site: url, base } : {}),
          integrations: [
            // Before Starlight, which then adds no sitemap of its own.
            siteMap(),
            starlight({
              title: platform?.name ?? 'Multiplane',
              sidebar: sidebar(),
              customCss: [fileURLToPath(new URL('../styles/multiplane.css', import.meta.url))],
              components: {
                // Starlight writes the page title as HTML; this override writes it as text.
                Head: fileURLToPath(new URL('../components/Head.astro', import.meta.url)),
                Search: fileURLToPath(new URL('../components/Search.astro', import.meta.url)),
                Sidebar: fileURLToPath(new URL('../components/Sidebar.astro', import.meta.url)),
                // The platform's status line and the breadcrumb above every page's title.
                PageTitle: fileURLToPath(new URL('../components/PageTitle.astro', import.meta.url)),
                // "Last updated" in the site's one date format.
                LastUpdated: fileURLToPath(new URL('../components/LastUpdated.astro', import.meta.url)),
              },
              // The site ships its own 404 page, which links back into the planes.
              disable404Route: true,
              // Asides for the entries too, not only the site's own pages. Headings keep their
              // IDs (the table of contents links them) but not Starlight's link icons, which
              // cost 700 bytes of SVG per heading on every page.
              markdown: { processedDirs: [`./${contentDir}`], headingLinks: false },
              // Code is highlighted the same however busy the machine is (see the module).
              expressiveCode: { shiki: { transformers: [wholeLineHighlighting] } },
              // `npm run build` builds the search index itself once Astro's process has ended
              // (src/build/search-step.ts), so the two never hold their memory at once. Pages
              // keep data-pagefind-body and the overridden Search component keeps the UI.
              ...(options.searchIndex === 'separate' ? { pagefind: false } : {}),
            }),
            timingsEnd(options.marksFile),
          ],
          vite: {
            plugins: [searchUiConfig({ base: addressed ? base : config.base, mergedIndexes: options.mergedSearchIndexes }), searchIndexesAtOnce(), searchFiltersFirst(), searchSuperseded(), searchShortWords(), pageSchemaOnce(), pageSidebarSnapshot(), cspDigestOnce(), uiStringsOnce()],
            // Neither the build cache nor a built site is a source (see watch-ignored.ts).
            server: { watch: { ignored: WATCH_IGNORED } },
          },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        if (live) watchContent(server, live, logger);
      },
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      // First among the build's plugins, ahead of Astro's own loader of the data store.
      'astro:build:setup': ({ vite }) => {
        if (cacheDir) vite.plugins = [dataStoreAtRunTime(cacheDir), ...(imports ? [contentImportsOfThisBuild(imports)] : []), ...(vite.plugins ?? [])];
      },
      'astro:build:start': () => {
        // The content is synced: this build's .astro/ modules are kept, and another build may sync.
        imports?.keep();
        mark(options.marksFile, 'build-start');
      },
      'astro:build:generated': () => mark(options.marksFile, 'generated'),
      // Diagrams rendered during `astro dev` or a direct `astro build` keep a browser open.
      'astro:build:done': () => {
        mark(options.marksFile, 'build-done');
        return closeSharedMermaidRenderer();
      },
      'astro:server:done': () => closeSharedMermaidRenderer(),
    },
  };
}
