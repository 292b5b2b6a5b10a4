import type { Plane } from '../../core/schemas/shared.ts';
import { escapeXml, r, wrapText } from './svg.ts';

export interface LoopStepView {
  readonly plane: Plane;
  readonly label: string;
  readonly detail: string;
  readonly href: string;
}

/**
 * The loop is drawn two ways. `wide` is the circle, for a column of 700 px or more (and for the
 * PDF); `narrow` is a column of boxes with the loop closing along their side, for phones. Each is
 * drawn at a size whose smallest text, the step's detail at 12 px (wide) or 13 px (narrow), stays
 * at least 11 px where it is shown: the wide one is only shown in columns that scale it by 0.92 or
 * more, and the narrow one, 340 px wide, is never scaled up and fits a phone's column at 1:1.
 */
export type LoopLayout = 'wide' | 'narrow';

/** The width from which the circle is shown instead of the column of boxes (multiplane.css). */
export const LOOP_WIDE_FROM_PX = 700;

interface Metrics {
  readonly boxW: number;
  readonly boxH: number;
  readonly title: number;
  readonly detail: number;
}

const WIDE = { width: 760, height: 540, box: { boxW: 220, boxH: 64, title: 14, detail: 12 } } as const;
const NARROW = { width: 340, box: { boxW: 270, boxH: 60, title: 15, detail: 13 }, gap: 30, top: 10, left: 14 } as const;

/**
 * Draws the operating loop: its steps in reading order with arrows between them and back to the
 * start, and the anchor (Identity). Laid out in TypeScript like every generated diagram, coloured
 * through CSS classes for both themes, its text at sizes given in the SVG itself so that print and
 * screen agree.
 */
export function loopSvg(steps: readonly LoopStepView[], anchor: LoopStepView, layout: LoopLayout = 'wide', title = 'The operating loop'): string {
  const body = layout === 'wide' ? wide(steps, anchor) : narrow(steps, anchor);
  const marker = `mp-loop-arrow-${layout}`;
  return (
    `<svg class="mp-diagram mp-loop mp-loop-${layout}" viewBox="0 0 ${body.width} ${body.height}" width="${body.width}" height="${body.height}" role="group" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<defs><marker id="${marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="mp-arrow"/></marker></defs>` +
    body.parts.join('').replaceAll('MARKER', marker) +
    `</svg>`
  );
}

function wide(steps: readonly LoopStepView[], anchor: LoopStepView): { width: number; height: number; parts: string[] } {
  const { width, height, box: metrics } = WIDE;
  const cx = width / 2;
  const cy = height / 2;
  const rx = width / 2 - metrics.boxW / 2 - 14;
  const ry = height / 2 - metrics.boxH / 2 - 14;
  const points = steps.map((_, index) => {
    const angle = -Math.PI / 2 + (index * 2 * Math.PI) / steps.length;
    return { x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle) };
  });
  const parts: string[] = [];
  points.forEach((point, index) => {
    const next = points[(index + 1) % points.length];
    if (!next) return;
    // Arrows run between box edges, bending outwards along the loop.
    const from = edgePoint(point, next, metrics);
    const to = edgePoint(next, point, metrics);
    const mx = (from.x + to.x) / 2;
    const my = (from.y + to.y) / 2;
    const bend = 0.18;
    parts.push(`<path class="mp-edge mp-loop-edge" d="M${r(from.x)} ${r(from.y)}Q${r(mx + (mx - cx) * bend)} ${r(my + (my - cy) * bend)} ${r(to.x)} ${r(to.y)}" marker-end="url(#MARKER)"/>`);
  });
  steps.forEach((step, index) => {
    const point = points[index];
    if (point) parts.push(box(step, point.x - metrics.boxW / 2, point.y - metrics.boxH / 2, metrics, `${index + 1}. `));
  });
  parts.push(box(anchor, cx - metrics.boxW / 2, cy - metrics.boxH / 2, metrics, '', true));
  return { width, height, parts };
}

function narrow(steps: readonly LoopStepView[], anchor: LoopStepView): { width: number; height: number; parts: string[] } {
  const { width, box: metrics, gap, top, left } = NARROW;
  const parts: string[] = [];
  const y = (index: number) => top + index * (metrics.boxH + gap);
  const middle = left + metrics.boxW / 2;
  steps.forEach((step, index) => {
    parts.push(box(step, left, y(index), metrics, `${index + 1}. `));
    if (index < steps.length - 1) {
      parts.push(`<path class="mp-edge mp-loop-edge" d="M${middle} ${y(index) + metrics.boxH + 2}V${y(index + 1) - 3}" marker-end="url(#MARKER)"/>`);
    }
  });
  // The loop closes along the right-hand side, from the last step back to the first.
  const right = left + metrics.boxW;
  const lane = width - 12;
  const last = y(steps.length - 1) + metrics.boxH / 2;
  const first = y(0) + metrics.boxH / 2;
  parts.push(`<path class="mp-edge mp-loop-edge" d="M${right + 2} ${last}H${lane}V${first}H${right + 4}" marker-end="url(#MARKER)"/>`);
  const anchorY = y(steps.length) + 6;
  parts.push(box(anchor, left, anchorY, metrics, '', true));
  return { width, height: anchorY + metrics.boxH + 10, parts };
}

function box(step: LoopStepView, x: number, y: number, metrics: Metrics, prefix: string, anchor = false): string {
  const inner = metrics.boxW - 24;
  // Glyph widths are estimated generously (0.56 of the size), so text never leaves its box.
  const title = wrapText(`${prefix}${step.label}`, inner, metrics.title * 0.6, 1)[0] ?? '';
  const detail = wrapText(step.detail, inner, metrics.detail * 0.56, 2);
  const lines = detail
    .map((line, index) => `<tspan x="${r(x + 12)}"${index > 0 ? ` dy="${r(metrics.detail * 1.25)}"` : ''}>${escapeXml(line)}</tspan>`)
    .join('');
  const titleY = y + (detail.length > 1 ? 20 : 25);
  return (
    `<a href="${escapeXml(step.href)}" class="mp-node mp-plane-${step.plane}${anchor ? ' mp-center' : ''}">` +
    `<rect x="${r(x)}" y="${r(y)}" width="${metrics.boxW}" height="${metrics.boxH}" rx="8"/>` +
    `<text class="mp-title" x="${r(x + 12)}" y="${r(titleY)}" font-size="${metrics.title}">${escapeXml(title)}</text>` +
    `<text class="mp-kind" x="${r(x + 12)}" y="${r(titleY + metrics.detail * 1.45)}" font-size="${metrics.detail}">${lines}</text>` +
    `</a>`
  );
}

/** Where the line from `a` towards `b` leaves the box centred on `a`. */
function edgePoint(a: { x: number; y: number }, b: { x: number; y: number }, metrics: Metrics) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const scale = Math.min(Math.abs(metrics.boxW / 2 / (dx || 1e-9)), Math.abs(metrics.boxH / 2 / (dy || 1e-9)));
  return { x: a.x + dx * Math.min(scale, 1) * 1.04, y: a.y + dy * Math.min(scale, 1) * 1.04 };
}
