import type { CheckReport } from './run-check.ts';

/** Formats a report as JSON for tools. The shape is versioned; fields are only ever added. */
export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(
    {
      version: 1,
      now: report.now.toISOString(),
      summary: {
        files: report.content.files,
        entries: report.graph.entries.size,
        errors: report.errors,
        warnings: report.warnings,
      },
      findings: report.findings,
      scorecards: report.scores.map((score) => ({
        service: score.key,
        level: score.level ?? null,
        // Not rated: a service of a lifecycle that earns no level (experimental, deprecated by default).
        rated: score.rated,
        lifecycle: score.lifecycle,
        expected: score.expected ?? null,
        levels: score.levels,
      })),
      completeness: report.completeness,
      openLoops: report.openLoops.map((entry) => entry.key),
    },
    null,
    2,
  )}\n`;
}
