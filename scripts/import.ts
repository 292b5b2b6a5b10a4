#!/usr/bin/env node
// `npm run import`: imports comply projects and Markdown trees into content/. See src/cli/import.ts.
import { importCommand } from '../src/cli/import.ts';
import { processIo } from '../src/cli/io.ts';
import { runMain } from '../src/cli/run-main.ts';

runMain(() => importCommand(process.argv.slice(2), processIo()));
