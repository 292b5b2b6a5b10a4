import context from 'virtual:multiplane/context';
import { runCheck } from '../core/check/run-check.ts';
import { type EditionReport, editionReport } from '../core/editions/edition-view.ts';

let report: EditionReport | undefined;

/**
 * Returns the report every page renders from: the check of the whole platform, narrowed to the
 * edition being built. Computed once per build process, with the instant fixed by the
 * integration, so every page shows the same findings.
 */
export function getReport(): EditionReport {
  report ??= editionReport(runCheck({ root: context.root, contentDir: context.contentDir, now: new Date(context.now) }), {
    edition: context.edition,
    includeDrafts: context.drafts,
  });
  return report;
}
