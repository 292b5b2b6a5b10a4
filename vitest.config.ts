import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit test files that replace a module with vi.mock, which needs a module graph of their own.
const ISOLATED = ['tests/core/policy-checks/compile-once.test.ts'];

// Tests of src/build that run whole builds and stop them: end to end, so they run with the others.
const BUILDS = ['tests/build/output-crash.test.ts', 'tests/build/build-interrupt.test.ts'];

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
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', ...ISOLATED, ...BUILDS],
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
          include: ISOLATED,
          testTimeout: 20_000,
        },
      },
      {
        // End-to-end tests share one build of the example site, made in global setup.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', ...BUILDS],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Builds share the project's content cache, so end-to-end files run one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
