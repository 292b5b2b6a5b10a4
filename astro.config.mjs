// @ts-check
import { defineConfig } from 'astro/config';
import multiplane from './src/integration/index.ts';

export default defineConfig({
  integrations: [multiplane()],
});
