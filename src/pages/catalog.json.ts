import type { APIRoute } from 'astro';
import { buildCatalog } from '../site/catalog.ts';
import { getReport } from '../site/report.ts';
import { entryHref } from '../site/routes.ts';

/** `catalog.json`: every entry, its fields, relations and findings, for tools. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildCatalog(getReport(), entryHref)), { headers: { 'Content-Type': 'application/json' } });
