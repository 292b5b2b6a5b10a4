import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { allJsonSchemas } from '../core/schemas/json-schema.ts';
import { type CommandIo, parseCommandLine, parseOrExplain } from './io.ts';

export const SCHEMAS_USAGE = `Usage: npm run schemas [-- options]

Writes the JSON Schemas (draft-07) of every collection's frontmatter, platform.yaml and
governance.yaml to public/schemas/, from the schemas npm run check validates with. Editors use
them (see .vscode/settings.json); run it after changing a schema in src/core/schemas/.

Options:
  --check        Write nothing; exit with status 1 if a file is missing or out of date.
  --root <dir>   Project root (default: the current folder).
  -h, --help     Show this help.

Exit status: 0 when written (or up to date with --check), 1 when out of date, 2 on a usage error.
`;

interface SchemasArgs {
  readonly help: boolean;
  readonly check: boolean;
  readonly root: string;
}

function parseSchemasArgs(argv: readonly string[], io: CommandIo): SchemasArgs {
  const { values } = parseCommandLine({
    args: [...argv],
    options: {
      check: { type: 'boolean', default: false },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return { help: values.help, check: values.check, root: resolve(io.cwd, values.root ?? '.') };
}

/** Runs `npm run schemas` and returns the exit status. */
export function schemasCommand(argv: readonly string[], io: CommandIo): number {
  const parsed = parseOrExplain(() => parseSchemasArgs(argv, io), SCHEMAS_USAGE, io);
  if ('status' in parsed) return parsed.status;
  const folder = join(parsed.args.root, 'public', 'schemas');
  const shown = relative(io.cwd, folder) || '.';
  const files = Object.entries(allJsonSchemas()).map(([file, schema]) => ({ file, text: `${JSON.stringify(schema, null, 2)}\n` }));
  if (parsed.args.check) {
    const stale = files.filter(({ file, text }) => !existsSync(join(folder, file)) || readFileSync(join(folder, file), 'utf8') !== text);
    if (stale.length === 0) {
      io.stdout(`The ${files.length} JSON Schemas in ${shown}/ are up to date.\n`);
      return 0;
    }
    io.stderr(`${stale.length} JSON Schema${stale.length === 1 ? ' is' : 's are'} out of date in ${shown}/: ${stale.map(({ file }) => file).join(', ')}. Run npm run schemas to write them.\n`);
    return 1;
  }
  mkdirSync(folder, { recursive: true });
  for (const { file, text } of files) writeFileSync(join(folder, file), text);
  io.stdout(`Wrote ${files.length} JSON Schemas to ${shown}/.\n`);
  return 0;
}
