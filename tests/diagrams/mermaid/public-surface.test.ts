import { expect, it } from 'vitest';
import * as mermaid from '../../../src/diagrams/mermaid/index.ts';

// The build and the Astro integration import these; a change here should be deliberate.
it('exports the Mermaid renderer\'s public surface', () => {
  expect(Object.keys(mermaid).sort()).toMatchInlineSnapshot(`
    [
      "MERMAID_THEME",
      "createMermaidRenderer",
      "extractMermaidBlocks",
      "mermaidFigureHtml",
      "substituteDiagrams",
    ]
  `);
});
