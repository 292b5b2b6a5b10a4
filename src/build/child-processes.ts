import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

// The build's processes and how they end with it:
// - the Astro child (site-step.ts) is tracked here: a signal to the build is passed on to it and
//   the build waits for it to exit; if the build is killed outright (SIGKILL), the child notices
//   that its parent is gone and exits (watch-parent.ts).
// - Chromium (shared-browser.ts) is Playwright's: it runs in a process group of its own, which
//   Playwright's exit hook kills when the build exits through process.exit, as the handler below
//   does. After a SIGKILL no hook runs, but Chromium was started with --remote-debugging-pipe and
//   quits by itself once the pipe to the dead build closes (within a second or two).
// - Pagefind's and esbuild's service processes read their requests from a pipe and end when the
//   build does.

const INTERRUPTIONS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How long a child may take to stop on the signal before it is killed. */
const GRACE_MS = 5000;

const children = new Set<ChildProcess>();

/** Registers a child process for the interruption handler to stop; returns the child. */
export function trackChild<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/**
 * Node options that make a Node child process exit when the build that started it is gone. The
 * watch is TypeScript: the child must strip types (`--experimental-strip-types` on Node 22).
 */
export function watchParentArgs(): string[] {
  return ['--import', new URL('./watch-parent.ts', import.meta.url).href];
}

export interface InterruptionOptions {
  /** Removes what an unfinished build wrote; runs after every child has stopped. */
  readonly cleanup: () => void;
  readonly log: (text: string) => void;
}

/**
 * Until the returned function is called, SIGINT, SIGTERM and SIGHUP stop the build cleanly: the
 * signal is passed on to the tracked children, and once they have exited (or were killed after
 * a grace period) `cleanup` runs and the process exits with 128 + the signal's number, the
 * status a shell reports for a process the signal ended. A second signal stops at once.
 */
export function exitCleanlyOnSignals(options: InterruptionOptions): () => void {
  let stopping = false;
  const stop = (signal: (typeof INTERRUPTIONS)[number]) => {
    const status = 128 + constants.signals[signal];
    const finish = (): never => {
      try {
        options.cleanup();
      } finally {
        process.exit(status);
      }
    };
    if (stopping) {
      for (const child of children) child.kill('SIGKILL');
      return finish();
    }
    stopping = true;
    options.log(`\nBuild interrupted (${signal}): stopping its processes and removing the unfinished output.\n`);
    const running = [...children].filter((child) => child.exitCode === null && child.signalCode === null);
    if (running.length === 0) return finish();
    // Once the last child exited, finish at once: the code waiting on the child must not go on
    // to report its exit as a failed build.
    let left = running.length;
    for (const child of running) {
      child.once('exit', () => {
        if (--left === 0) finish();
      });
      child.kill(signal);
    }
    setTimeout(() => {
      for (const child of running) child.kill('SIGKILL');
    }, GRACE_MS).unref();
  };
  for (const signal of INTERRUPTIONS) process.on(signal, stop);
  return () => {
    for (const signal of INTERRUPTIONS) process.off(signal, stop);
  };
}
