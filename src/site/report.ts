import context from 'virtual:multiplane/context';
import { type CheckReport, runCheck } from '../core/check/run-check.ts';

let report: CheckReport | undefined;

/**
 * Returns the check report every page renders from, computed once per build process with the
 * instant fixed by the integration, so every page shows the same findings.
 */
export function getReport(): CheckReport {
  report ??= runCheck({ root: context.root, contentDir: context.contentDir, now: new Date(context.now) });
  return report;
}
