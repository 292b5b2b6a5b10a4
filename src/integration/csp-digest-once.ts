import type { Plugin } from 'vite';
import { modulePatch } from './module-patch.ts';

/** Where Astro renders a page and hashes its styles and scripts for the Content-Security-Policy. */
const FETCH_STATE_MODULE = /[\\/]astro[\\/]dist[\\/]core[\\/]fetch[\\/]fetch-state\.js$/;
/** The two calls, one per style and one per script of the page, on every page. */
const DIGESTS = /await generateCspDigest\((style|script)\.children, cspAlgorithm\)/g;

/**
 * A Vite plugin that makes Astro hash each of a route's styles and scripts once per build instead
 * of once per page. Astro hashes every inline style and script of a page for its policy as it
 * renders the page; a route's are the same text on each of its pages (Starlight's and the site's
 * styles, a few kilobytes), and hashing them again took 0.75 s of Astro's one thread at 3,000
 * entries. Each distinct text is still hashed, with the page's algorithm.
 */
export function cspDigestOnce(): Plugin {
  return modulePatch({
    name: 'multiplane:csp-digest-once',
    module: FETCH_STATE_MODULE,
    owner: 'Astro',
    file: 'src/integration/csp-digest-once.ts',
    what: "hashes a page's styles and scripts",
    places: [(code) => code.match(DIGESTS)?.length === 2],
    patch: (code) => `${code.replace(DIGESTS, 'await cspDigestOnce($1.children, cspAlgorithm)')}\n${DIGEST_ONCE}\n`,
  });
}

/** The digests, kept by algorithm and text for the build. */
const DIGEST_ONCE = [
  'const cspDigestsOnce = new Map();',
  'function cspDigestOnce(text, algorithm) {',
  '  const key = `${algorithm}\\0${text}`;',
  '  let digest = cspDigestsOnce.get(key);',
  '  if (digest === undefined) cspDigestsOnce.set(key, (digest = generateCspDigest(text, algorithm)));',
  '  return digest;',
  '}',
].join('\n');
