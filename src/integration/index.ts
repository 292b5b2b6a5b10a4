import { fileURLToPath } from 'node:url';
import starlight from '@astrojs/starlight';
import type { AstroIntegration } from 'astro';
import { resolveNow } from '../core/time.ts';
import { contextModule } from './context-module.ts';
import { gateOnCheck } from './gate.ts';
import { CONTENT_DIR } from './paths.ts';
import { readPlatformTitle } from './platform-title.ts';
import { sidebar } from './sidebar.ts';

export interface MultiplaneOptions {
  /** Site base URL, for canonical links and the sitemap. */
  readonly site?: string;
}

/**
 * The Multiplane Astro integration. It only wires steps together: the site context, Starlight
 * with Multiplane's navigation, and (in later steps) search, diagrams and the PDF.
 */
export default function multiplane(_options: MultiplaneOptions = {}): AstroIntegration {
  return {
    name: 'multiplane',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const now = resolveNow(process.env.MULTIPLANE_NOW);
        // `npm run build` checks before calling Astro; a direct `astro build` is gated here.
        if (command === 'build' && process.env.MULTIPLANE_CHECKED !== '1') gateOnCheck(root, now);
        updateConfig({
          integrations: [
            starlight({
              title: readPlatformTitle(root, CONTENT_DIR),
              sidebar: sidebar(),
              lastUpdated: false,
            }),
          ],
          vite: { plugins: [contextModule({ root, contentDir: CONTENT_DIR, now: now.toISOString() })] },
        });
      },
    },
  };
}
