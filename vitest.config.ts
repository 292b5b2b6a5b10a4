import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit test files that replace a module with vi.mock, which needs a module graph of their own.
const ISOLATED = ['tests/core/policy-checks/compile-once.test.ts'];

// Tests of src/build that run whole builds and stop them: end to end, so they run with the others.
const BUILDS = ['tests/build/output-crash.test.ts', 'tests/build/build-interrupt.test.ts'];

// Test files that run builds, whole commands (the npm scripts), git, Pagefind, Chromium, built page
// code or the TypeScript compiler: the integration project. The unit project keeps the tests of
// code in-process, so that `npm run test:unit` answers in seconds.
const INTEGRATION = [
  'tests/cli/**/*.test.ts',
  'tests/git/**/*.test.ts',
  'tests/build/search-step.test.ts',
  'tests/build/early-search.test.ts',
  'tests/build/release-memory.test.ts',
  'tests/build/build-lock.test.ts',
  'tests/build/chromium-lifetime.test.ts',
  'tests/browser/headless-chromium.test.ts',
  'tests/diagrams/mermaid/mermaid-renderer.test.ts',
  'tests/importers/import-command.test.ts',
  'tests/typecheck.test.ts',
  'tests/core/history/governance-history.test.ts',
  'tests/integration/data-store-at-run-time.test.ts',
];

// End-to-end files that only read the shared example site (tests/e2e/global-setup.ts).
const SITE_READERS = ['tests/e2e/site.test.ts', 'tests/e2e/reader.test.ts', 'tests/e2e/metrics.test.ts', 'tests/e2e/whitepaper-pdf.test.ts'];

// Every project's scratch folder for helpers shared by files (tests/setup/scratch-root.ts).
const SCRATCH = 'tests/setup/scratch-root.ts';

// CI asks for a machine-readable report (see .ci/run) to print its "N passed, N failed" line.
const report = process.env.MULTIPLANE_TEST_REPORT;

export default defineConfig({
  test: {
    // Vitest leaves a core to its own process (one worker on two cores), which here sits idle while
    // workers run: with a worker per core the unit files run beside the end-to-end ones, which
    // spend much of their time waiting on browsers and child processes.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup: [SCRATCH],
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', ...ISOLATED, ...BUILDS, ...INTEGRATION],
          testTimeout: 20_000,
          // Files share one module graph per worker instead of importing the engine again for each
          // of them: most of a unit file's time was that import. Files that mock a module run
          // isolated, below.
          isolate: false,
        },
      },
      {
        test: {
          name: 'unit-isolated',
          globalSetup: [SCRATCH],
          include: ISOLATED,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          globalSetup: [SCRATCH],
          include: INTEGRATION,
          testTimeout: 60_000,
        },
      },
      {
        // End-to-end tests that read the example site, built once in global setup.
        test: {
          name: 'e2e',
          include: SITE_READERS,
          globalSetup: [SCRATCH, 'tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A browser's search on a busy machine takes seconds: Vitest's default 1 s for
          // `expect.poll` failed a search that showed "Searching for service..." at that second.
          expect: { poll: { timeout: 30_000 } },
        },
      },
      {
        // End-to-end tests that build sites of their own, each from its own content folder (with its
        // own work folders, src/build/site-step.ts), so they need no shared site and start at once,
        // beside the units and the shared site's build, then beside the browser tests.
        test: {
          name: 'e2e-builds',
          globalSetup: [SCRATCH],
          include: ['tests/e2e/**/*.test.ts', ...BUILDS],
          exclude: SITE_READERS,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
