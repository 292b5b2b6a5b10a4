// @ts-check
import multiplane from './src/integration/index.ts';

// A plain object rather than `defineConfig` from 'astro/config': that module also loads Astro's
// SVG optimizer (svgo, some 350 modules), which this site never uses, on the path of every build.
/** @type {import('astro').AstroUserConfig} */
export default {
  integrations: [multiplane()],
};
