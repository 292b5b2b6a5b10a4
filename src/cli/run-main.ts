/**
 * Runs a command's main function and exits with its status. An unexpected failure is a bug in
 * Multiplane, not in the content: it is printed as one message with its cause chain and the
 * request to report it, and the stack only with DEBUG=multiplane (the `debug` package's convention).
 */
export function runMain(main: () => number | Promise<number>): void {
  Promise.resolve()
    .then(main)
    .then(
      (status) => {
        process.exitCode = status;
      },
      (error: unknown) => {
        const messages: string[] = [];
        for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
          messages.push(cause instanceof Error ? cause.message : String(cause));
          if (messages.length > 5) break;
        }
        process.stderr.write(`multiplane: ${messages.join('\n  caused by: ')}\n`);
        if (/\bmultiplane\b/.test(process.env.DEBUG ?? '')) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
        else process.stderr.write('Set DEBUG=multiplane for details.\n');
        process.exitCode = 2;
      },
    );
}
