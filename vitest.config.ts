import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable report (see .ci/run) to print its "N passed, N failed" line.
const report = process.env.MULTIPLANE_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
