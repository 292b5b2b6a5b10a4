import type { Plane } from '../../core/schemas/shared.ts';
import { escapeXml, fitText, r } from './svg.ts';

export interface LoopStepView {
  readonly plane: Plane;
  readonly label: string;
  readonly detail: string;
  readonly href: string;
}

const WIDTH = 760;
const HEIGHT = 520;
const BOX_W = 200;
const BOX_H = 62;

/**
 * Draws the operating loop: its steps around a circle in reading order, arrows between them and
 * back to the start, and the anchor (Identity) in the middle. Laid out in TypeScript like every
 * generated diagram, and coloured through CSS classes for both themes.
 */
export function loopSvg(steps: readonly LoopStepView[], anchor: LoopStepView, title = 'The operating loop'): string {
  const cx = WIDTH / 2;
  const cy = HEIGHT / 2;
  const rx = WIDTH / 2 - BOX_W / 2 - 14;
  const ry = HEIGHT / 2 - BOX_H / 2 - 14;
  const points = steps.map((_, index) => {
    const angle = -Math.PI / 2 + (index * 2 * Math.PI) / steps.length;
    return { x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle) };
  });
  const parts: string[] = [
    '<defs><marker id="mp-loop-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="mp-arrow"/></marker></defs>',
  ];
  points.forEach((point, index) => {
    const next = points[(index + 1) % points.length];
    if (!next) return;
    // Arrows run between box edges, bending outwards along the loop.
    const from = edgePoint(point, next);
    const to = edgePoint(next, point);
    const mx = (from.x + to.x) / 2;
    const my = (from.y + to.y) / 2;
    const bend = 0.18;
    const qx = mx + (mx - cx) * bend;
    const qy = my + (my - cy) * bend;
    parts.push(`<path class="mp-edge mp-loop-edge" d="M${r(from.x)} ${r(from.y)}Q${r(qx)} ${r(qy)} ${r(to.x)} ${r(to.y)}" marker-end="url(#mp-loop-arrow)"/>`);
  });
  steps.forEach((step, index) => {
    const point = points[index];
    if (point) parts.push(box(step, point.x - BOX_W / 2, point.y - BOX_H / 2, `${index + 1}. `));
  });
  parts.push(box(anchor, cx - BOX_W / 2, cy - BOX_H / 2, '', true));
  return (
    `<svg class="mp-diagram mp-loop" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="group" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>${parts.join('')}</svg>`
  );
}

function box(step: LoopStepView, x: number, y: number, prefix: string, anchor = false): string {
  return (
    `<a href="${escapeXml(step.href)}" class="mp-node mp-plane-${step.plane}${anchor ? ' mp-center' : ''}">` +
    `<rect x="${r(x)}" y="${r(y)}" width="${BOX_W}" height="${BOX_H}" rx="8"/>` +
    `<text class="mp-title" x="${r(x + 12)}" y="${r(y + 21)}">${escapeXml(fitText(`${prefix}${step.label}`, BOX_W - 24))}</text>` +
    `<text class="mp-kind" x="${r(x + 12)}" y="${r(y + 38)}">${escapeXml(fitText(step.detail, BOX_W - 24, 6.4))}</text>` +
    `</a>`
  );
}

/** Where the line from `a` towards `b` leaves the box centred on `a`. */
function edgePoint(a: { x: number; y: number }, b: { x: number; y: number }) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const scale = Math.min(Math.abs(BOX_W / 2 / (dx || 1e-9)), Math.abs(BOX_H / 2 / (dy || 1e-9)));
  return { x: a.x + dx * Math.min(scale, 1) * 1.04, y: a.y + dy * Math.min(scale, 1) * 1.04 };
}
