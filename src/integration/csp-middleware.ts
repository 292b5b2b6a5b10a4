import type { MiddlewareHandler } from 'astro';
import { completePolicy } from '../build/csp-step.ts';

/**
 * Build middleware: completes each rendered page's Content-Security-Policy as `npm run build`'s
 * CSP pass would (src/build/csp-step.ts), so that the page Astro writes, and keeps for the next
 * incremental build, is already the published one. The pass then reads a copied page and has
 * nothing to write. A page with an inline script that is on neither list is left as it is: the
 * pass names it and stops the build. Which scripts are reviewed is part of every page's cache key
 * (src/site/page-keys.ts), so a kept page never carries a hash the list no longer holds.
 */
export const onRequest: MiddlewareHandler = async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  const completed = completePolicy(html);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(completed.unreviewed.length > 0 ? html : completed.html, { status: response.status, statusText: response.statusText, headers });
};
