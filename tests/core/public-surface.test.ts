import { expect, it } from 'vitest';
import * as engine from '../../src/core/index.ts';

// The engine's entry point is what the CLI, the site and teams' own scripts import. A change to
// this list is a change to the public surface and should be deliberate.
it('exports the engine\'s public surface', () => {
  expect(Object.keys(engine).sort()).toMatchInlineSnapshot(`
    [
      "COLLECTIONS",
      "COLLECTION_NAMES",
      "DIAGNOSTICS",
      "GovernanceSchema",
      "LOOP_STEPS",
      "PLANES",
      "PLANE_DEFINITIONS",
      "RELATION_PAIRS",
      "RULES",
      "buildGraph",
      "collectionsOfPlane",
      "countByLevel",
      "entryIdFromPath",
      "findCycles",
      "formatAnnotation",
      "formatGithub",
      "formatHuman",
      "formatJson",
      "inverseOf",
      "loadContent",
      "loopClosures",
      "openLoops",
      "planeCompleteness",
      "relationLabel",
      "resolveNow",
      "runCheck",
      "runRules",
      "scoreServices",
      "scoresByOwner",
    ]
  `);
});
