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
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
  };
}

/** A mistake in how a command was called: reported as one line plus usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
