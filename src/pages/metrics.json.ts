import type { APIRoute } from 'astro';
import { getReport } from '../site/report.ts';
import { entryHref } from '../site/routes.ts';
import { governanceTrend } from '../site/view/metrics-history.ts';
import { buildMetricsJson } from '../site/view/metrics-json.ts';

/** `metrics.json`: delivery metrics per platform, service and owner, and governance week by week, for tools. */
export const GET: APIRoute = async () => {
  const report = getReport();
  return new Response(JSON.stringify(buildMetricsJson(report, await governanceTrend(report), entryHref)), { headers: { 'Content-Type': 'application/json' } });
};
