import type { Plugin } from 'vite';
import { modulePatch } from './module-patch.ts';

/** Where Starlight validates the frontmatter that `<StarlightPage>` is given. */
const STARLIGHT_PAGE_MODULE = /[\\/]@astrojs[\\/]starlight[\\/]dist[\\/]utils[\\/]starlight-page\.js$/;
/** The statement that builds the frontmatter schema, on every page. */
const SCHEMA_BUILT = /const schema = await (StarlightPageFrontmatterSchema\(.*\));\n/;

/**
 * A Vite plugin that makes `<StarlightPage>` build its frontmatter schema once per build instead of
 * once per page. Every page of the site is a `<StarlightPage>`, and building the schema (Starlight's
 * docs schema with the page's refinements; the same for every page, as it depends only on the
 * collection config) cost about 30 ms a page under zod 4: minutes at 10,000 entries. Each page's
 * frontmatter is still validated against it.
 */
export function pageSchemaOnce(): Plugin {
  return modulePatch({
    name: 'multiplane:page-schema-once',
    module: STARLIGHT_PAGE_MODULE,
    owner: 'Starlight',
    file: 'src/integration/page-schema-once.ts',
    what: 'builds the <StarlightPage> frontmatter schema',
    places: [SCHEMA_BUILT],
    patch: (code) => `let pageSchemaOnce;\n${code.replace(SCHEMA_BUILT, 'const schema = await (pageSchemaOnce ??= $1);\n')}`,
  });
}
