import { hash as digest } from 'node:crypto';
import { entryCard } from '../core/collections/entry-card.ts';
import { entryStatus } from '../core/collections/entry-facts.ts';
import type { AnyEntry } from '../core/content/entry.ts';
import type { EditionReport } from '../core/editions/edition-view.ts';
import { configuredBase } from './base-url.ts';
import { ENTRY_COLLECTIONS } from './routes.ts';
import { getSiteData, type SiteData } from './site-data.ts';
import type { IndexPage } from './view/paginate-index.ts';
import { rendererVersion } from '../diagrams/mermaid/diagram-cache.ts';
import { RENDER_VERSION } from '../integration/render-version.ts';
import { REVIEWED_INLINE_SCRIPTS } from '../build/reviewed-inline-scripts.ts';
import { RULES } from '../core/governance/rules/index.ts';
import type { Plane } from '../core/schemas/shared.ts';
import { latest, planeCards } from './view/home.ts';
import { metricsKey } from './view/metrics.ts';
import { planeFindings } from './view/plane-findings.ts';
import { viewContext } from './view/view-context.ts';

/**
 * Bumped when what a page shows comes to depend on something the keys below do not cover. Template
 * changes need no bump: Astro hashes each route's code and re-renders its pages when it changes.
 */
// 2: entry bodies render code blocks with their language and Mermaid diagrams in the document's
// font, which the entry's digest does not show.
const KEYS_VERSION = 2;

// Pages are kept with their policy completed from the reviewed scripts (src/build/csp-step.ts).
const REVIEWED_SCRIPTS = REVIEWED_INLINE_SCRIPTS.map((script) => script.hash).join(' ');

const siteKeys = new WeakMap<EditionReport, string>();

/**
 * What every page shows of the site as a whole: the platform's identity, the governance settings
 * (labels, levels), the edition and base path, and the inline scripts its policy allows. A change
 * here renders every page again.
 */
export function siteKey(report: EditionReport): string {
  let key = siteKeys.get(report);
  if (!key) {
    key = hash([KEYS_VERSION, RENDER_VERSION, REVIEWED_SCRIPTS, report.edition, report.graph.platform?.digest ?? '', report.content.governance, configuredBase()]);
    siteKeys.set(report, key);
  }
  return key;
}

/**
 * How far from an entry its page reaches. Every page shows its neighbours (relations, the card,
 * the diagram, scorecard checks on related entries, policy compliance, a service's delivery
 * metrics from its deployments and incidents); an owner's page also sums up what its neighbours
 * hold (a team's delivery metrics come from the deployments of the services it owns).
 */
const REACH: Partial<Record<AnyEntry['collection'], number>> = { owners: 2 };

/**
 * The cache key of an entry's page for Astro's incremental build: the site's key (`siteKey`) and
 * the entry's own (`entryContentKey`), hashed. Equal keys mean identical pages, so an unchanged
 * page is copied from the previous build instead of being rendered. `npm run build` hands the
 * entries' own keys over, made in its own process while Astro starts (`entryContentKeys`,
 * src/site/handed-ahead.ts).
 */
export function entryPageKey(report: EditionReport, entry: AnyEntry, contentKey: string = entryContentKey(report, entry, getSiteData())): string {
  return pageKey(report, contentKey);
}

/**
 * What an entry's page shows, hashed, but for the site-wide settings: the entry's card as shown
 * (dates and overdue marks included, so "now" moving on changes only the pages it changes), its
 * relations, and every entry within its reach with its file's digest, title, state, findings and
 * scorecard, plus when the entry last changed. Made of the report and `site` alone (not of the
 * build's configuration), so the build's own process can make it.
 */
export function entryContentKey(report: EditionReport, entry: AnyEntry, site: SiteData): string {
  const { graph } = report;
  const reached = new Set<string>([entry.key]);
  let frontier = [entry.key];
  for (let hop = 0; hop < (REACH[entry.collection] ?? 1); hop++) {
    const next: string[] = [];
    for (const key of frontier) {
      for (const link of graph.links(key)) {
        if (reached.has(link.target)) continue;
        reached.add(link.target);
        next.push(link.target);
      }
    }
    frontier = next;
  }
  const described = [...reached].sort().map((key) => neighbourKey(report, key, site));
  return hash([
    entryCard(entry, viewContext(report)),
    graph.links(entry.key).map((link) => [link.relation, link.target, link.edge.implicit]),
    described,
    // A service's or owner's delivery metrics reach further (every deployment of every service a
    // team owns, the window moving with the date): their computed values are part of the key.
    metricsKey(report, entry.key) ?? null,
    entry.facts.mermaid.length > 0 ? rendererVersion() : null,
    // A chapter links the chapters before and after it, by title.
    entry.collection === 'whitepaper' ? graph.collection('whitepaper').map((chapter) => [chapter.key, chapter.title, chapter.data.order]) : null,
    site.lastUpdated.get(entry.file)?.toISOString() ?? '',
  ]);
}

