import type { Plugin } from 'vite';

/** What every page of one build agrees on: where the project is and the instant of the check. */
export interface SiteContext {
  readonly root: string;
  readonly contentDir: string;
  /** ISO instant the rules measure against, fixed once per build so every page agrees. */
  readonly now: string;
  /** Which edition the build publishes. */
  readonly edition: 'internal' | 'public';
  /** Whether drafts are shown (only in `astro dev`). */
  readonly drafts: boolean;
}

const ID = 'virtual:multiplane/context';
const RESOLVED = `\0${ID}`;

/** A Vite plugin serving the build's context as `virtual:multiplane/context`. */
export function contextModule(context: SiteContext): Plugin {
  return {
    name: 'multiplane:context',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(context)};` : undefined),
  };
}
