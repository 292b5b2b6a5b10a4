import { join } from 'node:path';
import { ContentStore, type LoadedContent } from '../content/content-store.ts';
import { buildModel, type PlatformModel } from '../model/build-model.ts';
import { policyCheckCompiler } from '../policy-checks/policy-check-compiler.ts';
import type { CheckOptions } from './run-check.ts';
import { withDiagramFindings } from './with-diagram-findings.ts';
import { withSecretFindings } from './with-secrets.ts';
import { secretFilesAside } from '../secrets/secret-files-aside.ts';
import { contentSlug } from '../content/content-folder.ts';

export interface ContentCheckOptions extends CheckOptions {
  /** Told when a cache cannot be written or worker threads cannot be used; neither stops the check. */
  readonly warn?: (message: string) => void;
  /**
   * Told the content as soon as it is loaded, before the rules run: a build hands the entries to
   * Astro's process then, which rebuilds its graph of them while the rules run here. The check's
   * caches are then written once the model is answered (`checkContentAhead`), not before.
   */
  readonly onLoaded?: (content: LoadedContent) => void;
}

/**
 * Where a project keeps what the check can reuse between runs (body facts, diagram results), one
 * folder per content folder so that checking another folder does not evict the first one's.
 * Outside node_modules, which `npm ci` empties; CI caches `.cache/multiplane/`.
 */
export function checkCacheDir(root: string, contentDir?: string): string {
  return join(root, '.cache', 'multiplane', 'check', contentSlug(root, contentDir));
}

/**
 * The whole check, as `npm run check` and `npm run build` run it: the content loaded once (body
 * facts from the cache, or parsed in worker threads), every rule, then the steps that are
 * asynchronous: the secret scan over every file of the content folder and Mermaid's parser over
 * every diagram. Never throws on bad content.
 */
export async function checkContent(options: ContentCheckOptions, store = new ContentStore(options)): Promise<PlatformModel> {
  return (await checkContentAhead(options, store)).whole;
}

/** The check, with the model known before Mermaid's parser has read the diagrams (`checkContentAhead`). */
export interface CheckedAhead {
  /** The model with every finding but those of Mermaid's parser. */
  readonly ahead: PlatformModel;
  /** The whole model: `ahead`, with an error for every diagram Mermaid's parser refuses. */
  readonly whole: Promise<PlatformModel>;
}

/**
 * The check of `checkContent`, answering before Mermaid's parser is done with the diagrams: the
 * last step of a check without a cache, some 0.5 s at 3,000 entries, most of it loading Mermaid.
 * A build hands `ahead` to Astro's process meanwhile, and stops it if `whole` has an error more:
 * a model without errors is the same either way, since Mermaid's parser only adds errors.
 */
export async function checkContentAhead(options: ContentCheckOptions, store = new ContentStore(options)): Promise<CheckedAhead> {
  const cacheDir = checkCacheDir(options.root, options.contentDir);
  const scan = { root: options.root, ...(options.contentDir ? { contentDir: options.contentDir } : {}) };
  const read = secretFilesAside(scan);
  // The caches of body facts and frontmatter (at 10,000 entries, 0.1 s to write after a change):
  // a caller that hands the content on as soon as it is loaded (a build) has them written after
  // `ahead` is answered, when it has handed the model on too. Otherwise they are written at once,
  // beside the secret scan's reading of the files in its own thread.
  const saves: (() => void)[] = [];
  const content = await store.loadAsync({ cacheDir, warn: options.warn, ...(options.onLoaded ? { saveLater: (save: () => void) => saves.push(save) } : {}) });
  options.onLoaded?.(content);
  const model = buildModel(content, options.now, await policyCheckCompiler(content.entries));
  const ahead = await withSecretFindings(model, scan, read);
  const whole = (async () => {
    // Not before the caller has taken `ahead` and done what it does at once with it (a build
    // writes Astro's plan), whatever withDiagramFindings awaits.
    await new Promise((resolve) => setImmediate(resolve));
    for (const save of saves) save();
    return withDiagramFindings(ahead, { cacheDir, ...(options.warn ? { warn: options.warn } : {}) });
  })();
  return { ahead, whole };
}
