import { expect, it } from 'vitest';
import * as mermaid from '../../../src/diagrams/mermaid/index.ts';

// The build and the Astro integration import these; a change here should be deliberate.
it('exports the Mermaid renderer\'s public surface', () => {
  expect(Object.keys(mermaid).sort()).toMatchInlineSnapshot(`
    [
      "CHROMIUM_ENV_VARS",
      "LAUNCH_ARGS",
      "MERMAID_THEME",
      "MissingBrowserError",
      "SYSTEM_CHROMIUM_PATHS",
      "createMermaidRenderer",
      "createSharedBrowser",
      "extractMermaidBlocks",
      "findChromium",
      "substituteDiagrams",
    ]
  `);
});
