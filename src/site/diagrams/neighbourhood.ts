import type { Plane } from '../../core/schemas/shared.ts';
import { escapeXml, fitText, pluralKind, r, wrapText } from './svg.ts';

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
const GAP = 8;
const LABEL_H = 20;
const WIDTH = 760;
const CENTER_W = 220;
// Titles take up to two lines at 13 px; the kind line above them is 12 px.
const TITLE_PX = 13;
const TITLE_LINES = 2;
const LINE_H = 16;
const TOP = 31;

interface Placed {
  readonly node?: DiagramNode;
  readonly lines?: readonly string[];
  readonly label?: string;
  readonly more?: string;
  readonly y: number;
  readonly height: number;
}

/**
 * Lays out an entry's neighbourhood as SVG in TypeScript: the entry in the middle, backlinks on
 * the left and references on the right, grouped by relation. No browser is involved, so
 * thousands of entries cost thousands of string concatenations, not thousands of page loads.
 * Colours come from CSS classes, so the diagram follows the light and dark themes.
 *
 * A title takes two lines before it is shortened, and titles that would still read alike (two
 * releases of one service) keep their ends instead of their beginnings, so no two boxes look
 * the same. What does not fit is counted by kind: "+ 7 more deployments".
 */
export function neighbourhoodSvg(input: NeighbourhoodInput): string {
  const max = input.maxPerSide ?? 8;
  const lines = titleLines([...shown(input.incoming, max), ...shown(input.outgoing, max)], input.center);
  const left = place(input.incoming, max, lines);
  const right = place(input.outgoing, max, lines);
  const centerLines = lines.get(input.center) ?? [input.center.title];
  const centerH = nodeHeight(centerLines);
  const contentHeight = Math.max(left.height, right.height, centerH + 20);
  const height = contentHeight + 20;
  const centerY = height / 2 - centerH / 2;
  const centerX = WIDTH / 2 - CENTER_W / 2;
  const parts: string[] = [];
  const total = countNodes(input.incoming) + countNodes(input.outgoing);
  const title = `${input.center.title} and its ${total} related ${total === 1 ? 'entry' : 'entries'}`;

  const edge = (fromX: number, fromY: number, toX: number, toY: number) => {
    const mid = (fromX + toX) / 2;
    parts.push(`<path class="mp-edge" d="M${r(fromX)} ${r(fromY)}C${r(mid)} ${r(fromY)} ${r(mid)} ${r(toY)} ${r(toX)} ${r(toY)}"/>`);
  };
  for (const item of left.items) if (item.node) edge(10 + NODE_W, item.y + 10 + item.height / 2, centerX, centerY + centerH / 2);
  for (const item of right.items) if (item.node) edge(centerX + CENTER_W, centerY + centerH / 2, WIDTH - 10 - NODE_W, item.y + 10 + item.height / 2);

  const drawSide = (items: readonly Placed[], x: number, anchor: 'start' | 'end') => {
    for (const item of items) {
      const y = item.y + 10;
      if (item.label) {
        const tx = anchor === 'start' ? x : x + NODE_W;
        parts.push(`<text class="mp-relation" x="${r(tx)}" y="${r(y + 14)}" text-anchor="${anchor}">${escapeXml(fitText(item.label, NODE_W, 7.4))}</text>`);
      } else if (item.more) {
        parts.push(`<text class="mp-more" x="${r(x + NODE_W / 2)}" y="${r(y + 14)}" text-anchor="middle">${escapeXml(item.more)}</text>`);
      } else if (item.node) {
        parts.push(nodeSvg(item.node, item.lines ?? [item.node.title], x, y, NODE_W));
      }
    }
  };
  drawSide(left.items, 10, 'start');
  drawSide(right.items, WIDTH - 10 - NODE_W, 'end');
  parts.push(nodeSvg(input.center, centerLines, centerX, centerY, CENTER_W, true));
  if (left.items.length === 0 && right.items.length === 0) {
    parts.push(`<text class="mp-more" x="${WIDTH / 2}" y="${r(centerY + centerH + 18)}" text-anchor="middle">No relations yet</text>`);
  }

  return (
    `<svg class="mp-diagram mp-neighbourhood" viewBox="0 0 ${WIDTH} ${r(height)}" width="${WIDTH}" height="${r(height)}" role="group" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>${parts.join('')}</svg>`
  );
}

