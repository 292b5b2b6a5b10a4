import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformWith } from '../helpers/vite-transform.ts';
import { pageSchemaOnce } from '../../src/integration/page-schema-once.ts';

const STARLIGHT_PAGE = join(import.meta.dirname, '..', '..', 'node_modules', '@astrojs', 'starlight', 'dist', 'utils', 'starlight-page.js');

function transform(code: string, id: string): { code: string } | undefined {
  return transformWith(pageSchemaOnce(), code, id);
}

describe('the <StarlightPage> schema, built once', () => {
  it("applies to the installed Starlight: the schema is built on the first page and reused", () => {
    const result = transform(readFileSync(STARLIGHT_PAGE, 'utf8'), STARLIGHT_PAGE);
    expect(result?.code).toContain('const schema = await (pageSchemaOnce ??= StarlightPageFrontmatterSchema(');
    // Every page's frontmatter is still parsed against it.
    expect(result?.code).toMatch(/parseAsyncWithFriendlyErrors\(schema, frontmatter/);
  });

  it('leaves every other module alone', () => {
    expect(transform('const schema = await StarlightPageFrontmatterSchema({});\n', '/x/node_modules/@astrojs/starlight/dist/utils/other.js')).toBeUndefined();
  });

  it('fails the build, naming the file to update, when Starlight changes the module', () => {
    expect(() => transform('export {}', STARLIGHT_PAGE)).toThrow(/src\/integration\/page-schema-once\.ts/);
  });
});
