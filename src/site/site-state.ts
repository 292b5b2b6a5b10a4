import type { EditionReport } from '../core/editions/edition-view.ts';
import type { AnyEntry } from '../core/content/entry.ts';
import type { PlatformModel } from '../core/model/build-model.ts';

/** What every page of one build, or of the dev server at one moment, agrees on. */
export interface SiteContext {
  readonly root: string;
  /** The content folder, relative to the root. */
  readonly contentDir: string;
  /** Which edition is published. */
  readonly edition: 'internal' | 'public';
  /** True in `astro dev`: drafts are shown and content errors are overlaid on the page. */
  readonly dev: boolean;
  /** The search index folders the build writes (src/build/search-shards.ts): entry pages are rendered index by index. */
  readonly searchIndexes: readonly string[];
}

/** The model the site renders from, as published by the integration. */
export interface SiteState {
  readonly context: SiteContext;
  /** The whole platform, as checked. */
  readonly model: PlatformModel;
  /** The model narrowed to the edition (and, outside `astro dev`, without drafts). */
  readonly report: EditionReport;
  /** Grows by one each time the dev server republishes the model after a change. */
  readonly version: number;
  /**
   * An entry's Markdown body: the entry's own, or, when the model was handed over without bodies
   * (`npm run build`), read again from its file, which must be the one the check read.
   */
  readonly bodyOf: (entry: AnyEntry) => string;
}

type Listener = (state: SiteState) => Promise<unknown> | unknown;

interface Holder {
  state: SiteState | undefined;
  readonly listeners: Map<string, Listener>;
}

// The integration runs in Node; pages and content loaders run in modules that Vite loads
// separately (the dev server's module runner, the build's prerender bundle), in the same
// process. A module-level variable would exist once per module instance, so the state lives on
// globalThis under a registered symbol, which every instance of this module finds.
const KEY = Symbol.for('multiplane.site-state');

function holder(): Holder {
  const scope = globalThis as typeof globalThis & { [KEY]?: Holder };
  scope[KEY] ??= { state: undefined, listeners: new Map() };
  return scope[KEY];
}

/**
 * Publishes a new state and waits for every listener (the content loaders re-rendering changed
 * entries). Returns their results, so the caller can tell whether any of them changed anything.
 */
export async function publishSiteState(state: SiteState): Promise<unknown[]> {
  const shared = holder();
  shared.state = state;
  return Promise.all([...shared.listeners.values()].map((listener) => listener(state)));
}

/** Returns the state pages render from; throws when the integration has not published one. */
export function siteState(): SiteState {
  const state = holder().state;
  if (!state) {
    throw new Error(
      'The Multiplane platform model is not loaded. Pages are rendered only through the Multiplane integration: keep multiplane() in astro.config.mjs and build with npm run build.',
    );
  }
  return state;
}

/**
 * Calls `listener` on every state published from now on. One listener per name: a content
 * loader that Astro runs again replaces its earlier listener instead of adding a second one.
 */
export function onSiteState(name: string, listener: Listener): void {
  holder().listeners.set(name, listener);
}

/** Stops calling the listener of that name: a loader whose store and folders are gone (a test's). */
export function offSiteState(name: string): void {
  holder().listeners.delete(name);
}
