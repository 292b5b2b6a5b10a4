import { takeFirstHeading } from '../first-heading.ts';
import { baseName, titleFromFileName } from '../list-files.ts';
import type { CommonImportOptions, DraftEntry, UnmappedItem } from '../import-result.ts';
import type { CriteriaCatalogue } from './criteria-catalogue.ts';
import { revisionComments, textField, unknownFields, unreadableDates, untitled } from './document-fields.ts';
import { inferPolicyCategory } from './policy-category.ts';
import type { ComplyDocument } from './read-document.ts';
import { readRevisions } from './revision-dates.ts';
import { readSatisfies } from './satisfies.ts';

/** What mapping one comply document produced. */
export interface MappedDocument {
  readonly draft: DraftEntry;
  readonly unmapped: UnmappedItem[];
  /** Standards named in `satisfies` that the project has no catalogue for. */
  readonly unchecked: string[];
}

const POLICY_FIELDS = ['name', 'acronym', 'satisfies', 'majorRevisions'];

/**
 * Maps a comply policy to a policy entry. What comply does not record is filled in
 * conservatively and named in the report or the frontmatter comment: the policy is a draft, its
 * enforcement is manual and "Not yet recorded", its owner is the one given (or a placeholder
 * the check flags), so governance shows the gaps instead of the import hiding them.
 */
export function mapPolicy(document: ComplyDocument, source: string, options: CommonImportOptions, catalogues: ReadonlyMap<string, CriteriaCatalogue>): MappedDocument {
  const { metadata, body } = document;
  const unmapped: UnmappedItem[] = [];
  const name = textField(metadata, 'name');
  const acronym = textField(metadata, 'acronym');
  const heading = name ? undefined : takeFirstHeading(body)?.title;
  if (!name) unmapped.push(untitled(source, 'policy', heading));
  const revisions = readRevisions(metadata?.majorRevisions);
  if (!revisions.newest) {
    unmapped.push({ source, what: 'effective and review.last', why: `no readable majorRevisions date; both set to the import day ${options.date}, correct them` });
  }
  const satisfies = readSatisfies(metadata?.satisfies, source, catalogues);
  unmapped.push(
    ...satisfies.unmapped,
    ...revisionComments(revisions, source, 'a policy'),
    ...unreadableDates(revisions, source),
    ...unknownFields(metadata, POLICY_FIELDS, source, 'policy'),
  );
  const title = name ?? heading ?? titleFromFileName(source);
  const data: Record<string, unknown> = {
    title,
    ...(acronym ? { tags: [acronym] } : {}),
    owner: options.owner,
    // An imported policy is someone else's text until this platform adopts it: a draft is
    // shown and checked, but not counted as governing anything (no review-overdue errors, no
    // services governed by it) until a person sets it active.
    status: 'draft',
    category: inferPolicyCategory(title, acronym),
    effective: revisions.oldest ?? options.date,
    review: { cadence: '1y', last: revisions.newest ?? options.date },
    enforcement: { mode: 'manual', mechanism: 'Not yet recorded' },
    ...(satisfies.compliance.length > 0 ? { compliance: satisfies.compliance } : {}),
  };
  return {
    draft: {
      collection: 'policies',
      name: baseName(source),
      source,
      page: source,
      bodyLine: document.bodyLine,
      data,
      comments: [
        `Imported from comply: ${source}.`,
        'A draft until this platform adopts it: set the owner, how it is enforced, then status: active.',
      ],
      body,
    },
    unmapped,
    unchecked: satisfies.unchecked,
  };
}
