import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentFolder, contentSlug } from '../core/content/content-folder.ts';
import { astroEnvironment } from './astro-environment.ts';
import { trackChild, watchParentArgs } from './child-processes.ts';
import { ASTRO_V8_FLAGS, BUILD_V8_FLAGS } from './node-flags.ts';

/*
 * Where a build's Astro process works, and how it starts. Astro's process loads Astro and the
 * project's modules (about a second) beside the build's own start-up and check, so it is started
 * first: this module imports nothing heavier than the folder rules, and `npm run build` starts the
 * process (`startAstroForArgs`) before it loads the rest of the build's modules (half a second).
 */

export interface SiteWorkFolders {
  readonly work: string;
  readonly cache: string;
  readonly keptPages: string;
  /** What the policy pass recorded of the kept pages (src/build/kept-pages.ts). */
  readonly ledger: string;
  readonly search: string;
  readonly lock: string;
  /**
   * The output the last build replaced, kept for the next build to make its `work` folder of
   * (`prepareSiteFolders` in site-step.ts) instead of making every page's folder again.
   */
  readonly spare: string;
}

/**
 * Where Astro builds a content folder's edition and keeps its cache (the content store, the
 * pages of the last build for incremental builds), and where the search index is kept. All are
 * fixed per content folder and edition: Astro's incremental build reuses a page only when the
 * code of its route is unchanged, and that code names the folder it is built into.
 */
export function siteWorkFolders(root: string, contentDir: string, edition: string): SiteWorkFolders {
  // Named by the folder itself, not by how it was spelled, so a new spelling is not a full build.
  const slug = `${contentSlug(root, contentDir)}-${edition}`;
  const cache = join(root, '.cache', 'multiplane', 'astro', slug);
  return {
    work: join(root, '.cache', 'multiplane', 'site', slug),
    cache,
    // Where Astro's incremental build keeps a copy of each page it rendered, to reuse it next time.
    keptPages: join(cache, 'dist'),
    ledger: join(cache, 'kept-pages.json'),
    search: join(root, '.cache', 'multiplane', 'search', slug),
    lock: join(root, '.cache', 'multiplane', 'site', `${slug}.lock`),
    spare: join(root, '.cache', 'multiplane', 'site', `${slug}.spare`),
  };
}

/** What Astro's process writes to its fourth file descriptor once its build is done and every page written. */
export const BUILT = 'built';

const ASTRO_PROCESS = fileURLToPath(new URL('./astro-process-main.ts', import.meta.url));

/** The Astro process of one build, started before the build has a plan for it. */
export interface AstroProcess {
  /** Its pid, once started: it writes into the folders the build's lock guards (`lockSiteFolders`). */
  readonly pid: number | undefined;
  /** Has it load Astro and the project's modules now, ahead of its plan. */
  load(): void;
  /**
   * Has it link the kept pages into `work`, Astro's folder for this build, now, while the content
   * is checked (src/build/prelinked-pages.ts): the folder must be ready (`prepareSiteFolders`).
   */
  prelink(work: string): void;
  /**
   * Hands the process the model's entries, written ahead of the plan (`writeSiteEntries` in
   * site-step.ts), for it to revive while the rules run.
   */
  entries(file: string): void;
  /**
   * Hands the process its build plan and resolves with 0 once it reports the build done, or with
   * its exit status when it exits without doing so.
   */
  build(planFile: string): Promise<number | null>;
  /** Ends the process: unused (the check failed), or in the middle of its build (the diagrams failed). */
  cancel(): void;
  /** Resolves once the process has exited, which it may do after `build` resolved. */
  ended(): Promise<unknown>;
}

/**
 * Starts the Astro process of a build as the build starts. It first reads the folders of Astro's
 * kept pages (`keptPages`, src/build/astro-links.ts) while the build checks the content; told to
 * `load` (beside the check), it loads Astro and the project's modules (about a second, 250 MB);
 * told to `prelink`, it links the kept pages into the build's folder; then it waits for the path
 * of its plan on its standard input (src/build/astro-process-main.ts).
 */
