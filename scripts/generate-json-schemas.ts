#!/usr/bin/env node
// `npm run schemas`: writes the JSON Schemas editors use to validate what authors type. See src/cli/schemas.ts.
import { processIo } from '../src/cli/io.ts';
import { runMain } from '../src/cli/run-main.ts';
import { schemasCommand } from '../src/cli/schemas.ts';

runMain(() => schemasCommand(process.argv.slice(2), processIo()));
