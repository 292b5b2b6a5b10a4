#!/usr/bin/env node
// `npm run new -- <collection> <id>`: scaffolds a new entry. See src/cli/new-entry.ts.
import { newEntryCommand } from '../src/cli/new-entry.ts';
import { processIo } from '../src/cli/io.ts';
import { runMain } from '../src/cli/run-main.ts';
import { processTerminal } from '../src/scaffold/prompter.ts';

runMain(() => newEntryCommand(process.argv.slice(2), processIo(), processTerminal()));