export function startAstroProcess(root: string, env: NodeJS.ProcessEnv, keptPages?: string): AstroProcess {
  // Tracked and watching its parent, so that neither a stopped nor a killed build leaves Astro
  // running (child-processes.ts); in the build's process group, so a Ctrl-C reaches it too. With
  // V8's helper threads as the build's own process has them, and a young generation of its own
  // (node-flags.ts).
  const child = spawn(process.execPath, [...BUILD_V8_FLAGS, ...ASTRO_V8_FLAGS, '--experimental-strip-types', '--no-warnings=ExperimentalWarning', ...watchParentArgs(), ASTRO_PROCESS, root, ...(keptPages ? [keptPages] : [])], {
    cwd: root,
    detached: false,
    // The fourth is where it reports its build done (`BUILT`), before its exit.
    stdio: ['pipe', 'inherit', 'inherit', 'pipe'],
    env: {
      ...astroEnvironment(env),
      ASTRO_TELEMETRY_DISABLED: env.ASTRO_TELEMETRY_DISABLED ?? '1',
      // A NODE_ENV left over from a shell or a test runner (development, test) would make Vite
      // build in that mode, and Starlight leaves search out of the pages; a published site is production.
      NODE_ENV: 'production',
    },
  });
  trackChild(child);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const built = builtOrExited(child, exited);
  // Observed by `build`; a process that is cancelled or fails to start has nothing to report.
  exited.catch(() => {});
  // A process that ended early (Node could not start it) closes its input; its status says why.
  child.stdin!.on('error', () => {});
  let planned = false;
  return {
    pid: child.pid,
    load() {
      child.stdin!.write('load\n');
    },
    prelink(work) {
      child.stdin!.write(`prelink ${work}\n`);
    },
    entries(file) {
      child.stdin!.write(`entries ${file}\n`);
    },
    build(planFile) {
      planned = true;
      child.stdin!.end(`${planFile}\n`);
      return built;
    },
    cancel() {
      child.stdin!.end();
      // Building, it no longer reads its input.
      if (planned && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
    ended() {
      return exited.catch(() => undefined);
    },
  };
}

/**
 * Resolves with 0 as soon as `child` reports its build done on its fourth file descriptor
 * (`BUILT`), else with its exit status (`exited`). Exiting takes Astro's process a second or more
 * after a build on a cold cache of compiled code, while Node writes that cache (some 4,000 files):
 * the build goes on meanwhile, and still ends only after the process, whose handle keeps the
 * build's event loop alive.
 */
export function builtOrExited(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  return new Promise<number | null>((resolve, reject) => {
    let reported = '';
    const report = child.stdio[3] as NodeJS.ReadableStream | null | undefined;
    report?.setEncoding('utf8');
    report?.on('data', (chunk: string) => {
      reported += chunk;
      if (reported.includes(`${BUILT}\n`)) resolve(0);
    });
    report?.on('error', () => {});
    exited.then(resolve, reject);
  });
}

/** An Astro process started before the build read its arguments in full, and the folders it was started for. */
export interface EarlyAstroProcess {
  readonly root: string;
  readonly keptPages: string;
  readonly process: AstroProcess;
}

/**
 * The work folders of the build `npm run build` is given as raw arguments, read before the build's
 * own modules load: only `--content` and `--edition`, as the build reads them. Nothing when help is
 * asked for. A reading that differs from the build's costs only the early start (`astroProcessFor`).
 */
export function earlyWorkFolders(argv: readonly string[], cwd: string): SiteWorkFolders | undefined {
  let values: { content?: string | boolean | undefined; edition?: string | boolean | undefined; help?: string | boolean | undefined };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { content: { type: 'string' }, edition: { type: 'string', default: 'internal' }, help: { type: 'boolean', short: 'h' } }, strict: false, allowPositionals: true }));
  } catch {
    return undefined;
  }
  if (values.help === true) return undefined;
  const content = typeof values.content === 'string' ? contentFolder(cwd, values.content) : 'content';
  return siteWorkFolders(cwd, content, typeof values.edition === 'string' ? values.edition : 'internal');
}

/**
 * Starts the Astro process of `npm run build` from its raw arguments (`earlyWorkFolders`), before
 * the build's own modules load, and tells it to load Astro at once.
 */
export function startAstroForArgs(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): EarlyAstroProcess | undefined {
  const folders = earlyWorkFolders(argv, cwd);
  if (!folders) return undefined;
  const astro = startAstroProcess(cwd, env, folders.keptPages);
  astro.load();
  return { root: cwd, keptPages: folders.keptPages, process: astro };
}

/**
 * The Astro process for a build of `folders`: the one started early when it was started for them,
 * else a new one (the early one, if any, is ended), told to load Astro at once.
 */
export function astroProcessFor(root: string, env: NodeJS.ProcessEnv, folders: SiteWorkFolders, early?: EarlyAstroProcess): AstroProcess {
  if (early && early.root === root && early.keptPages === folders.keptPages) return early.process;
  early?.process.cancel();
  const astro = startAstroProcess(root, env, folders.keptPages);
  astro.load();
  return astro;
}
