/**
 * Runs a command's main function and exits with its status. An unexpected failure is a bug in
 * Multiplane, not in the content: it is printed as one message with its cause chain and the
 * request to report it, and the stack only with MULTIPLANE_DEBUG=1.
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
        if (process.env.MULTIPLANE_DEBUG === '1') process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
        else process.stderr.write('Set MULTIPLANE_DEBUG=1 for details.\n');
        process.exitCode = 2;
      },
    );
}
