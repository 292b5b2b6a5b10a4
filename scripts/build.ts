#!/usr/bin/env node
// `npm run build`: checks the content, then builds the site into dist/. See src/cli/build.ts.
import { buildCommand } from '../src/cli/build.ts';
import { processIo } from '../src/cli/io.ts';
import { runMain } from '../src/cli/run-main.ts';

runMain(() => buildCommand(process.argv.slice(2), processIo()));
