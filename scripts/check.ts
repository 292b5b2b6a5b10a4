#!/usr/bin/env node
// `npm run check`: validates content/ and runs the governance rules. See src/cli/check.ts.
import { checkCommand } from '../src/cli/check.ts';
import { processIo } from '../src/cli/io.ts';
import { runMain } from '../src/cli/run-main.ts';

runMain(() => checkCommand(process.argv.slice(2), processIo()));