function nodeHeight(lines: readonly string[]): number {
  return TOP + LINE_H * (lines.length - 1) + 9;
}

// Nodes are positioned by one transform, so their rectangle and text keep fixed, short
// coordinates: a hub's diagram is written into every page of its neighbours, and bytes count.
function nodeSvg(node: DiagramNode, lines: readonly string[], x: number, y: number, width: number, center = false): string {
  const title = lines.map((line, index) => (index === 0 ? escapeXml(line) : `<tspan x="10" dy="${LINE_H}">${escapeXml(line)}</tspan>`)).join('');
  return (
    `<a href="${escapeXml(node.href)}" class="mp-node mp-plane-${node.plane}${center ? ' mp-center' : ''}" transform="translate(${r(x)} ${r(y)})">` +
    `<rect width="${width}" height="${nodeHeight(lines)}" rx="6"/>` +
    `<text x="10" y="14" class="mp-kind">${escapeXml(node.kind)}</text>` +
    `<text x="10" y="${TOP}" class="mp-title">${title}</text></a>`
  );
}

/**
 * The lines of each drawn node's title. Titles are cut at their end; where two cut titles would
 * read the same, those titles are cut in the middle instead, keeping what tells them apart.
 */
function titleLines(neighbours: readonly DiagramNode[], center: DiagramNode): Map<DiagramNode, string[]> {
  const nodes = [...neighbours, center];
  const width = (node: DiagramNode) => (node === center ? CENTER_W : NODE_W) - 20;
  // 0.56 of the size per glyph on average, rounded up: titles are bold.
  const charPx = TITLE_PX * 0.58;
  const result = new Map(nodes.map((node) => [node, wrapText(node.title, width(node), charPx, TITLE_LINES)]));
  const seen = new Map<string, DiagramNode[]>();
  for (const [node, lines] of result) {
    const text = lines.join(' ');
    seen.set(text, [...(seen.get(text) ?? []), node]);
  }
  for (const [, alike] of seen) {
    if (alike.length < 2 || new Set(alike.map((node) => node.title)).size < 2) continue;
    for (const node of alike) result.set(node, wrapText(node.title, width(node), charPx, TITLE_LINES, true));
  }
  return result;
}

/** The nodes a side draws, within its budget. */
function shown(groups: readonly DiagramGroup[], max: number): DiagramNode[] {
  const nodes: DiagramNode[] = [];
  for (const group of groups) {
    if (nodes.length >= max) break;
    nodes.push(...group.nodes.slice(0, max - nodes.length));
  }
  return nodes;
}

function place(groups: readonly DiagramGroup[], max: number, lines: ReadonlyMap<DiagramNode, readonly string[]>): { items: Placed[]; height: number } {
  const items: Placed[] = [];
  let y = 0;
  let budget = max;
  let labelled = 0;
  for (const group of groups) {
    if (budget <= 0) break;
    labelled++;
    items.push({ label: group.label, y, height: LABEL_H });
    y += LABEL_H;
    const visible = group.nodes.slice(0, budget);
    for (const node of visible) {
      const nodeLines = lines.get(node) ?? [node.title];
      const height = nodeHeight(nodeLines);
      items.push({ node, lines: nodeLines, y, height });
      y += height + GAP;
    }
    budget -= visible.length;
    if (group.nodes.length > visible.length) {
      items.push({ more: more(group.nodes.slice(visible.length)), y, height: LABEL_H });
      y += LABEL_H;
    }
  }
  const hidden = groups.slice(labelled).flatMap((group) => group.nodes);
  if (hidden.length > 0) {
    items.push({ more: more(hidden), y, height: LABEL_H });
    y += LABEL_H;
  }
  return { items, height: y };
}

/** "+ 7 more deployments", or "+ 7 more entries" when their kinds differ. */
function more(nodes: readonly DiagramNode[]): string {
  const kinds = new Set(nodes.map((node) => node.kind));
  const [kind] = kinds;
  const noun = kinds.size === 1 && kind ? (nodes.length === 1 ? kind.toLowerCase() : pluralKind(kind)) : nodes.length === 1 ? 'entry' : 'entries';
  return `+ ${nodes.length} more ${noun}`;
}

function countNodes(groups: readonly DiagramGroup[]): number {
  return groups.reduce((sum, group) => sum + group.nodes.length, 0);
}
