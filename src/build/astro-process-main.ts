// The entry point of the Astro process `npm run build` starts (see src/build/site-step.ts). It
// starts with the build and reads lines from its standard input: `load` loads Astro and the
// project's modules (sent at once, so that they load beside the check; see src/cli/build.ts),
// `prelink <folder>` links the kept pages into the build's folder (also beside the check),
// `entries <file>` revives the model's entries while the rules run, and the next line is the path
// of its build plan. An input that ends without a plan (the content has errors, or the build
// stopped) ends it; a build that stops while Astro builds ends it with a signal.
import { writeSync } from 'node:fs';
import { survivingClosedPipe } from '../cli/closed-pipe.ts';
import { BUILT } from './astro-process-start.ts';
import { type EarlyPrelink, startPrelink } from './prelinked-pages.ts';
import type { EntriesAhead, LoadedAstro } from './astro-process.ts';

// Astro logs to the build's own output (inherited): a reader that goes away must not end the build.
survivingClosedPipe(process.stdout);
survivingClosedPipe(process.stderr);

const [root, keptPages] = process.argv.slice(2);
if (!root) {
  process.stderr.write("Usage: astro-process-main.ts <project folder> [<Astro's kept pages>], then `load` and the build plan's path on standard input\n");
  process.exit(2);
}
// Imported when told to load: the module brings Multiplane's integration, Starlight and Astro.
const astroProcess = () => import('./astro-process.ts');

let loading: Promise<LoadedAstro> | undefined;
const load = (): Promise<LoadedAstro> => {
  if (!loading) {
    loading = astroProcess().then(({ loadAstro }) => loadAstro(root));
    // A failure to load is reported once there is a build to report it to.
    loading.catch(() => {});
  }
  return loading;
};

// The kept pages linked into the build's folder ahead of the plan, when told to.
let prelinked: EarlyPrelink | undefined;
// The model's entries, revived ahead of the plan, when handed over.
let entriesAhead: EntriesAhead | undefined;

readLines(process.stdin, (line) => {
  if (line === 'load') {
    void load();
    return false;
  }
  if (line.startsWith('prelink ') && keptPages) {
    prelinked = startPrelink(keptPages, line.slice('prelink '.length));
    return false;
  }
  if (line.startsWith('entries ')) {
    const file = line.slice('entries '.length);
    entriesAhead = { file, revived: astroProcess().then(({ reviveEntriesAhead }) => reviveEntriesAhead(file)) };
    // Observed by the build, if a plan comes.
    entriesAhead.revived.catch(() => {});
    return false;
  }
  build(line);
  return true;
}, () => {
  // No plan will come (the check failed, or the build stopped). Exiting in the middle of loading
  // Astro or of starting the worker that links the kept pages left the process hung in its exit,
  // every other time with Node's compile cache cold: both are let finish first, which they do
  // within the second or two the check takes.
  void Promise.allSettled([loading, prelinked?.linked, entriesAhead?.revived]).then(() => process.exit(0));
});

async function build(planFile: string): Promise<void> {
  try {
    const loaded = await load();
    await (await astroProcess()).buildFromPlan(planFile, loaded, prelinked, entriesAhead);
    reportBuilt();
    process.exit(0);
  } catch (error) {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  }
}

/**
 * Tells the build, through the fourth file descriptor it opened, that every page is written: the
 * build goes on while this process exits (src/build/astro-process-start.ts). Started otherwise,
 * without that descriptor, the process is only waited for.
 */
function reportBuilt(): void {
  try {
    writeSync(REPORT_FD, `${BUILT}\n`);
  } catch {
    // No one to tell: the exit says it.
  }
}

const REPORT_FD = 3;

/**
 * Hands each line of a stream to `onLine` until it returns true. A stream that ends, or fails,
 * before then calls `onEnd`.
 */
function readLines(stream: NodeJS.ReadableStream, onLine: (line: string) => boolean, onEnd: () => void): void {
  let text = '';
  let done = false;
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    text += chunk;
    for (let end = text.indexOf('\n'); end >= 0 && !done; end = text.indexOf('\n')) {
      const line = text.slice(0, end);
      text = text.slice(end + 1);
      done = onLine(line);
    }
  });
  const stop = () => {
    if (!done) onEnd();
  };
  stream.on('end', stop);
  stream.on('error', stop);
}
