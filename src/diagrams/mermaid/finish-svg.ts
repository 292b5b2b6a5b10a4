import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { scopeSvgIds } from './scope-svg-ids.ts';

/**
 * Returns the HTML of one rendered diagram, ready to inline in a page: ids unique to `diagramId`,
 * announced as one image named by the diagram's `accTitle` (else `accDescr`, else "Diagram"), and
 * scaling down with its container, as far as its text stays readable, while never growing past
 * its natural width.
 */
export function finishSvg(svg: Element, batchId: string, diagramId: string): string {
  const title = childText(svg, 'title');
  const description = childText(svg, 'desc');
  const properties = { ...svg.properties };
  // Mermaid's `graphics-document document` role exposes every shape to screen readers; one named
  // image is what a reader of documentation needs. Its role description is an internal name
  // (`flowchart-v2`) that would be read out instead of "image".
  properties['role'] = 'img';
  properties['ariaLabel'] = title || description || 'Diagram';
  delete properties['ariaLabelledBy'];
  delete properties['ariaRoleDescription'];
  // viewBox keeps the aspect ratio; without a fixed height the browser derives it from the width.
  properties['width'] = '100%';
  delete properties['height'];
  properties['style'] = responsiveStyle(properties['style'], properties['viewBox']);
  return scopeSvgIds(toHtml({ ...svg, properties }), batchId, diagramId);
}

/** The smallest scale at which Mermaid's 16 px labels still read at 11 px. */
const MIN_SCALE = 11 / 16;

function responsiveStyle(style: unknown, viewBox: unknown): string {
  const kept = String(style ?? '')
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => declaration && !/^(max-width|width|height)\s*:/i.test(declaration));
  const naturalWidth = Number(String(viewBox ?? '').trim().split(/[\s,]+/)[2]);
  // It shrinks with a narrow column only while its 16 px text stays at 11 px or more; below that
  // width its figure scrolls sideways instead (the print stylesheet lifts the floor for paper).
  const width = Number.isFinite(naturalWidth) && naturalWidth > 0 ? [`max-width: ${naturalWidth}px`, `min-width: ${Math.round(naturalWidth * MIN_SCALE)}px`] : [];
  return [...width, ...kept, 'height: auto'].join('; ');
}

function childText(svg: Element, tagName: string): string {
  const child = svg.children.find((node) => node.type === 'element' && node.tagName === tagName);
  return child ? textOf(child).trim() : '';
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
