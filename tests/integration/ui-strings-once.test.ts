import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformWith } from '../helpers/vite-transform.ts';
import { uiStringsOnce } from '../../src/integration/ui-strings-once.ts';

const TRANSLATIONS = join(import.meta.dirname, '..', '..', 'node_modules', '@astrojs', 'starlight', 'dist', 'utils', 'createTranslationSystem.js');

function transform(code: string, id: string): { code: string } | undefined {
  return transformWith(uiStringsOnce(), code, id);
}

// Starlight's translation system as it is written (createTranslationSystem.js), with an i18next that counts its lookups.
const SYSTEM = `
const i18nextNamespace = "starlight";
function createTranslationSystem(i18n) {
	return (lang) => {
		lang ??= "en";
		const t = i18n.getFixedT(lang, i18nextNamespace);
		t.dir = () => "ltr";
		return t;
	};
}`;

describe("Starlight's UI strings, looked up once", () => {
  it('applies to the installed Starlight', () => {
    const result = transform(readFileSync(TRANSLATIONS, 'utf8'), TRANSLATIONS);
    expect(result?.code).toContain('const t = uiStringsOnce(i18n.getFixedT(lang, i18nextNamespace)');
    expect(result?.code).toContain('const uiStringsByLanguage = new Map();');
  });

  it('looks each string up once per language, and passes calls with options through', () => {
    const lookups: string[] = [];
    const i18n = {
      getFixedT: (lang: string) => (key: string, options?: { count: number }) => {
        lookups.push(`${lang}:${key}${options ? `:${options.count}` : ''}`);
        return options ? `${key} ×${options.count}` : `${lang} ${key}`;
      },
    };
    const system = new Function(`${transform(SYSTEM, TRANSLATIONS)!.code}\nreturn createTranslationSystem;`)() as (i18n: unknown) => (lang?: string) => ((key: string, options?: { count: number }) => string) & { dir: () => string };
    const useTranslations = system(i18n);
    // Two pages, each with its own t().
    for (let page = 0; page < 2; page++) {
      const t = useTranslations('en');
      expect(t('search.label')).toBe('en search.label');
      expect(t('skipLink.label')).toBe('en skipLink.label');
      expect(t('page.results', { count: page })).toBe(`page.results ×${page}`);
      expect(t.dir()).toBe('ltr');
    }
    expect(useTranslations('fr')('search.label')).toBe('fr search.label');
    expect(lookups).toEqual(['en:search.label', 'en:skipLink.label', 'en:page.results:0', 'en:page.results:1', 'fr:search.label']);
  });

  it('leaves every other module alone', () => {
    expect(transform(SYSTEM, '/x/node_modules/@astrojs/starlight/dist/utils/other.js')).toBeUndefined();
  });

  it('fails the build, naming the file to update, when Starlight changes the module', () => {
    expect(() => transform('export {}', TRANSLATIONS)).toThrow(/src\/integration\/ui-strings-once\.ts/);
  });
});
