import { loadContent } from '../content/load-content.ts';
import { buildModel, type PlatformModel } from '../model/build-model.ts';
import { compilePolicyChecks } from '../policy-checks/compile-policy-checks.ts';

export interface CheckOptions {
  /** Project root; finding paths are relative to it. */
  readonly root: string;
  /** Content folder relative to the root. Defaults to `content`. */
  readonly contentDir?: string;
  /** The instant rules measure against (see `resolveNow`). */
  readonly now: Date;
}

/** Everything one run of the checker knows, for every output: terminal, JSON, annotations, site. */
export type CheckReport = PlatformModel;

/** Loads the content once, builds the graph and runs every rule. Never throws on bad content. */
export function runCheck(options: CheckOptions): CheckReport {
  return buildModel(loadContent({ root: options.root, ...(options.contentDir ? { contentDir: options.contentDir } : {}) }), options.now, compilePolicyChecks);
}
