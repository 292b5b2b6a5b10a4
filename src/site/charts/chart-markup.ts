import { escapeXml } from '../diagrams/svg.ts';
import { chartGeometry, type ChartSpec } from './chart-geometry.ts';

/** Series are told apart by line pattern as well as colour, for readers who cannot see the difference. */
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 3', '10 4', '4 2 1 2'];

/** The dash pattern of the series at `index`, or undefined for a solid line. */
export const dashOf = (index: number): string | undefined => DASHES[index % DASHES.length] || undefined;

/**
 * The picture of one chart as SVG markup, with a title and a description for screen readers
 * (`role="img"`, labelled by both). Written as a string, like the site's other generated
 * diagrams: a service page carries four of these, and at 10,000 entries building them as text
 * costs a fraction of rendering as many template elements. Every text is escaped.
 */
export function chartSvg(spec: ChartSpec): string {
  const geometry = chartGeometry(spec);
  const { plot } = geometry;
  const id = escapeXml(spec.id);
  const parts: string[] = [
    `<svg viewBox="0 0 ${geometry.width} ${geometry.height}" width="${geometry.width}" height="${geometry.height}" role="img" aria-labelledby="${id}-t ${id}-d" class="mp-chart-svg">`,
    `<title id="${id}-t">${escapeXml(spec.title)}</title><desc id="${id}-d">${escapeXml(spec.description)}</desc>`,
    `<text x="${plot.left}" y="12">${escapeXml(spec.unit)}</text>`,
    `<path class="mp-chart-grid" d="${geometry.yTicks.map((tick) => `M${plot.left} ${tick.y}H${plot.right}`).join('')}"/>`,
    `<path class="mp-chart-axis" d="M${plot.left} ${plot.bottom}H${plot.right}"/>`,
    `<g class="mp-chart-y">${geometry.yTicks.map((tick) => `<text x="${plot.left - 6}" y="${tick.y}">${escapeXml(tick.label)}</text>`).join('')}</g>`,
    `<g class="mp-chart-x">${geometry.xTicks.map((tick) => `<text x="${tick.x}" y="${plot.bottom + 16}">${escapeXml(tick.label)}</text>`).join('')}</g>`,
  ];
  const tone = (value: string) => `mp-tone-${escapeXml(value)}`;
  for (const bar of geometry.bars) parts.push(`<rect class="mp-chart-bar ${tone(bar.tone)}" x="${bar.x}" y="${bar.y}" width="${bar.width}" height="${bar.height}"/>`);
  for (const line of geometry.lines) {
    const dash = dashOf(line.dash);
    parts.push(`<path class="mp-chart-line ${tone(line.tone)}" d="${line.d}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
  }
  for (const point of geometry.points) parts.push(`<circle class="mp-chart-dot ${tone(point.tone)}" cx="${point.x}" cy="${point.y}" r="3"/>`);
  if (geometry.empty) {
    parts.push(
      `<text class="mp-chart-empty" x="${(plot.left + plot.right) / 2}" y="${(plot.top + plot.bottom) / 2}">No data in these ${escapeXml(spec.categoryHeading.toLowerCase())}s</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** A chart's numbers as a table: a header row, then a row per category headed by its name. */
export function chartTableHtml(table: { readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] }): string {
  const head = `<thead><tr>${table.columns.map((column) => `<th scope="col">${escapeXml(column)}</th>`).join('')}</tr></thead>`;
  const body = table.rows
    .map(
      ([name, ...cells]) =>
        `<tr><th scope="row">${escapeXml(name ?? '')}</th>${cells.map((cell) => (cell === 'no data' ? '<td class="mp-no-data">no data</td>' : `<td>${escapeXml(cell)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<table class="mp-table">${head}<tbody>${body}</tbody></table>`;
}
