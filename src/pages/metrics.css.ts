import type { APIRoute } from 'astro';
import { METRICS_CSS } from '../site/charts/chart-styles.ts';

/** `metrics.css`: the styles of the metrics tiles and charts, linked only by pages that show them. */
export const GET: APIRoute = () => new Response(METRICS_CSS.trim(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
