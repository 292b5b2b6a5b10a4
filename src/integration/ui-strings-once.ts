import type { Plugin } from 'vite';
import { modulePatch } from './module-patch.ts';

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
  return modulePatch({
    name: 'multiplane:ui-strings-once',
    module: TRANSLATION_MODULE,
    owner: 'Starlight',
    file: 'src/integration/ui-strings-once.ts',
    what: 'makes its t()',
    places: [FOR_LANGUAGE, (code) => code.includes(FIXED_T)],
    patch: (code) =>
      `${code
        .replace(FOR_LANGUAGE, '\n$1const uiStringsByLanguage = new Map();\n$1return (lang) => {\n')
        .replace(FIXED_T, 'const t = uiStringsOnce(i18n.getFixedT(lang, i18nextNamespace), uiStringsByLanguage.get(lang) ?? uiStringsByLanguage.set(lang, new Map()).get(lang));')}\n${STRINGS_ONCE}\n`,
  });
}

/** Each language's strings, kept for the build; calls with options go to i18next every time. */
const STRINGS_ONCE = [
  'function uiStringsOnce(fixed, strings) {',
  '  return (key, options) => {',
  "    if (options !== undefined || typeof key !== 'string') return fixed(key, options);",
  '    let text = strings.get(key);',
  '    if (text === undefined) strings.set(key, (text = fixed(key)));',
  '    return text;',
  '  };',
  '}',
].join('\n');
