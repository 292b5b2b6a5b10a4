import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest, formatList } from '../core/text/closest.ts';
import { resolveNow } from '../core/time.ts';
import { survivingClosedPipe } from './closed-pipe.ts';

/** Where a command writes and what it reads from its process; tests pass their own. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Whether stdout is a terminal that may receive colours. */
  readonly color: boolean;
}

/** The real process's streams and environment. */
export function processIo(): CommandIo {
  return {
    stdout: writerTo(process.stdout),
    stderr: writerTo(process.stderr),
    env: process.env,
    cwd: process.cwd(),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
  };
}

/** Writes to a stream until its reader goes away, then drops what follows (closed-pipe.ts). */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  const open = survivingClosedPipe(stream);
  return (text) => {
    if (open()) stream.write(text);
  };
}

/** A mistake in how a command was called: reported as one line plus usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Node's `parseArgs`, with an unknown or malformed option reported as a UsageError. An unknown
 * option is answered with the command's option it most resembles (`--dryrun`: did you mean
 * --dry-run?), else with the list of its options.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const unknown = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-[^']*)'/.exec((error as Error).message)?.[1] : undefined;
    if (unknown !== undefined) throw new UsageError(unknownOptionMessage(unknown, config));
    throw new UsageError((error as Error).message);
  }
}

/** `Unknown option '--dryrun'. Did you mean --dry-run?`, or the options there are. */
export function unknownOptionMessage(option: string, config: ParseArgsConfig): string {
  const options = Object.entries(config.options ?? {});
  const names = options.flatMap(([name, option]) => [
    `--${name}`,
    ...(option.short ? [`-${option.short}`] : []),
    ...(config.allowNegative && option.type === 'boolean' ? [`--no-${name}`] : []),
  ]);
  const written = option.split('=')[0] ?? option;
  const guess = closest(written.replace(/^-+/, ''), names.map((name) => name.replace(/^-+/, '')));
  const suggestion = guess === undefined ? undefined : names.find((name) => name.replace(/^-+/, '') === guess);
  const long = options.map(([name]) => `--${name}`);
  return `Unknown option '${written}'. ${suggestion ? `Did you mean ${suggestion}?` : `The options are ${formatList(long, 'and')}.`}`;
}

/** The instant a command measures against (`--now`, else SOURCE_DATE_EPOCH, else the clock); a bad value is a UsageError. */
export function commandNow(value: string | undefined, env: NodeJS.ProcessEnv): Date {
  try {
    return resolveNow(value, env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Parses a command's arguments the same way for every command: a UsageError is printed with the
 * command's usage (exit status 2), `--help` prints the usage (exit status 0). Returns the parsed
 * arguments, or the status to exit with.
 */
export function parseOrExplain<A extends { readonly help: boolean }>(
  parse: () => A,
  usage: string,
  io: CommandIo,
): { readonly args: Exclude<A, { readonly help: true }> } | { readonly status: number } {
  let args: A;
  try {
    args = parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n\n${usage}`);
    return { status: 2 };
  }
  if (args.help) {
    io.stdout(usage);
    return { status: 0 };
  }
  return { args: args as Exclude<A, { readonly help: true }> };
}
