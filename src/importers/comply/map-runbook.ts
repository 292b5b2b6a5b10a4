import { takeFirstHeading } from '../first-heading.ts';
import { baseName, titleFromFileName } from '../list-files.ts';
import type { CommonImportOptions, UnmappedItem } from '../import-result.ts';
import type { CriteriaCatalogue } from './criteria-catalogue.ts';
import { revisionComments, textField, unknownFields, unreadableDates, untitled } from './document-fields.ts';
import type { MappedDocument } from './map-policy.ts';
import type { ComplyDocument } from './read-document.ts';
import { readRevisions } from './revision-dates.ts';
import { readSatisfies } from './satisfies.ts';

const PROCEDURE_FIELDS = ['id', 'name', 'cron'];
const NARRATIVE_FIELDS = ['name', 'acronym', 'satisfies', 'majorRevisions'];

/**
 * Maps a comply procedure to a runbook of kind `procedure`. comply's own `id` (the name its
 * tickets use) becomes the entry ID. comply records no review date for procedures, so the last
 * review is the import day, reported so that someone confirms it. The sections the kind
 * requires are not invented: the check reports them missing.
 */
export function mapProcedure(document: ComplyDocument, source: string, options: CommonImportOptions): MappedDocument {
  const { metadata, body } = document;
  const unmapped: UnmappedItem[] = [];
  const name = textField(metadata, 'name');
  const heading = name ? undefined : takeFirstHeading(body)?.title;
  if (!name) unmapped.push(untitled(source, 'procedure', heading));
  const cron = textField(metadata, 'cron');
  if (cron) {
    unmapped.push({ source, what: `cron "${cron}"`, why: 'runbooks have no schedule; comply opens a ticket on it, so keep the schedule in your ticketing or job scheduler' });
  }
  unmapped.push(
    { source, what: 'review.last', why: `comply records no review date for procedures; set to the import day ${options.date}, confirm it` },
    ...unknownFields(metadata, PROCEDURE_FIELDS, source, 'runbook'),
  );
  return {
    draft: {
      collection: 'runbooks',
      name: textField(metadata, 'id') ?? baseName(source),
      source,
      page: source,
      bodyLine: document.bodyLine,
      data: {
        title: name ?? heading ?? titleFromFileName(source),
        owner: options.owner,
        kind: 'procedure',
        review: { cadence: '1y', last: options.date },
      },
      comments: [`Imported from comply: ${source}.`],
      body,
    },
    unmapped,
    unchecked: [],
  };
}

/**
 * Maps a comply narrative to a runbook of kind `architecture`. Narratives describe the system,
 * the organization and its controls as they stand, for auditors, and are revised as those
 * change: a living, owned and reviewed document of the Knowledge plane. Articles (Narrative
 * plane) are dated one-off explanations of a decision or lesson, which narratives are not.
 * Their `satisfies` has no field on a runbook, so it is reported.
 */
export function mapNarrative(
  document: ComplyDocument,
  source: string,
  options: CommonImportOptions,
  catalogues: ReadonlyMap<string, CriteriaCatalogue>,
): MappedDocument {
  const { metadata, body } = document;
  const unmapped: UnmappedItem[] = [];
  const name = textField(metadata, 'name');
  const acronym = textField(metadata, 'acronym');
  const heading = name ? undefined : takeFirstHeading(body)?.title;
  if (!name) unmapped.push(untitled(source, 'narrative', heading));
  const revisions = readRevisions(metadata?.majorRevisions);
  if (!revisions.newest) {
    unmapped.push({ source, what: 'review.last', why: `no readable majorRevisions date; set to the import day ${options.date}, confirm it` });
  }
  const satisfies = readSatisfies(metadata?.satisfies, source, catalogues);
  for (const mapping of satisfies.compliance) {
    unmapped.push({
      source,
      what: `satisfies ${mapping.framework} [${mapping.criteria.join(', ')}]`,
      why: 'runbooks carry no compliance criteria; the policies that satisfy them do',
    });
  }
  unmapped.push(
    ...satisfies.unmapped,
    ...revisionComments(revisions, source, 'a runbook'),
    ...unreadableDates(revisions, source),
    ...unknownFields(metadata, NARRATIVE_FIELDS, source, 'runbook'),
  );
  return {
    draft: {
      collection: 'runbooks',
      name: baseName(source),
      source,
      page: source,
      bodyLine: document.bodyLine,
      data: {
        title: name ?? heading ?? titleFromFileName(source),
        ...(acronym ? { tags: [acronym] } : {}),
        owner: options.owner,
        kind: 'architecture',
        review: { cadence: '1y', last: revisions.newest ?? options.date },
      },
      comments: [`Imported from comply: ${source} (a narrative).`],
      body,
    },
    unmapped,
    unchecked: satisfies.unchecked,
  };
}
