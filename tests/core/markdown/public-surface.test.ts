import { expect, it } from 'vitest';
import * as markdown from '../../../src/core/markdown/index.ts';

// The checker, the rules, the importers and the diagram step import these; a change here should be deliberate.
it('exports the Markdown toolkit\'s public surface', () => {
  expect(Object.keys(markdown).sort()).toMatchInlineSnapshot(`
    [
      "NO_FACTS",
      "analyzeBodies",
      "analyzeBody",
      "destinationOf",
      "hasHeading",
      "mermaidSyntaxError",
      "mermaidSyntaxErrors",
      "parseMarkdown",
      "sectionHasContent",
      "shiftFacts",
    ]
  `);
});
