/**
 * The framework-free engine: schemas, content loading, the graph and the governance rules.
 * The CLI, the tests and the Astro site all import from here.
 */
export { COLLECTIONS, COLLECTION_NAMES, PLANES, GovernanceSchema } from './schemas/index.ts';
export type { CollectionDefinition, CollectionData, CollectionName, EntryCollectionName, Governance, Plane } from './schemas/index.ts';
export { PLANE_DEFINITIONS, collectionsOfPlane } from './planes.ts';
export { loadContent } from './content/load-content.ts';
export type { LoadedContent, LoadOptions } from './content/content-store.ts';
export type { AnyEntry, Entry } from './content/entry.ts';
export { entryIdFromPath } from './content/entry-id.ts';
export { DIAGNOSTICS } from './findings/catalogue.ts';
export type { RuleDocs } from './findings/catalogue.ts';
export { buildGraph } from './graph/build-graph.ts';
export type { DanglingReference, Edge, Link, PlatformGraph } from './graph/build-graph.ts';
export { findCycles } from './graph/cycles.ts';
export { LOOP_STEPS, loopClosures, openLoops } from './graph/loop.ts';
export { RELATION_PAIRS, inverseOf, relationLabel } from './graph/relations.ts';
export type { RelationName } from './graph/relations.ts';
export { RULES } from './governance/rules/index.ts';
export type { Rule, RuleContext, RuleResult } from './governance/rule.ts';
export type { Finding, Severity } from './findings/finding.ts';
export { runRules } from './governance/run-rules.ts';
export { scoreServices, countByLevel, scoresByOwner } from './governance/scorecard.ts';
export type { ServiceScore } from './governance/scorecard.ts';
export { planeCompleteness } from './governance/completeness.ts';
export { runCheck } from './check/run-check.ts';
export type { CheckOptions, CheckReport } from './check/run-check.ts';
export { formatHuman } from './check/format-human.ts';
export { formatJson } from './check/format-json.ts';
export { formatAnnotation, formatGithub } from './check/format-github.ts';
export { resolveNow } from './time.ts';
