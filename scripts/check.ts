#!/usr/bin/env node
// `npm run check`: validates content/ and runs the governance rules. See src/cli/check.ts.
import { join } from 'node:path';
import { useCompileCache } from '../src/cli/compile-cache.ts';

// Before the command's modules load, so that their compiled code comes from the cache.
useCompileCache(join(import.meta.dirname, '..'));
const [{ checkCommand }, { processIo }, { runMain }] = await Promise.all([import('../src/cli/check.ts'), import('../src/cli/io.ts'), import('../src/cli/run-main.ts')]);
runMain(() => checkCommand(process.argv.slice(2), processIo()));
