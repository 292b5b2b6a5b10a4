import type { Plugin } from 'vite';

/** Where Starlight makes the `t()` every page and component asks for its UI strings. */
const TRANSLATION_MODULE = /[\\/]@astrojs[\\/]starlight[\\/]dist[\\/]utils[\\/]createTranslationSystem\.js$/;
/** Starlight's function that returns a language's `t()`, made once per build. */
const FOR_LANGUAGE = /\n(\t*)return \(lang\) => \{\n/;
/** The `t()` made for each page: i18next's, fixed to the page's language. */
const FIXED_T = 'const t = i18n.getFixedT(lang, i18nextNamespace);';

/**
 * A Vite plugin that makes Starlight look up each of its UI strings ("Skip to content", "Search",
 * "On this page") once per language and build instead of once per use. Every page gets a new
 * `t()` from i18next and asks it for the same few dozen strings; i18next resolves each again
 * (0.6 s of Astro's one thread at 3,000 entries). A call with options (interpolation, plurals)
 * still goes to i18next every time; `t.all()`, `t.exists()` and `t.dir()` are Starlight's as before.
 */
export function uiStringsOnce(): Plugin {
  return {
    name: 'multiplane:ui-strings-once',
    transform(code, id) {
      if (!TRANSLATION_MODULE.test(id.split('?')[0] ?? id)) return undefined;
      if (!FOR_LANGUAGE.test(code) || !code.includes(FIXED_T)) {
        this.error("Starlight no longer makes its t() as src/integration/ui-strings-once.ts expects; update it.");
      }
      const once = [
        'function uiStringsOnce(fixed, strings) {',
        '  return (key, options) => {',
        "    if (options !== undefined || typeof key !== 'string') return fixed(key, options);",
        '    let text = strings.get(key);',
        '    if (text === undefined) strings.set(key, (text = fixed(key)));',
        '    return text;',
        '  };',
        '}',
      ].join('\n');
      const patched = code
        .replace(FOR_LANGUAGE, '\n$1const uiStringsByLanguage = new Map();\n$1return (lang) => {\n')
        .replace(FIXED_T, 'const t = uiStringsOnce(i18n.getFixedT(lang, i18nextNamespace), uiStringsByLanguage.get(lang) ?? uiStringsByLanguage.set(lang, new Map()).get(lang));');
      return { code: `${patched}\n${once}\n`, map: null };
    },
  };
}
