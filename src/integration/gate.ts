import { formatHuman } from '../core/check/format-human.ts';
import type { PlatformModel } from '../core/model/build-model.ts';

/**
 * Stops a direct `astro build` when the content has errors, with the report `npm run check` would
 * print. (`npm run build` checks before Astro starts and hands over a model without errors.)
 */
export function gateOnCheck(report: PlatformModel): void {
  if (report.errors === 0) return;
  const error = new Error(
    `The content has ${report.errors} error${report.errors === 1 ? '' : 's'}; the build stopped.\n\n${formatHuman(report)}`,
  );
  // Astro prints a stack for plain errors; the report is the whole story here.
  error.stack = error.message;
  throw error;
}
