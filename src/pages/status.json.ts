import type { APIRoute } from 'astro';
import { getReport } from '../site/report.ts';
import { entryHref, sitePath } from '../site/routes.ts';
import { statusSummary } from '../site/view/status.ts';

/**
 * `status.json`: the platform's state and last production deployment, which the header of every
 * page shows (src/components/PageTitle.astro). One file, so that an incident or a deployment
 * changes it and no page.
 */
export const GET: APIRoute = () => {
  const report = getReport();
  const summary = statusSummary(report.graph, report.content.governance, { entry: entryHref, overview: sitePath('/#status') });
  return new Response(JSON.stringify(summary), { headers: { 'Content-Type': 'application/json' } });
};
