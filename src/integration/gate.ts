import { formatHuman } from '../core/check/format-human.ts';
import { runCheck } from '../core/check/run-check.ts';
import { withSecretFindings } from '../core/check/with-secrets.ts';
import { contentDir } from './paths.ts';

/** Runs the checker and stops the build with the report when the content has errors. */
export async function gateOnCheck(root: string, now: Date): Promise<void> {
  const report = await withSecretFindings(runCheck({ root, contentDir: contentDir(), now }));
  if (report.errors === 0) return;
  const error = new Error(
    `The content has ${report.errors} error${report.errors === 1 ? '' : 's'}; the build stopped.\n\n${formatHuman(report)}`,
  );
  // Astro prints a stack for plain errors; the report is the whole story here.
  error.stack = error.message;
  throw error;
}
