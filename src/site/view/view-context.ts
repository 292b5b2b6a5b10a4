import type { ViewContext } from '../../core/collections/descriptor.ts';
import type { CheckReport } from '../../core/check/run-check.ts';

const contexts = new WeakMap<CheckReport, ViewContext>();

/** What collection descriptors' views read from a report, built once per report. */
export function viewContext(report: CheckReport): ViewContext {
  let context = contexts.get(report);
  if (!context) {
    context = { graph: report.graph, governance: report.content.governance, now: report.now, scores: new Map(report.scores.map((score) => [score.key, score])) };
    contexts.set(report, context);
  }
  return context;
}
