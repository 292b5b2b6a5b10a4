import { rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { MissingBrowserError } from '../browser/index.ts';
import { completeScriptHashes, type PolicyPassResult, UnreviewedScriptError } from '../build/csp-step.ts';
import { diagramsStep } from '../build/diagrams-step.ts';
import { exitCleanlyOnSignals } from '../build/child-processes.ts';
import { assertReplaceable, OutputFolderError, resolveOutputFolder } from '../build/output-guard.ts';
import { writeBuildMarker } from '../build/output-marker.ts';
import { describeRecovery, recoverInterruptedBuilds } from '../build/output-recovery.ts';
import { sideFileFor, stagingFor, swapInto } from '../build/output-swap.ts';
import { completeSize, measureFinishedPages, measureFolder, type PagesSize } from '../build/output-size.ts';
import { linkPdf, PDF_FILE, pdfJob, printPdf } from '../build/pdf-step.ts';
import { readPagesAsWritten } from '../build/policies-as-written.ts';
import { releaseMemory } from '../build/release-memory.ts';
import { type FragmentsAhead, fragmentsAhead, type SearchStepResult, searchStep, searchWorkers } from '../build/search-step.ts';
import type { PagefindWorkers } from '../build/pagefind-workers.ts';
import { keptAnyPage } from '../build/astro-links.ts';
import { EarlySearch } from '../build/early-search.ts';
import { IndexesRewrittenAhead } from '../build/rewritten-ahead.ts';
import { type IndexesAhead, restoreAhead } from '../build/search-cache.ts';
import { ENTRY_COLLECTION_FOLDERS, entryPagePath, ENTRY_INDEXES_BEFORE_GROWING, ENTRY_PAGES_PER_INDEX, MAX_ENTRY_PAGES_PER_INDEX, PRIMARY_INDEX, searchLayout } from '../build/search-shards.ts';
import { linkedFilesToPublish, publishLinkedFiles } from '../build/linked-files-step.ts';
import { type AstroProcess, astroProcessFor, type EarlyAstroProcess, type SiteWorkFolders, siteWorkFolders } from '../build/astro-process-start.ts';
import { lockSiteFolders, markDiagramsDrawn, prepareSiteFolders, siteStep, writeSiteAhead, writeSiteEntries, writeSitePlan, writtenFileFor } from '../build/site-step.ts';
import { type EditionReport, editionReport } from '../core/editions/edition-view.ts';
import { ansi, formatHuman } from '../core/check/format-human.ts';
import { formatGithub } from '../core/check/format-github.ts';
import { checkContentAhead } from '../core/check/check-content.ts';
import type { CheckReport } from '../core/check/run-check.ts';
import { contentFolder } from '../core/content/content-folder.ts';
import { closeSharedMermaidRenderer } from '../diagrams/diagram-service.ts';
import { diagramBlocks } from '../diagrams/prerender.ts';
import { formatBytes, linkingPageFile } from '../pdf/link-pdf.ts';
import { type CommandIo, commandNow, parseCommandLine, parseOrExplain, UsageError } from './io.ts';
import { writeCompileCache } from './compile-cache.ts';

export const BUILD_USAGE = `Usage: npm run build -- [options]

Checks the content, renders its diagrams, builds the site into dist/ and prints the whitepaper
to dist/whitepaper.pdf. A failed build leaves the previous dist/ untouched: everything is built
into a temporary folder and swapped in only on success.

Options:
  --edition <internal|public>  Internal (default): every entry. Public: internal entries and
                     everything that would reveal them are left out. Drafts are never published.
  --content <dir>    Content folder (default: content).
  --out <dir>        Output folder (default: dist, or dist-public for the public edition). It
                     must not be or hold the project or its sources, and is replaced only if
                     it is empty or holds a build's .multiplane-build.json.
  --paper <a4|letter>  Paper size of the PDF (default: a4).
  --no-pdf           Build the site without the PDF.
  --now <date>       Measure ages against this day instead of today (SOURCE_DATE_EPOCH works too).
  --timings <file>   Write the time of each step to a JSON file.
  --search-index-entries <n>  Entries per search index (default: ${ENTRY_PAGES_PER_INDEX.toLocaleString('en')} up to
                     ${(ENTRY_PAGES_PER_INDEX * ENTRY_INDEXES_BEFORE_GROWING).toLocaleString('en')} entries, then the entries / ${ENTRY_INDEXES_BEFORE_GROWING}, at most ${MAX_ENTRY_PAGES_PER_INDEX.toLocaleString('en')}). A site
                     with more entries gets several indexes, and a change rewrites only the ones
                     it touches; each index makes every search a little slower.
  -h, --help         Show this help.
`;

interface BuildArgs {
  readonly content: string | undefined;
  readonly edition: 'internal' | 'public';
  readonly out: string;
  readonly paper: 'A4' | 'Letter';
  readonly pdf: boolean;
  readonly now: Date;
  readonly timings: string | undefined;
  /** Entry pages per search index; by default, by the site's size (src/build/search-shards.ts). */
  readonly searchIndexEntries: number | undefined;
  readonly help: boolean;
}

function parseBuildArgs(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): BuildArgs {
  const { values } = parseCommandLine({
    args: [...argv],
    options: {
      out: { type: 'string' },
      content: { type: 'string' },
      edition: { type: 'string', default: 'internal' },
      paper: { type: 'string', default: 'a4' },
      'no-pdf': { type: 'boolean', default: false },
      now: { type: 'string' },
      timings: { type: 'string' },
      'search-index-entries': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const paper = values.paper.toLowerCase();
  if (paper !== 'a4' && paper !== 'letter') throw new UsageError(`--paper must be a4 or letter; got "${values.paper}".`);
  if (values.edition !== 'internal' && values.edition !== 'public') {
    throw new UsageError(`--edition must be internal or public; got "${values.edition}".`);
  }
  const perIndex = values['search-index-entries'] === undefined ? undefined : Number(values['search-index-entries']);
  if (perIndex !== undefined && (!Number.isInteger(perIndex) || perIndex < 1)) {
    throw new UsageError(`--search-index-entries must be a whole number of entries, 1 or more; got "${values['search-index-entries']}".`);
  }
  return {
    content: values.content === undefined ? undefined : contentFolder(cwd, values.content),
    edition: values.edition,
    out: values.out ?? (values.edition === 'public' ? 'dist-public' : 'dist'),
    paper: paper === 'a4' ? 'A4' : 'Letter',
    pdf: !values['no-pdf'],
    now: commandNow(values.now, env),
    timings: values.timings,
    searchIndexEntries: perIndex,
    help: values.help,
  };
}

/**
 * Runs `npm run build` and returns the exit status. `early` is the Astro process `npm run build`
 * started before this module loaded (astro-process-start.ts); one is started here otherwise.
 */
export async function buildCommand(argv: readonly string[], io: CommandIo, early?: EarlyAstroProcess): Promise<number> {
  try {
    const parsed = parseOrExplain(() => parseBuildArgs(argv, io.env, io.cwd), BUILD_USAGE, io);
    if ('status' in parsed) return parsed.status;
    const { args } = parsed;
    const root = io.cwd;
    const outDir = prepareOutputFolder(args, root, io);
    if (typeof outDir === 'number') return outDir;
    // Astro's process reads the kept pages' folders while the content is checked, and loads Astro
    // beside the check, off the path of every build; a build that stops before the site ends it unused.
    const folders = siteWorkFolders(root, args.content ?? 'content', args.edition);
    const astro = astroProcessFor(root, io.env, folders, early);
    try {
      // Astro's build and the policy pass both write the kept pages: another build of the same
      // content and edition waits for both. Taken before the check, so that Astro's process links
      // the kept pages into its folder while the content is checked.
      // How long this build waited for another: its "Built in" counts from when it holds the lock.
      const asked = performance.now();
      let waiting = false;
      // The lock names Astro's process too: killed with this one, it writes on for a moment.
      const release = await lockSiteFolders(
        folders,
        (line) => {
          waiting = true;
          io.stdout(line);
        },
        astro,
      );
      const waitedMs = waiting ? performance.now() - asked : 0;
      try {
        // Counted in the timings: a build that renders every page again although nothing changed tells why.
        const keptCopiesChanged = prepareSiteFolders(folders);
        astro.prelink(folders.work);
        return await build(args, root, outDir, io, folders, astro, { release, keptCopiesChanged, waitedMs });
      } finally {
        release();
      }
    } finally {
      astro.cancel();
    }
  } finally {
    early?.process.cancel();
  }
}

/** Checks, builds and publishes into `outDir`; returns the exit status. */
async function build(
  args: BuildArgs,
  root: string,
  outDir: string,
  io: CommandIo,
  folders: SiteWorkFolders,
  astro: AstroProcess,
  { release, keptCopiesChanged, waitedMs }: { readonly release: () => void; readonly keptCopiesChanged: number; readonly waitedMs: number },
): Promise<number> {
  const started = performance.now();
  const timings: Record<string, number> = { ...(keptCopiesChanged > 0 ? { keptCopiesChanged } : {}), ...(waitedMs > 0 ? { lockWait: Math.round(waitedMs) } : {}) };
  const time = async <T>(step: string, run: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[step] = Math.round(performance.now() - started);
    }
  };

  // Astro's process gets the model as soon as every rule has run (`ahead`), while Mermaid's parser
  // reads the diagrams (at first, loading Mermaid: some 0.5 s); the build stops it if that adds an
  // error. Both are `let`s, let go of once Astro has its plan and the report is printed (below), so
  // that the build does not hold the model beside Astro's process.
  const checkStarted = performance.now();
  const staging = stagingFor(outDir);
  // Astro's process revives the entries and builds their graph while the rules run here.
  let entriesFile: string | undefined;
  let { ahead: report, whole }: { ahead: CheckReport | undefined; whole: Promise<CheckReport> | undefined } = await checkContentAhead({
    root,
    now: args.now,
    ...(args.content ? { contentDir: args.content } : {}),
    warn: (message) => io.stderr(`${message}\n`),
    onLoaded: (content) => {
      entriesFile = writeSiteEntries(staging, content);
      astro.entries(entriesFile);
    },
  });
  // Prints the report whole, with what Mermaid's parser found, and returns its count of errors.
  const reportWhole = async (): Promise<number> => {
    const final = await whole!;
    whole = undefined;
    timings.check = Math.round(performance.now() - checkStarted);
    io.stdout(formatHuman(final, io.color ? ansi : undefined));
    if (io.env.GITHUB_ACTIONS === 'true') io.stdout(formatGithub(final.findings));
    if (final.errors > 0) {
      io.stderr(
        `\nBuild stopped: the content has ${final.errors} error${final.errors === 1 ? '' : 's'} (listed above). Fix them, check with npm run check, then build again.\n`,
      );
    }
    return final.errors;
  };
  // Every file is read and parsed here, once; the Astro process renders from this model.
  Object.assign(timings, { filesRead: report.content.files, filesParsed: report.content.parsed });
  if (report.errors > 0) {
    await reportWhole();
    removeUnfinished(staging);
    return 1;
  }

  const stopHandlingSignals = exitCleanlyOnSignals({ cleanup: () => removeUnfinished(staging), log: io.stderr });
  rmSync(staging, { recursive: true, force: true });
  let early: EarlySearch | undefined;
  let rewritten: IndexesRewrittenAhead | undefined;
  let ahead: IndexesAhead | undefined;
  let workers: PagefindWorkers | undefined;
  let fragments: FragmentsAhead | undefined;
  // The site's files and bytes, counted in the search step (see below) but for what comes after it.
  let finishedPages: PagesSize | undefined;
  try {
    // What drawing the diagrams needs of the model, taken before the model goes.
    const blocks = diagramBlocks(report.graph.entries.values());
    // The edition the site publishes: what the site is handed ahead is made of it (below).
    let published: EditionReport | undefined = editionReport(report, { edition: args.edition, includeDrafts: false });
    const { search, entryPages, linkedFiles, pdf } = planSite(report, published, args, root, staging, folders, entriesFile);
    // Astro's process has all it needs of the model in its plan: what comes after the site needs
    // only the little planSite kept, and the model (250 MB of heap at 30,000 entries) goes once
    // the site's keys and dates are made of the published edition.
    report = undefined;
    // Chromium draws the diagrams on one core while Astro's process renders the entries without
    // diagrams on the other; its content loaders wait for `markDiagramsDrawn` to render the rest.
    // Chromium closes once they are drawn: it would only hold memory through the site build. At
    // 30,000 entries the two side by side came to 2.19–2.25 GiB (Chromium 1.1 GiB, Astro's process
    // 0.7 GiB, this one 0.5 GiB), and the clean build took 169.8–192.1 s against 178.4–212.6 s with
    // the diagrams drawn first while Astro's process waited, four pairs by turns, all four won
    // (docs/performance.md).
    const drawing = time('diagrams', () => diagramsStep(blocks, root, io.env)).finally(() => closeSharedMermaidRenderer());
    // Observed below, where the build waits for the diagrams.
    drawing.catch(() => {});
    // The folders' lock, taken before the check, is let go once the policy pass is done with them.
    let pages: PolicyPassResult['pages'];
    try {
      const building = time('site', () => siteStep({ root, outDir: staging, folders, env: io.env }, astro));
      // Observed below, unless the diagrams stop the build first.
      building.catch(() => {});
      // With no page to reuse, the entry indexes are written while Astro renders the rest (on
      // the other core); Astro's folder was emptied of any older build before the check.
      if (!keptAnyPage(folders.keptPages)) early = new EarlySearch(folders.work, search, entryPages, join(sideFileFor(staging, 'search'), 'early')).start();
      // Otherwise the last build's indexes are linked into the search step's folder meanwhile,
      // for it to move in those its pages let it take, and Pagefind's workers start for the
      // indexes that changed.
      else {
        ahead = restoreAhead(folders.search, search.indexes, join(sideFileFor(staging, 'search'), 'kept'));
        // After the linking: both share the core Astro's process leaves free.
        const pool = (workers = searchWorkers());
        void ahead.linked.then(() => pool.warm());
        // The entry indexes Astro's pages change are written again as it renders the rest.
        if (ahead.kept) rewritten = new IndexesRewrittenAhead(folders.work, folders.keptPages, writtenFileFor(staging), search, ahead.kept.indexes, pool, join(sideFileFor(staging, 'search'), 'rewritten')).start();
      }
      // Astro has its plan now: the model's memory goes back while it builds, on the other core.
      releaseMemory();
      if ((await reportWhole()) > 0) {
        await stopSite(astro, building);
        await drawing.catch(() => {});
        removeUnfinished(staging);
        return 1;
      }
      const diagrams = await drawing.catch(async (error: unknown) => {
        await stopSite(astro, building);
        throw error;
      });
      if (diagrams.failures.length > 0) {
        await stopSite(astro, building);
        io.stderr(`\n${diagrams.failures.join('\n')}\nBuild stopped: ${diagrams.failures.length} Mermaid diagram${diagrams.failures.length === 1 ? '' : 's'} cannot be rendered.\n`);
        removeUnfinished(staging);
        return 1;
      }
      markDiagramsDrawn(staging);
      Object.assign(timings, { diagramBlocks: diagrams.blocks, diagramsRendered: diagrams.rendered, browserLaunches: diagrams.launches });
      if (diagrams.blocks > 0) {
        io.stdout(
          `\nDiagrams: ${diagrams.blocks} Mermaid block${diagrams.blocks === 1 ? '' : 's'}, ${diagrams.rendered} rendered, ${diagrams.cached} from cache, ${(timings.diagrams! / 1000).toFixed(1)} s\n`,
        );
      }
      // Astro starts, syncs the content and bundles the pages meanwhile: its entry route waits for these.
      writeSiteAhead(staging, published, root, args.content);
      published = undefined;
      releaseMemory();
      // Astro builds on its own now: this process has loaded its modules (the workers to come
      // write their own), and writes their compiled code while it waits, not at its exit.
      writeCompileCache();
      Object.assign(timings, await building);
      early?.siteMoved(staging);
      rewritten?.siteMoved(staging);
      publishLinkedFiles(linkedFiles, staging);
      const asWritten = readPagesAsWritten(sideFileFor(staging, 'policies'));
      // The pages Astro rendered are run through Pagefind on the other core while the pass reads the site.
      if (ahead?.kept && workers) fragments = fragmentsAhead(staging, new Map([...asWritten].map(([page, written]) => [page, written.search])), ahead.kept.indexes, workers, sideFileFor(staging, 'search'), rewritten);
      rmSync(sideFileFor(staging, 'policies'), { force: true });
      const pass = await time('pagePolicies', () => completeScriptHashes(staging, { keepIn: folders.keptPages, ledger: folders.ledger, asWritten }));
      pages = pass.pages;
      timings.pagesReused = pass.reused;
    } finally {
      release();
    }
    const searchOptions = {
      layout: search,
      pages,
      cacheDir: folders.search,
      workDir: sideFileFor(staging, 'search'),
      ...(early ? { early } : rewritten ? { early: rewritten } : {}),
      ...(ahead ? { ahead } : {}),
      ...(workers ? { workers } : {}),
      ...(fragments ? { fragments } : {}),
      // Counted while the indexes are written: all but them, the primary index (which gets the
      // search pack once they are all written), the PDF and the pages its size goes into.
      meanwhile: (writing: readonly string[]) => (finishedPages = measureFinishedPages(staging, [...writing, PRIMARY_INDEX, PDF_FILE], pdf.linkingPages.map(linkingPageFile))),
    };
    // The search index and the PDF only read the finished pages, and write apart (pagefind/,
    // whitepaper.pdf): they run side by side, one on each core. The PDF's size goes into the pages
    // after both, so the index reads the same pages whether or not a PDF is printed.
    if (args.pdf) io.stdout('\nPDF: printing the whitepaper...\n');
    releaseMemory();
    const [indexed, facts] = await bothSettled(
      time('searchIndex', () => searchStep(staging, searchOptions)),
      args.pdf ? time('pdf', () => printPdf(pdf, staging, args.paper, (message) => io.stdout(`  ${message}\n`), io.env)) : Promise.resolve(undefined),
    );
    io.stdout(`Search index: ${describeSearchIndex(indexed)}, ${((timings.searchIndex ?? 0) / 1000).toFixed(1)} s\n`);
    linkPdf(pdf, staging, facts);
    if (args.pdf) {
      io.stdout(
        facts
          ? `PDF: whitepaper.pdf, ${facts.paper}, ${facts.pages} pages, ${formatBytes(facts.bytes)}, ${(timings.pdf! / 1000).toFixed(1)} s\n`
          : 'PDF: skipped, there are no whitepaper chapters.\n',
      );
    }
    await time('publish', () => publish(staging, outDir, args.edition, io, folders.spare));
  } catch (error) {
    // A Pagefind run still under way would write into the scratch folder after it is removed.
    await early?.settled();
    await rewritten?.settled();
    await ahead?.linked;
    await fragments?.digests.catch(() => {});
    removeUnfinished(staging);
    if (error instanceof MissingBrowserError || error instanceof UnreviewedScriptError) {
      io.stderr(`\nBuild stopped: ${error.message}\n`);
      return 1;
    }
    throw new Error('The build failed; the previous output was left as it was.', { cause: error });
  } finally {
    stopHandlingSignals();
    // A build that stopped before its search step (the check or a diagram failed) starts nothing more.
    rewritten?.stop();
    await closeSharedMermaidRenderer();
    // Started for a search step that did not come (the step closes them itself).
    await workers?.close();
  }

  // Astro's process, done with the site, may still be exiting (src/build/astro-process-start.ts):
  // the build ends after it, leaving nothing running.
  await astro.ended();
  const steps = (['check', 'diagrams', 'site', 'searchIndex', 'pdf'] as const).filter((step) => timings[step] !== undefined);
  // The wall time: the search index and the PDF overlap, so their times do not add up.
  const total = performance.now() - started;
  const measuring = performance.now();
  const { files, bytes } = finishedPages ? completeSize(outDir, finishedPages) : measureFolder(outDir);
  timings.measure = Math.round(performance.now() - measuring);
  const summary = steps.map((step) => `${step} ${((timings[step] ?? 0) / 1000).toFixed(1)} s`).join(', ');
  const waited = waitedMs > 0 ? `, after ${(waitedMs / 1000).toFixed(1)} s waiting for another build` : '';
  io.stdout(
    `\nBuilt in ${(total / 1000).toFixed(1)} s (${summary})${waited}: ${files} files, ${formatBytes(bytes)} in ${shownFolder(root, outDir)}/. Preview it with npm run preview.\n`,
  );
  if (args.timings) writeFileSync(args.timings, `${JSON.stringify({ ...timings, files, bytes }, null, 2)}\n`);
  return 0;
}

/**
 * Writes the plan of Astro's build (the model and where to build) and returns what the steps after
 * the site need of the model (`published`: its edition the site publishes): the search index's
 * layout, the files entries link and the PDF's job.
 */
function planSite(report: CheckReport, published: EditionReport, args: BuildArgs, root: string, staging: string, folders: SiteWorkFolders, entriesFile: string | undefined) {
  // Decided before the site is built: the search box's code names every index.
  const entryPages = published.content.entries.filter((entry) => ENTRY_COLLECTION_FOLDERS.has(entry.collection)).map((entry) => entryPagePath(entry.collection, entry.id));
  const search = searchLayout(entryPages.length, args.searchIndexEntries);
  writeSitePlan({ root, outDir: staging, now: args.now, edition: args.edition, contentDir: args.content, folders, model: report, search, entriesFile });
  return { search, entryPages, linkedFiles: linkedFilesToPublish(published, root, args.content ?? 'content'), pdf: pdfJob(report) };
}

/**
 * Resolves `--out` and makes sure the build may replace it (output-guard.ts), after repairing
 * what interrupted builds left beside it (output-recovery.ts). Returns the real output folder,
 * or exit status 2 when the folder is refused.
 */
function prepareOutputFolder(args: BuildArgs, root: string, io: CommandIo): string | number {
  let outDir: string;
  try {
    outDir = resolveOutputFolder({ root, out: args.out, content: args.content });
  } catch (error) {
    if (!(error instanceof OutputFolderError)) throw error;
    io.stderr(`${error.message}\n\n${BUILD_USAGE}`);
    return 2;
  }
  const shown = shownFolder(root, outDir);
  let recovered: string | undefined;
  try {
    recovered = describeRecovery(recoverInterruptedBuilds(outDir), outDir, shown);
  } catch (cause) {
    throw new Error(`Could not clean up after an interrupted build beside ${outDir}.`, { cause });
  }
  if (recovered) io.stdout(`${recovered}\n`);
  try {
    assertReplaceable(outDir, shown);
  } catch (error) {
    if (!(error instanceof OutputFolderError)) throw error;
    io.stderr(`${error.message}\n`);
    return 2;
  }
  return outDir;
}

/** Marks the finished site as a build's output and swaps it in, if the output folder still may be replaced. */
function publish(staging: string, outDir: string, edition: BuildArgs['edition'], io: CommandIo, spare: string): void {
  writeBuildMarker(staging, edition, io.env);
  assertReplaceable(outDir, shownFolder(io.cwd, outDir));
  swapInto(staging, outDir, spare);
}

/**
 * Waits for both steps, even when one fails, so that a failed build never removes its staging
 * folder while the other step is still writing into it; then throws the first failure.
 */
async function bothSettled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}

/** Ends Astro's process in the middle of its build and waits until it has ended. */
async function stopSite(astro: AstroProcess, building: Promise<unknown>): Promise<void> {
  astro.cancel();
  await building.catch(() => {});
}

/** Removes what an unfinished build wrote beside its output folder. */
function removeUnfinished(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
  rmSync(sideFileFor(staging, 'plan'), { force: true });
  rmSync(sideFileFor(staging, 'entries'), { force: true });
  rmSync(sideFileFor(staging, 'ahead'), { force: true });
  rmSync(sideFileFor(staging, 'marks'), { force: true });
  rmSync(sideFileFor(staging, 'diagrams'), { force: true });
  rmSync(sideFileFor(staging, 'policies'), { force: true });
  rmSync(sideFileFor(staging, 'search'), { recursive: true, force: true });
}

/** "3,047 pages in 4 indexes, 1 written, 3 kept from the last build". */
export function describeSearchIndex({ pages, indexes, written, early = 0 }: SearchStepResult): string {
  const kept = indexes - written;
  const count = `${pages.toLocaleString('en-US')} page${pages === 1 ? '' : 's'}`;
  if (indexes === 1) return `${count}, ${written === 1 ? 'built' : 'kept from the last build of the same pages'}`;
  const what = written === 0 ? 'all kept from the last build' : kept === 0 ? 'all written' : `${written} written, ${kept} kept from the last build`;
  const beside = early > 0 ? `, ${early} of them as soon as their pages were whole` : '';
  return `${count} in ${indexes} indexes, ${what}${beside}`;
}

/** The output folder as the user would write it: relative to the project, or absolute outside it. */
function shownFolder(root: string, outDir: string): string {
  const path = relative(root, outDir);
  return path === '' ? '.' : path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path) ? outDir : path;
}
