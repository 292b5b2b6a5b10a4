import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { PRINT_ROUTE } from '../site/routes.ts';

/**
 * The sitemap Starlight would add, less the pages no reader should land on from a search engine:
 * the print route, which carries `noindex` and exists to be printed to PDF. (The 404 page is left
 * out by the sitemap itself.) Starlight adds its own sitemap only when none is configured.
 */
export function siteMap(): AstroIntegration {
  return sitemap({ filter: (page) => !new URL(page).pathname.endsWith(PRINT_ROUTE) });
}
