import { createInterface } from 'node:readline';

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

/**
 * A prompter on a pair of streams, using `node:readline`. Lines that arrive before their question
 * (answers pasted all at once, or piped) are kept in order and answer the next questions, which
 * are then shown with the answer they took; `readline.question` would drop them.
 */
export function readlinePrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  const readline = createInterface({ input, output });
  const queued: string[] = [];
  let waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  let closed = false;
  readline.on('line', (line) => {
    if (waiting) {
      const { resolve } = waiting;
      waiting = undefined;
      resolve(line);
    } else {
      queued.push(line);
    }
  });
  readline.once('close', () => {
    closed = true;
    waiting?.reject(new InputEndedError());
    waiting = undefined;
  });
  return {
    async ask(question) {
      const ready = queued.shift();
      if (ready !== undefined) {
        output.write(`${question}${ready}\n`);
        return ready.trim();
      }
      if (closed) throw new InputEndedError();
      // Waiting starts before the prompt is shown: an answer may arrive while it is written.
      const answer = new Promise<string>((resolve, reject) => {
        waiting = { resolve, reject };
      });
      // The prompt goes through readline, which redraws it while the author edits the answer.
      readline.setPrompt(question);
      readline.prompt();
      return (await answer).trim();
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
