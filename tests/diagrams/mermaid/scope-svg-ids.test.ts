import { describe, expect, it } from 'vitest';
import { scopeSvgIds } from '../../../src/diagrams/mermaid/scope-svg-ids.ts';

describe('scopeSvgIds', () => {
  it('renames the batch id everywhere, but not inside a longer one', () => {
    const svg =
      '<svg id="m-1" aria-labelledby="chart-title-m-1"><title id="chart-title-m-1">T</title>' +
      '<style>#m-1 .node{fill:red}#m-10 .node{fill:blue}</style>' +
      '<marker id="m-1_arrow"></marker><path marker-end="url(#m-1_arrow)"></path></svg>';
    expect(scopeSvgIds(svg, 'm-1', 'mmd-abc')).toBe(
      '<svg id="mmd-abc" aria-labelledby="chart-title-mmd-abc"><title id="chart-title-mmd-abc">T</title>' +
        '<style>#mmd-abc .node{fill:red}#m-10 .node{fill:blue}</style>' +
        '<marker id="mmd-abc_arrow"></marker><path marker-end="url(#mmd-abc_arrow)"></path></svg>',
    );
  });

  it('prefixes ids Mermaid did not derive from the diagram, with their references', () => {
    const svg =
      '<svg id="m-0"><linearGradient id="linearGradient-4"></linearGradient>' +
      '<path stroke="url(#linearGradient-4)"></path><use href="#linearGradient-4"></use><g id="actor1"></g></svg>';
    expect(scopeSvgIds(svg, 'm-0', 'mmd-abc')).toBe(
      '<svg id="mmd-abc"><linearGradient id="mmd-abc-linearGradient-4"></linearGradient>' +
        '<path stroke="url(#mmd-abc-linearGradient-4)"></path><use href="#mmd-abc-linearGradient-4"></use>' +
        '<g id="mmd-abc-actor1"></g></svg>',
    );
  });
});
