import type { MiddlewareHandler } from 'astro';
import { siteState } from '../site/site-state.ts';
import { contentErrors, overlayError, overlayScript } from './dev-errors.ts';

/**
 * Dev-server middleware (registered only by `astro dev`): while the content has errors, every HTML
 * page carries them into Astro's error overlay, with the file, line and fix `npm run check` gives.
 */
export const onRequest: MiddlewareHandler = async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const { model, context } = siteState();
  const error = overlayError(contentErrors(model), context.root);
  if (!error) return response;
  const html = await response.text();
  const at = html.lastIndexOf('</body>');
  const script = overlayScript(error);
  const body = at === -1 ? `${html}${script}` : `${html.slice(0, at)}${script}${html.slice(at)}`;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
};
