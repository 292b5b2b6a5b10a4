import type { CheckReport } from '../core/check/run-check.ts';
import { entryRelations } from './view/relations.ts';
import { siteMetrics } from './view/metrics.ts';
import { windowJson } from './view/metrics-json.ts';

/**
 * The machine-readable catalog: every entry with its fields, its relations in both directions and
 * its findings, plus the platform's scorecards and open loops. Versioned; fields are only added.
 */
export function buildCatalog(report: CheckReport, href: (key: string) => string) {
  const findings = new Map<string, unknown[]>();
  for (const finding of report.findings) {
    if (!finding.entry) continue;
    const list = findings.get(finding.entry) ?? [];
    list.push({ rule: finding.rule, severity: finding.severity, message: finding.message, hint: finding.hint, line: finding.line, field: finding.field });
    findings.set(finding.entry, list);
  }
  const scores = new Map(report.scores.map((score) => [score.key, score.level ?? null]));
  // Delivery metrics over the window for services and service owners; metrics.json has the trends.
  const metrics = siteMetrics(report);
  const metricsOf = (key: string) => windowJson(metrics.services.get(key) ?? metrics.owners.get(key));
  const group = (groups: ReturnType<typeof entryRelations>['outgoing']) =>
    Object.fromEntries(groups.map((relation) => [relation.relation, relation.keys]));
  return {
    version: 1,
    generated: report.now.toISOString(),
    platform: report.graph.platform?.data ?? null,
    summary: { entries: report.graph.entries.size, errors: report.errors, warnings: report.warnings },
    entries: [...report.graph.entries.values()]
      .filter((entry) => entry.collection !== 'platform')
      .map((entry) => {
        const relations = entryRelations(report.graph, entry.key);
        return {
          key: entry.key,
          collection: entry.collection,
          id: entry.id,
          title: entry.title,
          url: href(entry.key),
          file: entry.file,
          fields: entry.data,
          relations: group(relations.outgoing),
          backlinks: group(relations.incoming),
          findings: findings.get(entry.key) ?? [],
          ...(scores.has(entry.key) ? { level: scores.get(entry.key) } : {}),
          ...(metricsOf(entry.key) ? { metrics: metricsOf(entry.key) } : {}),
        };
      }),
    openLoops: report.openLoops.map((entry) => entry.key),
    metrics: windowJson(metrics.platform),
  };
}
