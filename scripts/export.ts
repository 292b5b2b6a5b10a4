#!/usr/bin/env node
// `npm run export -- <target> <dir>`: writes the checked content for another tool. See src/cli/export.ts.
import { exportCommand } from '../src/cli/export.ts';
import { processIo } from '../src/cli/io.ts';
import { runMain } from '../src/cli/run-main.ts';

runMain(() => exportCommand(process.argv.slice(2), processIo()));
