import type { UnmappedItem } from '../import-result.ts';
import { type CriteriaCatalogue, frameworkName } from './criteria-catalogue.ts';

/** One framework's criteria, as a policy's `compliance` lists them. */
export interface ComplianceMapping {
  readonly framework: string;
  readonly criteria: string[];
}

/**
 * Reads comply's `satisfies` (`{TSC: [CC1.2, ...]}`) into compliance mappings. Criteria are
 * checked against the standard's catalogue when the project has one: unknown criteria are left
 * out and reported, since recording a criterion the standard does not have would claim
 * compliance nobody can audit.
 */
export function readSatisfies(
  value: unknown,
  source: string,
  catalogues: ReadonlyMap<string, CriteriaCatalogue>,
): { compliance: ComplianceMapping[]; unmapped: UnmappedItem[]; unchecked: string[] } {
  const compliance: ComplianceMapping[] = [];
  const unmapped: UnmappedItem[] = [];
  const unchecked: string[] = [];
  if (value === undefined || value === null) return { compliance, unmapped, unchecked };
  if (typeof value !== 'object' || Array.isArray(value)) {
    unmapped.push({ source, what: `satisfies ${JSON.stringify(value)}`, why: 'expected standards with their criteria, like {TSC: [CC1.2]}' });
    return { compliance, unmapped, unchecked };
  }
  for (const [standard, listed] of Object.entries(value as Record<string, unknown>)) {
    const items = (Array.isArray(listed) ? listed : [listed]).filter((item) => item !== null && item !== undefined);
    const criteria = items.map((item) => String(item).trim()).filter((item) => item !== '');
    const catalogue = catalogues.get(standard);
    if (!catalogue) unchecked.push(standard);
    const known = catalogue ? criteria.filter((criterion) => catalogue.criteria.has(criterion)) : criteria;
    const unknown = criteria.filter((criterion) => !known.includes(criterion));
    if (unknown.length > 0 && catalogue) {
      unmapped.push({
        source,
        what: `satisfies ${standard} [${unknown.join(', ')}]`,
        why: `not ${unknown.length === 1 ? 'a criterion' : 'criteria'} of ${catalogue.source}, so left out of compliance`,
      });
    }
    if (known.length > 0) compliance.push({ framework: frameworkName(standard), criteria: [...new Set(known)] });
    else if (criteria.length === 0) unmapped.push({ source, what: `satisfies ${standard}`, why: 'it lists no criteria' });
  }
  return { compliance, unmapped, unchecked };
}
