import { escapeRegExp } from '../../core/text/escape-regexp.ts';

/**
 * Returns `svg` with every id made unique to one diagram. Mermaid names the diagram `batchId`
 * (like `mermaid-3`) and derives most other ids from it, also inside its `<style>` (`#mermaid-3
 * .node`) and marker references; those become `diagramId`. A few diagram types add ids of their
 * own (sequence's `actor0`, sankey's `linearGradient-4`) that would clash between two diagrams on a
 * page, so those are prefixed with `diagramId` along with their `url(#…)`, `href="#…"` and ARIA
 * references.
 */
export function scopeSvgIds(svg: string, batchId: string, diagramId: string): string {
  // Lookarounds keep `mermaid-1` from matching inside `mermaid-10` or `xmermaid-1`.
  const batchPattern = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(batchId)}(?![0-9])`, 'g');
  const renamed = svg.replace(batchPattern, diagramId);

  const foreign = new Map<string, string>();
  for (const [, id] of renamed.matchAll(/\sid="([^"]+)"/g)) {
    if (id !== undefined && !id.includes(diagramId)) foreign.set(id, `${diagramId}-${id}`);
  }
  if (foreign.size === 0) return renamed;

  const scoped = (id: string): string => foreign.get(id) ?? id;
  return renamed.replace(
    /(\sid=")([^"]+)"|url\(#([^)\s]+)\)|(\shref="|\sxlink:href=")#([^"]+)"|(\saria-(?:labelledby|describedby)=")([^"]+)"/g,
    (match, idAttr?: string, id?: string, urlId?: string, hrefAttr?: string, hrefId?: string, ariaAttr?: string, ariaIds?: string) => {
      if (idAttr && id) return `${idAttr}${scoped(id)}"`;
      if (urlId) return `url(#${scoped(urlId)})`;
      if (hrefAttr && hrefId) return `${hrefAttr}#${scoped(hrefId)}"`;
      if (ariaAttr && ariaIds) return `${ariaAttr}${ariaIds.split(/\s+/).map(scoped).join(' ')}"`;
      return match;
    },
  );
}