/** The own key of every entry page of `report` (every entry of the collections with pages), by entry key. */
export function entryContentKeys(report: EditionReport, site: SiteData): Map<string, string> {
  return new Map(ENTRY_COLLECTIONS.flatMap((collection) => report.graph.collection(collection).map((entry): [string, string] => [entry.key, entryContentKey(report, entry, site)])));
}

const neighbourKeys = new WeakMap<EditionReport, Map<string, string>>();

/**
 * What a page shows of an entry it reaches: the entry's file digest, title, state, findings and
 * scorecard, hashed. Made once per build and entry, however many pages reach it (an owner's
 * entry is reached by the pages of everything it owns).
 */
function neighbourKey(report: EditionReport, key: string, site: SiteData): string {
  let keys = neighbourKeys.get(report);
  if (!keys) {
    keys = new Map();
    neighbourKeys.set(report, keys);
  }
  let described = keys.get(key);
  if (described === undefined) {
    const other = report.graph.get(key);
    const findings = (site.findingsByEntry.get(key) ?? []).map((finding) => [finding.rule, finding.severity, finding.line, finding.message, finding.hint]);
    described = other ? hash([key, other.digest, other.title, entryStatus(other)?.text ?? '', report.hidden.has(key), findings, site.scoreByKey.get(key) ?? null]) : hash([key]);
    keys.set(key, described);
  }
  return described;
}

/**
 * The cache key of a plane's page (src/pages/planes/[plane].astro): its card (completeness and
 * counts), the newest entries it lists of each collection, the count of each of its rules'
 * findings, the findings on its entries, the title of every entry those link, and on Proof the
 * platform's delivery metrics. A change elsewhere in the platform leaves the page as it was (at
 * 10,000 entries, rendering the Identity plane's page took most of a second).
 */
export function planePageKey(report: EditionReport, plane: Plane): string {
  const card = planeCards(report).find((candidate) => candidate.plane === plane) ?? null;
  const listed = (card?.collections ?? []).map((collection) => latest(report, collection.name, 6).map((entry) => entry.key));
  const ruleCounts = RULES.filter((rule) => rule.plane === plane).map((rule) => [rule.id, report.findings.filter((finding) => finding.rule === rule.id).length]);
  const findings = planeFindings(report, plane);
  const named = new Set([...listed.flat(), ...findings.findings.flatMap((finding) => (finding.entry === undefined ? [] : [finding.entry]))]);
  return pageKey(report, ['plane', plane, card, listed, ruleCounts, findings, [...named].sort().map((key) => linkKey(report, key)), plane === 'proof' ? metricsKey(report) : null]);
}

/** What a link to an entry shows of it (src/components/EntryLink.astro): its title, or that it is left out. */
function linkKey(report: EditionReport, key: string): unknown {
  return [key, report.graph.get(key)?.title ?? null, report.hidden.has(key)];
}

/** The cache key of any page made from a value: the site's key and the value, hashed. */
export function pageKey(report: EditionReport, value: unknown): string {
  return hash([siteKey(report), value]);
}

/**
 * The cache key of one page of a collection's index (src/components/CollectionIndexPage.astro):
 * its rows as shown (every cell, title, finding count), its place among the pages and the
 * columns, all in `page`, and whether the platform has a whitepaper, which its related documents
 * link. An entry's change renders again only the index pages whose rows show it.
 */
export function indexPageKey(report: EditionReport, collection: string, columns: readonly string[], page: IndexPage): string {
  return pageKey(report, ['collection-index', collection, columns, page, report.graph.collection('whitepaper').length > 0]);
}

/** A build hashes some 20,000 keys at 10,000 entries: with Node's one-shot `hash`, not a `Hash` object each. */
function hash(value: unknown): string {
  return digest('sha256', JSON.stringify(plainForm(value)), 'base64url');
}

/**
 * `value` with every Map and Set in it turned into an array of its entries, as JSON shows them;
 * what holds none is returned as it is. A build hashes the keys of every page (at 10,000 entries,
 * 0.3 s of its page generation with a JSON replacer, which keeps V8 off its fast path), and
 * JSON.stringify without a replacer takes half the time of one; the walk costs less than the
 * difference, and the keys stay the same.
 */
export function plainForm(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Map || value instanceof Set) return plainForm([...value]);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item = plainForm(value[index]);
      if (item !== value[index]) (copy ??= [...value])[index] = item;
    }
    return copy ?? value;
  }
  // A value JSON takes through toJSON (a Date) holds nothing to turn.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    const item = plainForm(child);
    if (item !== child) (copy ??= { ...(value as Record<string, unknown>) })[key] = item;
  }
  return copy ?? value;
}
