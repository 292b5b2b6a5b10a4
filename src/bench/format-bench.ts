import { pairedRatios, range, type SideRuns } from './alternating-runs.ts';
import type { SizeResult } from './run-bench.ts';
import type { SearchProbe } from './search-probe.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const times = (runs: SideRuns | undefined) => (runs ? range(runs.ms, seconds) : '–');
const loads = (runs: SideRuns | undefined) => (runs ? range(runs.load.flat(), (value) => value.toFixed(1)) : '–');

/** Each word's times over its probes, in the order the words were first searched: `restore 302–486 ms`. */
export function searchTimes(probes: readonly SearchProbe[]): string {
  const byQuery = new Map<string, number[]>();
  for (const probe of probes) byQuery.set(probe.query, [...(byQuery.get(probe.query) ?? []), probe.ms]);
  return [...byQuery].map(([query, ms]) => `${query} ${range(ms, (value) => `${value}`)} ms`).join(', ');
}

/** Formats benchmark results as a Markdown table, one column per size; timings are ranges over the runs. */
export function formatBench(results: readonly SizeResult[]): string {
  const baseline = (r: SizeResult, sidebar: string) => r.baselines?.find((side) => side.name.includes(sidebar));
  const ratio = (r: SizeResult, sidebar: string) => {
    const other = baseline(r, sidebar);
    if (!other) return '–';
    const paired = pairedRatios(r.clean, other);
    return `${range(paired.ratios, (value) => value.toFixed(2))} (median ${paired.median.toFixed(2)})`;
  };
  const rows: [string, (result: SizeResult) => string][] = [
    ['`npm run check`, no cache', (r) => seconds(r.check.coldMs)],
    ['`npm run check`, warm', (r) => range(r.check.warmMs, seconds)],
    ['Clean build, whole process', (r) => times(r.clean)],
    ['Clean build, peak RSS of the process tree', (r) => range(r.clean.peakRssBytes, gib)],
    ['– check (last clean build)', (r) => seconds(r.phases.check ?? 0)],
    ['– diagrams', (r) => seconds(r.phases.diagrams ?? 0)],
    ['– content sync (entries rendered)', (r) => seconds(r.phases.contentSync ?? 0)],
    ['– page generation', (r) => seconds(r.phases.rendering ?? 0)],
    ['– search index', (r) => seconds(r.phases.searchIndex ?? 0)],
    ['– PDF', (r) => (r.phases.pdf === undefined ? '–' : seconds(r.phases.pdf))],
    ['Build with nothing changed', (r) => times(r.unchanged)],
    ['Build after a one-entry change', (r) => `${times(r.oneEntry)} (${r.reusedPages} pages reused)`],
    ['Files read / parsed by a build', (r) => `${r.files.read} / ${r.files.parsed}`],
    ['Output', (r) => `${r.output.files} files, ${(r.output.bytes / 2 ** 20).toFixed(0)} MB`],
    ['Entry page HTML, median / max', (r) => `${kb(r.output.medianEntryHtml)} / ${kb(r.output.maxEntryHtml)}`],
    ['Pagefind index', (r) => `${(r.output.pagefindBytes / 2 ** 20).toFixed(1)} MB`],
    ['Search: last keystroke to results', (r) => (r.search?.length ? searchTimes(r.search) : '–')],
    ['Search: most transferred by one query', (r) => (r.search?.length ? kb(Math.max(...r.search.map((probe) => probe.transferredBytes))) : '–')],
    ['Plain Starlight, default sidebar', (r) => times(baseline(r, 'default'))],
    ['Plain Starlight, one-link sidebar', (r) => times(baseline(r, 'one-link'))],
    ['Ratio to default sidebar, per round', (r) => ratio(r, 'default')],
    ['Ratio to one-link sidebar, per round', (r) => ratio(r, 'one-link')],
    ['`npm run dev`: first page', (r) => (r.dev ? seconds(r.dev.firstPageMs) : '–')],
    ['`npm run dev`: saved edit seen in the browser', (r) => (r.dev ? r.dev.editVisibleMs.map(seconds).join(', ') : '–')],
    ['Load average during clean builds', (r) => loads(r.clean)],
  ];
  const header = `| | ${results.map((result) => `${result.entries.toLocaleString('en-US')} entries`).join(' | ')} |`;
  const rule = `| --- | ${results.map(() => '---:').join(' | ')} |`;
  return [header, rule, ...rows.map(([label, value]) => `| ${label} | ${results.map(value).join(' | ')} |`)].join('\n');
}
