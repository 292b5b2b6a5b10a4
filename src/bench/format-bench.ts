import { type SizeResult, siteBuildMs } from './run-bench.ts';

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Formats benchmark results as a Markdown table, one column per size. */
export function formatBench(results: readonly SizeResult[]): string {
  const rows: [string, (result: SizeResult) => string][] = [
    ['`npm run check`', (r) => seconds(r.checkMs)],
    ['Clean build, whole process', (r) => seconds(r.buildMs)],
    ['– check', (r) => seconds(r.phases.check)],
    ['– diagrams', (r) => seconds(r.phases.diagrams)],
    ['– content sync (load and render entries)', (r) => seconds(r.phases.contentSync)],
    ['– page generation', (r) => seconds(r.phases.rendering)],
    ['– search index', (r) => seconds(r.phases.searchIndex)],
    ['– PDF', (r) => seconds(r.phases.pdf)],
    ['Site and search, without the PDF', (r) => seconds(siteBuildMs(r.phases))],
    ['Files written per second (site and search)', (r) => String(r.pagesPerSecond)],
    ['Per-entry time ratio to previous size', (r) => (r.perEntryRatio === undefined ? '–' : String(r.perEntryRatio))],
    ['Peak RSS, whole process tree', (r) => `${(r.peakRssBytes / 2 ** 30).toFixed(2)} GiB`],
    ['Output', (r) => `${r.output.files} files, ${(r.output.bytes / 2 ** 20).toFixed(0)} MB`],
    ['Entry page HTML, median', (r) => kb(r.output.medianEntryHtml)],
    ['Entry page HTML, max', (r) => `${kb(r.output.maxEntryHtml)} (${r.output.largestEntryPage})`],
    ['Pagefind index', (r) => `${(r.output.pagefindBytes / 2 ** 20).toFixed(1)} MB`],
    ['Rebuild, nothing changed', (r) => `${seconds(r.rebuild.ms)}, ${r.rebuild.diagramsRendered} diagrams redrawn, ${r.rebuild.browserLaunches} browser launches`],
    ['Search: transferred per query, most', (r) => (r.search?.length ? kb(Math.max(...r.search.map((probe) => probe.transferredBytes))) : '–')],
    ['Search: time to results', (r) => (r.search?.length ? r.search.map((probe) => `${probe.query} ${probe.ms} ms`).join(', ') : '–')],
    ['Files read / parsed by a build', (r) => `${r.files.read} / ${r.files.parsed}`],
    ['`npm run dev`: first page', (r) => (r.dev ? seconds(r.dev.firstPageMs) : '–')],
    ['`npm run dev`: saved edit seen in the browser', (r) => (r.dev ? r.dev.editVisibleMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ') : '–')],
    ['Plain Starlight, same bodies', (r) => (r.baseline ? `${seconds(r.baseline.ms)}, median page ${kb(r.baseline.output.medianEntryHtml)}` : '–')],
  ];
  const header = `| | ${results.map((result) => `${result.entries.toLocaleString('en-US')} entries`).join(' | ')} |`;
  const rule = `| --- | ${results.map(() => '---:').join(' | ')} |`;
  return [header, rule, ...rows.map(([label, value]) => `| ${label} | ${results.map(value).join(' | ')} |`)].join('\n');
}
