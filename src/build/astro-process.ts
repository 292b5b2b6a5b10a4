import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroInlineConfig, AstroIntegration } from 'astro';
import { fromPortableModel, type RevivedEntries, reviveEntries } from '../core/model/portable-model.ts';
import { diagramsDrawnBeside } from '../diagrams/diagram-service.ts';
import multiplane from '../integration/index.ts';
import { handedAheadIn } from '../site/handed-ahead.ts';
import { linkKeptPages } from './astro-links.ts';
import { generateEntriesFirst } from './entries-first.ts';
import { makeFoldersInPlace } from './folders-made-in-place.ts';
import { readBuildEntries, readBuildPlan } from './build-plan.ts';
import { completePoliciesAsWritten, type PageAsWritten, type PagesAsWritten, writePagesAsWritten } from './policies-as-written.ts';
import { type EarlyPrelink, generateWorksAsExpected, guardWrites, prelinkKeptPages, removeUngenerated } from './prelinked-pages.ts';

/**
 * The Astro side of `npm run build`: reads the build plan, then builds the site through Astro's
 * JavaScript API with the project's own `astro.config.mjs`, its Multiplane integration given the
 * plan's options and model. Runs in a process of its own (see `siteStep`).
 */
export async function buildFromPlan(planFile: string, astro: LoadedAstro, prelinked?: EarlyPrelink, entriesAhead?: EntriesAhead): Promise<void> {
  const plan = readBuildPlan(planFile);
  const { build, config } = astro;
  if (plan.root !== astro.root) throw new Error(`The build plan is for ${plan.root}, but this Astro process loaded the project at ${astro.root}.`);
  // The kept pages are linked into the build while the content is checked (`prelinked`, started
  // when the build had the folder ready) or else while Astro syncs it (prelinked-pages.ts); the
  // build folder was emptied for this build (site-step.ts), so Astro must not empty it again.
  // First, so that the patches below see the text Astro rendered (see policies-as-written.ts).
  const written = plan.writtenFile === undefined ? undefined : appendWritten(plan.writtenFile);
  const asWritten = completePoliciesAsWritten(plan.outDir, written?.append);
  const prelink = linkKeptPages(plan.keptPages, plan.outDir) && generateWorksAsExpected();
  const early = prelinked?.keptDir === plan.keptPages && prelinked.outDir === plan.outDir ? prelinked.linked : undefined;
  const prelinking = prelink ? (early ?? prelinkKeptPages(plan.keptPages, plan.outDir)) : Promise.resolve(new Set<string>());
  const guard = prelink ? guardWrites(plan.outDir, prelinking) : undefined;
  const restoreMkdir = makeFoldersInPlace([plan.outDir, plan.keptPages]);
  const restoreOrder = await generateEntriesFirst();
  diagramsDrawnBeside(plan.diagramsDrawn);
  if (plan.handedAheadFile !== undefined) handedAheadIn(plan.handedAheadFile);
  const revived = plan.entriesFile === undefined ? undefined : entriesAhead?.file === plan.entriesFile ? await entriesAhead.revived : reviveEntriesAhead(plan.entriesFile);
  const model = fromPortableModel(plan.model, revived);
  const ours = multiplane({
    contentDir: plan.contentDir,
    edition: plan.edition,
    now: plan.now,
    model,
    searchIndex: 'separate',
    mergedSearchIndexes: plan.mergedSearchIndexes,
    marksFile: plan.marksFile,
    cacheDir: plan.cacheDir,
  });
  const integrations = (config.integrations ?? []).flat().filter((integration): integration is AstroIntegration => Boolean(integration));
  const hasOurs = integrations.some((integration) => integration.name === 'multiplane');
  const keptPagesIn: AstroIntegration = {
    name: 'multiplane:kept-pages-in',
    // After the content sync, before Astro bundles and generates the pages.
    hooks: { 'astro:build:start': async () => void (await prelinking) },
  };
  try {
    await build({
      ...config,
      root: plan.root,
      outDir: plan.outDir,
      // The configuration is the project's own, read above; Astro must not read it a second time.
      configFile: false,
      // Astro's log, with one line for the pages reused instead of one per page (astro-log.ts).
      logger: { entrypoint: ASTRO_LOG },
      integrations: [...(hasOurs ? integrations.map((integration) => (integration.name === 'multiplane' ? ours : integration)) : [ours, ...integrations]), keptPagesIn],
      ...(prelink ? { vite: { ...config.vite, build: { ...config.vite?.build, emptyOutDir: false } } } : {}),
    });
  } finally {
    asWritten.stop();
    written?.close();
    guard?.restore();
    restoreMkdir();
    restoreOrder();
  }
  keepPagesAsWritten(plan.policiesFile, asWritten.pages);
  if (guard) removeUngenerated(plan.outDir, await prelinking, guard.written, join(plan.cacheDir, 'incremental-build.json'));
}

const ASTRO_LOG = new URL('./astro-log.ts', import.meta.url);

/**
 * Appends each page written, with what the search step needs of it, to `file`, one JSON line a
 * page, for the build to read as it grows (src/build/rewritten-ahead.ts). A line is written
 * whole, in one call, once the page is. Should the file fail, the build reads nothing more from
 * it, and the search step does all it did before.
 */
function appendWritten(file: string): { append: (page: string, written: PageAsWritten) => void; close: () => void } | undefined {
  let fd: number | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(file, 'w');
  } catch {
    return undefined;
  }
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  return {
    append: (page, written) => {
      if (fd === undefined) return;
      try {
        writeSync(fd, `${JSON.stringify([page, written.search])}\n`);
      } catch {
        close();
      }
    },
    close,
  };
}

/**
 * Leaves what the pages' policies were completed to for the policy pass; without it (it cannot be
 * written), the pass reads every page itself.
 */
function keepPagesAsWritten(file: string, pages: PagesAsWritten): void {
  try {
    writePagesAsWritten(file, pages);
  } catch {
    rmSync(file, { force: true });
  }
}

/** The model's entries, handed over in `file` ahead of the plan and revived meanwhile (src/build/build-plan.ts). */
export interface EntriesAhead {
  readonly file: string;
  readonly revived: Promise<RevivedEntries>;
}

/** Reads and revives the entries handed over in `file`, their graph built: at 10,000 entries 1.1 s alone, done while the rules run. */
export function reviveEntriesAhead(file: string): RevivedEntries {
  return reviveEntries(readBuildEntries(file));
}

/** Astro's build and the project's configuration, loaded ahead of the build plan. */
export interface LoadedAstro {
  readonly root: string;
  readonly build: typeof import('astro').build;
  readonly config: AstroInlineConfig;
}

/**
 * Loads Astro, the project's configuration and, through it, Multiplane's integration: the slow
 * part of starting a build (about a second), done before the build plan exists.
 */
export async function loadAstro(root: string): Promise<LoadedAstro> {
  const [{ build }, config] = await Promise.all([import('astro'), projectConfig(root)]);
  return { root, build, config };
}

/** The project's `astro.config.mjs` (or `.ts`), or an empty configuration when it has none. */
async function projectConfig(root: string): Promise<AstroInlineConfig> {
  for (const name of ['astro.config.mjs', 'astro.config.ts', 'astro.config.js']) {
    const file = join(root, name);
    if (existsSync(file)) return ((await import(pathToFileURL(file).href)) as { default: AstroInlineConfig }).default ?? {};
  }
  return {};
}
