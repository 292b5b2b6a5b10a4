import { ContentStore } from '../core/content/content-store.ts';
import type { AnyEntry } from '../core/content/entry.ts';
import { readEntryBody } from '../core/content/entry-body.ts';
import { editionReport } from '../core/editions/edition-view.ts';
import type { PlatformModel } from '../core/model/build-model.ts';
import { resolveNow } from '../core/time.ts';
import { type SiteContext, type SiteState, publishSiteState } from '../site/site-state.ts';
import { PRIMARY_INDEX } from '../build/search-shards.ts';
import type { ResolvedOptions } from './options.ts';

/**
 * The model the site renders from, and where it comes from: the model `npm run build` handed over,
 * or a content store the integration reads itself (a direct `astro build`, and `astro dev`, where
 * it is read again, one changed file at a time, after every edit).
 */
export class LiveModel {
  readonly context: SiteContext;
  readonly #options: ResolvedOptions;
  readonly #store: ContentStore | undefined;
  #version = 0;
  #state: SiteState | undefined;

  constructor(root: string, options: ResolvedOptions, dev: boolean) {
    this.#options = options;
    this.context = { root, contentDir: options.contentDir, edition: options.edition, dev, searchIndexes: [PRIMARY_INDEX, ...options.mergedSearchIndexes] };
    this.#store = options.model ? undefined : new ContentStore({ root, contentDir: options.contentDir });
  }

  /** The state last published. */
  get state(): SiteState {
    if (!this.#state) throw new Error('The platform model has not been published yet.');
    return this.#state;
  }

  /**
   * Reads the content folder again (only changed files are parsed), rebuilds the model and
   * publishes it to the pages and content loaders. Returns the new state and what the loaders
   * answered (whether they changed Astro's content store).
   */
  async refresh(): Promise<{ state: SiteState; changes: unknown[] }> {
    const state = this.#stateOf(await this.#read());
    this.#state = state;
    return { state, changes: await publishSiteState(state) };
  }

  /** Publishes the first state (before Astro syncs its content): the model handed over, or the content as read now. */
  async publish(): Promise<SiteState> {
    this.#state = this.#stateOf(this.#options.model ?? (await this.#read()));
    await publishSiteState(this.#state);
    return this.#state;
  }

  async #read(): Promise<PlatformModel> {
    if (!this.#store) throw new Error('The model was given by the caller and cannot be read again.');
    // In the dev server "now" moves on with the clock, so a review falling due shows without a restart.
    const now = this.#options.now ?? resolveNow(undefined);
    // Loaded here, not with the module: a build's Astro process is handed its model and never
    // checks, and the check's modules (the secret scanner among them) are not its to load.
    const { checkContent } = await import('../core/check/check-content.ts');
    return checkContent({ root: this.context.root, contentDir: this.context.contentDir, now }, this.#store);
  }

  #stateOf(model: PlatformModel): SiteState {
    const report = editionReport(model, { edition: this.context.edition, includeDrafts: this.context.dev });
    // A model handed over comes from the build's plan, which leaves the bodies out.
    const { root, contentDir } = this.context;
    const bodyOf = this.#options.model ? (entry: AnyEntry) => readEntryBody(root, contentDir, entry) : (entry: AnyEntry) => entry.body;
    return { context: this.context, model, report, version: ++this.#version, bodyOf };
  }
}
