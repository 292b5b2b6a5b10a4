import type { Plane } from '../../core/schemas/shared.ts';
import { escapeXml, fitText, r } from './svg.ts';

export interface DiagramNode {
  readonly key: string;
  readonly title: string;
  readonly href: string;
  readonly plane: Plane;
  /** Short kind label shown above the title, e.g. "Service". */
  readonly kind: string;
}

export interface DiagramGroup {
  readonly label: string;
  readonly nodes: readonly DiagramNode[];
}

export interface NeighbourhoodInput {
  readonly center: DiagramNode;
  /** Backlinks, drawn on the left. */
  readonly incoming: readonly DiagramGroup[];
  /** The entry's own references, drawn on the right. */
  readonly outgoing: readonly DiagramGroup[];
  /** Most nodes drawn per side; the rest are counted in a "+ n more" line. */
  readonly maxPerSide?: number;
}

const NODE_W = 210;
const NODE_H = 40;
const GAP = 8;
const LABEL_H = 20;
const WIDTH = 760;
const CENTER_W = 220;

interface Placed {
  readonly node?: DiagramNode;
  readonly label?: string;
  readonly more?: number;
  readonly y: number;
}

/**
 * Lays out an entry's neighbourhood as SVG in TypeScript: the entry in the middle, backlinks on
 * the left and references on the right, grouped by relation. No browser is involved, so
 * thousands of entries cost thousands of string concatenations, not thousands of page loads.
 * Colours come from CSS classes, so the diagram follows the light and dark themes.
 */
export function neighbourhoodSvg(input: NeighbourhoodInput): string {
  const max = input.maxPerSide ?? 8;
  const left = place(input.incoming, max);
  const right = place(input.outgoing, max);
  const contentHeight = Math.max(left.height, right.height, NODE_H + 20);
  const height = contentHeight + 20;
  const centerY = height / 2 - NODE_H / 2;
  const centerX = WIDTH / 2 - CENTER_W / 2;
  const parts: string[] = [];
  const total = countNodes(input.incoming) + countNodes(input.outgoing);
  const title = `${input.center.title} and its ${total} related ${total === 1 ? 'entry' : 'entries'}`;

  const edge = (fromX: number, fromY: number, toX: number, toY: number) => {
    const mid = (fromX + toX) / 2;
    parts.push(`<path class="mp-edge" d="M${r(fromX)} ${r(fromY)}C${r(mid)} ${r(fromY)} ${r(mid)} ${r(toY)} ${r(toX)} ${r(toY)}"/>`);
  };
  for (const item of left.items) if (item.node) edge(10 + NODE_W, item.y + 10 + NODE_H / 2, centerX, centerY + NODE_H / 2);
  for (const item of right.items) if (item.node) edge(centerX + CENTER_W, centerY + NODE_H / 2, WIDTH - 10 - NODE_W, item.y + 10 + NODE_H / 2);

  const drawSide = (items: readonly Placed[], x: number, anchor: 'start' | 'end') => {
    for (const item of items) {
      const y = item.y + 10;
      if (item.label) {
        const tx = anchor === 'start' ? x : x + NODE_W;
        parts.push(`<text class="mp-relation" x="${r(tx)}" y="${r(y + 14)}" text-anchor="${anchor}">${escapeXml(fitText(item.label, NODE_W, 6.6))}</text>`);
      } else if (item.more) {
        parts.push(`<text class="mp-more" x="${r(x + NODE_W / 2)}" y="${r(y + 14)}" text-anchor="middle">+ ${item.more} more</text>`);
      } else if (item.node) {
        parts.push(nodeSvg(item.node, x, y, NODE_W));
      }
    }
  };
  drawSide(left.items, 10, 'start');
  drawSide(right.items, WIDTH - 10 - NODE_W, 'end');
  parts.push(nodeSvg(input.center, centerX, centerY, CENTER_W, true));
  if (left.items.length === 0 && right.items.length === 0) {
    parts.push(`<text class="mp-more" x="${WIDTH / 2}" y="${r(centerY + NODE_H + 18)}" text-anchor="middle">No relations yet</text>`);
  }

  return (
    `<svg class="mp-diagram mp-neighbourhood" viewBox="0 0 ${WIDTH} ${r(height)}" width="${WIDTH}" height="${r(height)}" role="group" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>${parts.join('')}</svg>`
  );
}

// Nodes are positioned by one transform, so their rectangle and text keep fixed, short
// coordinates: a hub's diagram is written into every page of its neighbours, and bytes count.
function nodeSvg(node: DiagramNode, x: number, y: number, width: number, center = false): string {
  return (
    `<a href="${escapeXml(node.href)}" class="mp-node mp-plane-${node.plane}${center ? ' mp-center' : ''}" transform="translate(${r(x)} ${r(y)})">` +
    `<rect width="${width}" height="${NODE_H}" rx="6"/>` +
    `<text x="10" y="14" class="mp-kind">${escapeXml(node.kind)}</text>` +
    `<text x="10" y="31" class="mp-title">${escapeXml(fitText(node.title, width - 20))}</text></a>`
  );
}

function place(groups: readonly DiagramGroup[], max: number): { items: Placed[]; height: number } {
  const items: Placed[] = [];
  let y = 0;
  let budget = max;
  for (const group of groups) {
    if (budget <= 0) break;
    items.push({ label: group.label, y });
    y += LABEL_H;
    const shown = group.nodes.slice(0, budget);
    for (const node of shown) {
      items.push({ node, y });
      y += NODE_H + GAP;
    }
    budget -= shown.length;
    if (group.nodes.length > shown.length) {
      items.push({ more: group.nodes.length - shown.length, y });
      y += LABEL_H;
    }
  }
  const hidden = groups.slice(items.filter((item) => item.label).length).reduce((sum, group) => sum + group.nodes.length, 0);
  if (hidden > 0) {
    items.push({ more: hidden, y });
    y += LABEL_H;
  }
  return { items, height: y };
}

function countNodes(groups: readonly DiagramGroup[]): number {
  return groups.reduce((sum, group) => sum + group.nodes.length, 0);
}
