import { createInterface } from 'node:readline/promises';

/** Asks the author questions one at a time; tests pass a scripted one. */
export interface Prompter {
  /** Shows the question and resolves with the answer, trimmed. Rejects when the input ends. */
  ask(question: string): Promise<string>;
  close(): void;
}

/** The input ended before every question was answered (Ctrl-D, or a closed pipe). */
export class InputEndedError extends Error {
  override readonly name = 'InputEndedError';
  constructor() {
    super('The input ended before the entry was complete; nothing was written.');
  }
}

/** A prompter on a pair of streams, using `node:readline/promises`. */
export function readlinePrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  const readline = createInterface({ input, output });
  // A pending question does not settle when the input ends, so the end is raced against it.
  let closed = false;
  const ended = new Promise<never>((_, reject) => {
    readline.once('close', () => {
      closed = true;
      reject(new InputEndedError());
    });
  });
  ended.catch(() => {});
  return {
    async ask(question) {
      if (closed) throw new InputEndedError();
      return (await Promise.race([readline.question(question), ended])).trim();
    },
    close: () => readline.close(),
  };
}

/** Whether the command may ask questions, and how. */
export interface Terminal {
  /** True when the standard input is a terminal a person types into. */
  readonly interactive: boolean;
  readonly openPrompter: () => Prompter;
}

/** The real process's terminal. */
export function processTerminal(): Terminal {
  return {
    interactive: Boolean(process.stdin.isTTY),
    openPrompter: () => readlinePrompter(process.stdin, process.stdout),
  };
}
