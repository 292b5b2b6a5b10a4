import { watch } from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent } from '../core/check/check-content.ts';
import { ContentStore } from '../core/content/content-store.ts';
import type { Finding } from '../core/findings/finding.ts';
import type { CommandIo } from './io.ts';

/** The line that starts each run; an editor's background task knows a run began from it. */
export const WATCH_BEGINS = '[multiplane] Checking';
/** The start of the line that ends each run, with the counts. */
export const WATCH_ENDS = '[multiplane] Done:';

/**
 * One finding on one line, as editors' problem matchers read it (the form compilers print):
 * `file:line:column: severity rule: message Fix: hint`. Notices are `info`, the word editors
 * know for them. `.vscode/tasks.json` holds the matcher for this form.
 */
export function formatProblemLine(finding: Finding): string {
  const severity = finding.severity === 'notice' ? 'info' : finding.severity;
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
  const field = finding.field ? ` (field ${finding.field})` : '';
  return `${finding.file}:${finding.line}:${finding.column ?? 1}: ${severity} ${finding.rule}: ${oneLine(finding.message)}${field} Fix: ${oneLine(finding.hint)}`;
}

export interface WatchOptions {
  readonly root: string;
  readonly contentDir?: string | undefined;
  /** The instant findings are measured against (review ages are counted in days, so a watch keeps the one it started with). */
  readonly now: Date;
  readonly io: CommandIo;
  /** Ends the watch; the returned promise then resolves. */
  readonly signal: AbortSignal;
  /** How long to wait after a change for the others of the same save. */
  readonly settleMs?: number;
}

/**
 * `npm run check -- --watch`: checks the content, prints every finding as a problem line (see
 * `formatProblemLine`), then checks again after every change under the content folder, until
 * stopped. Each run starts with a `[multiplane] Checking` line and ends with a `[multiplane] Done:`
 * line, so an editor's background task (VS Code's, in .vscode/tasks.json) replaces its problems
 * with each run's: a finding fixed in the file leaves the Problems panel at the next save. One
 * content store is kept across runs, so a run reads only the files that changed.
 */
export async function watchCheck(options: WatchOptions): Promise<number> {
  const folder = options.contentDir ?? 'content';
  const absolute = join(options.root, folder);
  const store = new ContentStore({ root: options.root, ...(options.contentDir ? { contentDir: options.contentDir } : {}) });
  const shown = relative(options.io.cwd, absolute) || '.';
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    options.io.stdout(`${WATCH_BEGINS} ${shown}/ …\n`);
    const model = await checkContent(
      { root: options.root, now: options.now, ...(options.contentDir ? { contentDir: options.contentDir } : {}), warn: (message) => options.io.stderr(`${message}\n`) },
      store,
    );
    for (const finding of model.findings) options.io.stdout(`${formatProblemLine(finding)}\n`);
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    options.io.stdout(`${WATCH_ENDS} ${count(model.errors, 'error')}, ${count(model.warnings, 'warning')}. Watching ${shown}/ for changes; Ctrl-C stops.\n`);
  };
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch((error: unknown) => options.io.stderr(`${WATCH_ENDS} the check failed: ${(error as Error).message}\n`))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  schedule();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(absolute, { recursive: true, signal: options.signal }, () => {
    clearTimeout(timer);
    timer = setTimeout(schedule, options.settleMs ?? 150);
  });
  watcher.on('error', (error) => {
    if ((error as NodeJS.ErrnoException).name !== 'AbortError') options.io.stderr(`Stopped watching ${shown}/: ${error.message}\n`);
  });
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  await running;
  return 0;
}

/** Runs the watch until Ctrl-C (or SIGTERM), then ends with status 0. */
export function watchUntilStopped(options: Omit<WatchOptions, 'signal'>): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return watchCheck({ ...options, signal: controller.signal }).finally(() => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  });
}
