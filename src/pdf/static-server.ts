import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/**
 * Serves a built site from a folder on a free port of localhost, as a static host would. A site
 * built with a base path (`/repo/`) is served under it, like a GitHub project page.
 */
export async function serveStatic(
  folder: string,
  base = '/',
  options: { compress?: boolean } = {},
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const prefix = base.replace(/\/?$/, '/');
  const server = createServer((request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const inside = requested.startsWith(prefix) ? `/${requested.slice(prefix.length)}` : requested;
    const path = normalize(inside).replace(/^(\.\.[/\\])+/, '');
    let file = join(folder, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'Content-Type': TYPES['.html'] });
      createReadStream(join(folder, '404.html')).pipe(response);
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Like any static host, text is sent gzip-compressed when asked for; Pagefind's own files
    // are compressed already.
    if (options.compress && /gzip/.test(String(request.headers['accept-encoding'])) && /^(text|application\/(json|xml|javascript))|javascript|svg/.test(type)) {
      response.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip' });
      createReadStream(file).pipe(createGzip()).pipe(response);
      return;
    }
    response.writeHead(200, { 'Content-Type': type });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix.replace(/\/$/, '')}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
