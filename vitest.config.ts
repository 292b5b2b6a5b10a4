import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable report (see .ci/run) to print its "N passed, N failed" line.
const report = process.env.MULTIPLANE_TEST_REPORT;

export default defineConfig({
  test: {
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          testTimeout: 20_000,
        },
      },
      {
        // End-to-end tests share one build of the example site, made in global setup.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
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
