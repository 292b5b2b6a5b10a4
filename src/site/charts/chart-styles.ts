/**
 * The stylesheet of the metrics tiles and charts, served as `/metrics.css` and linked by the
 * components that draw them. A file of its own rather than component styles: Astro inlines small
 * component styles into every page of a route, which would put these rules into every entry page,
 * while only services and owners show metrics. Colours are CSS variables set for the light and the
 * dark theme, and fall back to print colours where the site's variables are absent.
 */
export const METRICS_CSS = `
.mp-chart {
  /* Okabe and Ito's colour-blind safe palette, darkened for a light page and lightened for a dark one. */
  --mp-chart-1: #0b5fa5;
  --mp-chart-2: #b24c00;
  --mp-chart-3: #00795a;
  --mp-chart-4: #a83f7f;
  --mp-chart-5: #8a6d00;
  --mp-chart-6: #3b7fb8;
  --mp-chart-muted: #8a8f98;
  --mp-chart-rule: var(--sl-color-gray-5, #d5d8dc);
  margin: 1rem 0 1.5rem;
  color: var(--sl-color-gray-2, #3a3f45);
}
:root[data-theme='dark'] .mp-chart {
  --mp-chart-1: #6cb6ff;
  --mp-chart-2: #ffa657;
  --mp-chart-3: #56d4a8;
  --mp-chart-4: #f19cd1;
  --mp-chart-5: #e3c55c;
  --mp-chart-6: #a5d0f5;
  --mp-chart-muted: #9ca3ad;
}
.mp-chart-svg { display: block; width: 100%; height: auto; max-width: 40rem; overflow: visible; font: 11px/1 var(--sl-font, system-ui, sans-serif); }
.mp-chart-svg text { fill: currentColor; }
.mp-chart-y text { text-anchor: end; dominant-baseline: middle; }
.mp-chart-x text, .mp-chart-svg .mp-chart-empty { text-anchor: middle; }
.mp-chart-svg .mp-chart-empty { fill: var(--mp-chart-muted); font-style: italic; font-size: 13px; }
.mp-chart-grid { stroke: var(--mp-chart-rule); fill: none; }
.mp-chart-axis { stroke: currentColor; fill: none; }
.mp-tone-1 { --mp-tone: var(--mp-chart-1); }
.mp-tone-2 { --mp-tone: var(--mp-chart-2); }
.mp-tone-3 { --mp-tone: var(--mp-chart-3); }
.mp-tone-4 { --mp-tone: var(--mp-chart-4); }
.mp-tone-5 { --mp-tone: var(--mp-chart-5); }
.mp-tone-6 { --mp-tone: var(--mp-chart-6); }
.mp-tone-muted { --mp-tone: var(--mp-chart-muted); }
.mp-tone-identity { --mp-tone: var(--mp-plane-identity, #7c5cff); }
.mp-tone-control { --mp-tone: var(--mp-plane-control, #d9480f); }
.mp-tone-knowledge { --mp-tone: var(--mp-plane-knowledge, #0b7285); }
.mp-tone-execution { --mp-tone: var(--mp-plane-execution, #2f9e44); }
.mp-tone-operations { --mp-tone: var(--mp-plane-operations, #c92a2a); }
.mp-tone-proof { --mp-tone: var(--mp-plane-proof, #b08900); }
.mp-tone-narrative { --mp-tone: var(--mp-plane-narrative, #1971c2); }
.mp-chart-line { fill: none; stroke: var(--mp-tone, currentColor); stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
.mp-chart-dot, .mp-chart-bar { fill: var(--mp-tone, currentColor); }
.mp-chart figcaption { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; margin-top: 0.25rem; font-size: var(--sl-text-sm, 0.875rem); }
.mp-chart-title { font-weight: 600; }
.mp-chart-legend { display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; list-style: none; margin: 0; padding: 0; }
.mp-chart-legend li { display: inline-flex; align-items: center; gap: 0.3rem; margin: 0; }
.mp-chart-data { margin-top: 0.4rem; font-size: var(--sl-text-sm, 0.875rem); }
.mp-chart-data summary { cursor: pointer; }
.mp-chart .mp-no-data, .mp-chart-omitted { color: var(--mp-chart-muted); font-style: italic; }
.mp-chart-panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 0.5rem 1.25rem; }
.mp-chart-panels figure { margin: 0; }
.mp-chart-panels figcaption { font-weight: 600; }
.mp-metric-tiles {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
  gap: 0.75rem;
  list-style: none;
  padding: 0;
  margin: 1rem 0;
}
.mp-metric-tiles li {
  display: flex;
  flex-direction: column;
  align-items: flex-start;
  gap: 0.2rem;
  margin: 0;
  padding: 0.6rem 0.75rem;
  border: 1px solid var(--sl-color-gray-5, #d5d8dc);
  border-radius: 0.4rem;
}
.mp-metric-label {
  font-size: var(--sl-text-sm, 0.875rem);
}
.mp-metric-value {
  font-size: var(--sl-text-xl, 1.25rem);
}
.mp-metric-empty .mp-metric-value {
  font-weight: 400;
  font-style: italic;
  color: var(--sl-color-gray-3, #6b7079);
}
.mp-metric-basis {
  font-size: var(--sl-text-xs, 0.8rem);
  color: var(--sl-color-gray-3, #6b7079);
}
/* The performance band of a metric, a small badge in the band's colour (text and border, so it reads in both themes). */
.mp-band {
  display: inline-block;
  padding: 0 0.4rem;
  border: 1px solid currentColor;
  border-radius: 0.25rem;
  font-size: var(--sl-text-xs, 0.8rem);
  font-weight: 600;
}
.mp-band-elite { color: var(--sl-color-green-high, #1b6e2d); }
.mp-band-high { color: var(--sl-color-blue-high, #0b5fa5); }
.mp-band-medium { color: var(--sl-color-orange-high, #9a4a00); }
.mp-band-low { color: var(--sl-color-red-high, #b02525); }
`;
