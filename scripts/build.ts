#!/usr/bin/env node
// `npm run build`: checks the content, then builds the site into dist/. See src/cli/build.ts.
import { join } from 'node:path';
import { useCompileCache } from '../src/cli/compile-cache.ts';

// Before the command's modules load, so that their compiled code comes from the cache.
useCompileCache(join(import.meta.dirname, '..'));
// Astro's process starts first, and loads Astro while this one loads the build's modules.
const { startAstroForArgs } = await import('../src/build/astro-process-start.ts');
const early = startAstroForArgs(process.argv.slice(2), process.cwd(), process.env);
const [{ buildCommand }, { processIo }, { runMain }] = await Promise.all([import('../src/cli/build.ts'), import('../src/cli/io.ts'), import('../src/cli/run-main.ts')]);
runMain(() => buildCommand(process.argv.slice(2), processIo(), early));
