import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import starlight from '@astrojs/starlight';
import type { AstroIntegration } from 'astro';
import { resolveNow } from '../core/time.ts';
import { closeSharedMermaidRenderer } from '../diagrams/diagram-service.ts';
import { mermaidInMdx } from '../render/mermaid-mdx-plugin.ts';
import { sanitizeRawHtml } from '../render/sanitize-plugin.ts';
import { contextModule } from './context-module.ts';
import { contentSecurityPolicy } from './csp.ts';
import { gateOnCheck } from './gate.ts';
import { contentDir } from './paths.ts';
import { readPlatformIdentity, siteBase } from './platform-identity.ts';
import { searchDebounce } from './search-debounce.ts';
import { sidebar } from './sidebar.ts';
import { mark, timingsEnd } from './timings.ts';

/**
 * The Multiplane Astro integration. It only wires steps together: the check gate, the site
 * context, and Starlight with Multiplane's navigation, styles and search filters.
 */
export default function multiplane(): AstroIntegration {
  return {
    name: 'multiplane',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig }) => {
        mark('config');
        const root = fileURLToPath(config.root);
        const now = resolveNow(process.env.MULTIPLANE_NOW);
        // `npm run build` checks before calling Astro; a direct `astro build` is gated here.
        if (command === 'build' && process.env.MULTIPLANE_CHECKED !== '1') await gateOnCheck(root, now);
        const platform = readPlatformIdentity(root, contentDir());
        const base = config.base !== '/' || !platform.url ? config.base : siteBase(platform.url);
        updateConfig({
          security: { csp: contentSecurityPolicy() },
          // Raw HTML in Markdown is parsed and sanitized before any other plugin sees it; then the
          // Mermaid blocks of MDX entries become diagrams (Markdown entries' are drawn by the loader).
          markdown: { processor: satteri({ features: { rawHtml: true }, hastPlugins: [sanitizeRawHtml, mermaidInMdx(root)] }) },
          // The published address gives the site its origin and, for a project page such as
          // https://org.github.io/repo/, its base path.
          ...(config.site || !platform.url ? {} : { site: platform.url, base }),
          integrations: [
            starlight({
              title: platform.title,
              sidebar: sidebar(base),
              customCss: [fileURLToPath(new URL('../styles/multiplane.css', import.meta.url))],
              components: {
                Search: fileURLToPath(new URL('../components/Search.astro', import.meta.url)),
                Sidebar: fileURLToPath(new URL('../components/Sidebar.astro', import.meta.url)),
              },
              // The site ships its own 404 page, which links back into the planes.
              disable404Route: true,
              // Asides for the entries too, not only the site's own pages. Headings keep their
              // IDs (the table of contents links them) but not Starlight's link icons, which
              // cost 700 bytes of SVG per heading on every page.
              markdown: { processedDirs: [`./${contentDir()}`], headingLinks: false },
              // `npm run build` builds the search index itself once Astro's process has ended
              // (src/build/search-step.ts), so the two never hold their memory at once. Pages
              // keep data-pagefind-body and the overridden Search component keeps the UI.
              ...(process.env.MULTIPLANE_SEARCH_INDEX === 'separate' ? { pagefind: false } : {}),
            }),
            timingsEnd(),
          ],
          vite: {
            plugins: [
              contextModule({
                root,
                contentDir: contentDir(),
                now: now.toISOString(),
                edition: process.env.MULTIPLANE_EDITION === 'public' ? 'public' : 'internal',
                drafts: command === 'dev',
              }),
              searchDebounce(),
            ],
          },
        });
      },
      'astro:build:start': () => mark('build-start'),
      'astro:build:generated': () => mark('generated'),
      // Diagrams rendered during `astro dev` or a direct `astro build` keep a browser open.
      'astro:build:done': () => {
        mark('build-done');
        return closeSharedMermaidRenderer();
      },
      'astro:server:done': () => closeSharedMermaidRenderer(),
    },
  };
}
