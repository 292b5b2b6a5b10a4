import type { EditionReport } from '../core/editions/edition-view.ts';
import { siteState } from './site-state.ts';

/**
 * Returns the report every page renders from: the checked model narrowed to the edition being
 * built. Read at each render, never kept, so the dev server shows the model of the moment.
 */
export function getReport(): EditionReport {
  return siteState().report;
}
