import type { TestProject } from 'vitest/node';
import { buildExampleSite } from '../helpers/built-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The example site, built once for every end-to-end test. */
    siteDir: string;
  }
}

export default function setup(project: TestProject) {
  // Its search split as a platform of thousands of entries splits it (src/build/search-shards.ts):
  // the site pages' index and three of entries, which the search box searches as one.
  const site = buildExampleSite(['--search-index-entries', '30']);
  project.provide('siteDir', site.dir);
  return () => site.remove();
}
