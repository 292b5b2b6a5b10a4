import type { TestProject } from 'vitest/node';
import { buildExampleSite } from '../helpers/built-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The example site, built once for every end-to-end test. */
    siteDir: string;
  }
}

export default function setup(project: TestProject) {
  const site = buildExampleSite();
  project.provide('siteDir', site.dir);
  return () => site.remove();
}
