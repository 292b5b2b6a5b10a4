import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredBase } from '../../src/site/base-url.ts';

const SRC = join(import.meta.dirname, '..', '..', 'src');

describe("the site's base path", () => {
  it('is / outside Vite, where import.meta.env does not exist', () => {
    expect(configuredBase()).toBe('/');
  });

  it('is read from import.meta.env one variable at a time, never as the whole object', () => {
    // Where code reads `import.meta.env` itself, Astro writes the build's environment variables
    // whose names the module mentions into the bundle; it then differs from one shell to the next,
    // and Astro's incremental build renders every page again (src/site/base-url.ts).
    const files = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[]).filter((path) => /\.(ts|mts|mjs|js|astro)$/.test(path));
    const readers = files.flatMap((path) =>
      readFileSync(join(SRC, path), 'utf8')
        .split('\n')
        .map((line, index) => ({ line: line.trim(), at: `${relative(SRC, join(SRC, path))}:${index + 1}` }))
        .filter(({ line }) => !/^(\*|\/\/|\/\*)/.test(line) && /import\.meta\.env(?!\.[A-Za-z_$][\w$]*)/.test(line))
        .map(({ at }) => at),
    );
    expect(files.length).toBeGreaterThan(100);
    expect(readers).toEqual([]);
  });
});
