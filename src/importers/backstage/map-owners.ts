import { LINK_TITLES, MULTIPLANE_KEYS } from '../../exporters/backstage/entity.ts';
import { PLACEHOLDER } from '../../core/governance/rules/placeholder-text.ts';
import type { ImportedEntry, UnmappedItem } from '../import-result.ts';
import { type CatalogIndex, describeEntity, refOf, refsOf } from './catalog-index.ts';
import { parseRef, refKey } from './entity-ref.ts';
import type { CatalogEntity } from './read-catalog.ts';
import { isWebAddress, metadataFields, unknownKeys } from './entity-fields.ts';

const GROUP_SPEC = ['type', 'profile', 'parent', 'children', 'members'];
const USER_SPEC = ['profile', 'memberOf'];
const PROFILE = ['displayName', 'email'];

/**
 * Maps Groups and Users to owners: a Group becomes a team (with its parent, and as members the
 * Users that list it in `memberOf` and those it lists itself), a User a person. Their display
 * name, email and the chat, escalation and role annotations the export writes become the
 * owner's fields. An owner needs a way to be reached: one with neither email, chat nor a link
 * gets a `TODO` chat line, which the check reports until someone fills it in.
 */
export function mapOwners(entities: readonly CatalogEntity[], index: CatalogIndex): { entries: ImportedEntry[]; unmapped: UnmappedItem[] } {
  const unmapped: UnmappedItem[] = [];
  const entries: ImportedEntry[] = [];
  const users = entities.filter((entity) => entity.kind === 'User');
  for (const entity of entities) {
    if (entity.kind !== 'Group' && entity.kind !== 'User') continue;
    const group = entity.kind === 'Group';
    const namespace = entity.metadata.namespace ?? 'default';
    const report = (what: string, why: string) => unmapped.push({ source: entity.source, line: entity.line, what: `${describeEntity(entity)}: ${what}`, why });
    const profile = (entity.spec.profile ?? {}) as Record<string, unknown>;
    const annotations = entity.metadata.annotations ?? {};
    const links = (entity.metadata.links ?? []).filter((link) => isWebAddress(link.url));
    const pageLink = links.find((link) => link.title === (group ? LINK_TITLES.teamPage : LINK_TITLES.profile)) ?? links.find((link) => link.title !== LINK_TITLES.escalation);
    const escalationLink = links.find((link) => link.title === LINK_TITLES.escalation);
    const title = text(profile.displayName) ?? text(entity.metadata.title) ?? entity.metadata.name;
    const email = text(profile.email);
    const chat = text(annotations[MULTIPLANE_KEYS.chat]);
    const contact: Record<string, string> = { ...(email ? { email } : {}), ...(chat ? { chat } : {}), ...(pageLink ? { url: pageLink.url } : {}) };
    if (Object.keys(contact).length === 0) {
      contact.chat = `${PLACEHOLDER}: how to reach ${title}`;
      report('contact', 'the catalog gives no email, chat or link; a TODO chat line was written, which the check reports');
    }
    const data: Record<string, unknown> = {
      title,
      ...metadataFields(entity),
      kind: group ? 'team' : 'person',
      contact,
    };
    if (group) {
      const route = text(annotations[MULTIPLANE_KEYS.escalation]);
      const next = parseRef(annotations[MULTIPLANE_KEYS.escalatesTo], 'group', namespace);
      if (route) data.escalation = { route, ...(escalationLink ? { url: escalationLink.url } : {}), ...(next ? { next: index.ownerId(next) } : {}) };
      const own = refKey(refOf(entity));
      const listed = refsOf(entity.spec.members, 'user', namespace).map((ref) => index.ownerId(ref));
      const members = users.filter((user) => refsOf(user.spec.memberOf, 'group', user.metadata.namespace ?? 'default').some((ref) => refKey(ref) === own)).map((user) => index.idOf(user));
      const all = [...new Set([...listed, ...members])];
      if (all.length > 0) data.members = all;
      const parent = parseRef(entity.spec.parent, 'group', namespace);
      if (parent) data.parent = index.ownerId(parent);
      const type = text(entity.spec.type);
      if (type && type !== 'team') report(`type ${type}`, 'Multiplane owners are teams or people; imported as a team, with the groups above and below it as parent and children');
    } else {
      const role = text(annotations[MULTIPLANE_KEYS.role]);
      if (role) data.role = role;
    }
    for (const ref of [...refsOf(group ? entity.spec.members : entity.spec.memberOf, group ? 'user' : 'group', namespace), ...(group ? refsOf(entity.spec.parent, 'group', namespace) : [])]) {
      if (!index.hasOwner(ref)) report(`${group ? 'member or parent' : 'memberOf'} ${ref.kind}:${ref.name}`, 'not in the catalog; the check reports the reference until that owner is added');
    }
    if (typeof profile.picture === 'string') report('profile.picture', 'owner pages show no pictures');
    const extraProfile = unknownKeys(profile, [...PROFILE, 'picture']);
    if (extraProfile.length > 0) report(`profile ${extraProfile.join(', ')}`, 'no owner field holds them');
    const extraSpec = unknownKeys(entity.spec, group ? GROUP_SPEC : USER_SPEC);
    if (extraSpec.length > 0) report(`spec ${extraSpec.join(', ')}`, 'no owner field holds them');
    const leftLinks = links.filter((link) => link !== pageLink && link !== escalationLink);
    if (leftLinks.length > 0) report(`links ${leftLinks.map((link) => link.url).join(', ')}`, 'an owner has one page link; the others were left out');
    unmapped.push(...unknownMetadata(entity));
    entries.push({
      collection: 'owners',
      id: index.idOf(entity),
      source: entity.source,
      data,
      comments: [`Imported from Backstage: ${refKey(refOf(entity))} in ${entity.source}.`],
      body: '',
    });
  }
  return { entries, unmapped };
}

/** Report lines for annotations and labels that are not the export's own. */
export function unknownMetadata(entity: CatalogEntity): UnmappedItem[] {
  const known = new Set<string>([...Object.values(MULTIPLANE_KEYS), 'backstage.io/view-url', 'backstage.io/edit-url', 'backstage.io/managed-by-location', 'backstage.io/managed-by-origin-location']);
  const items: UnmappedItem[] = [];
  const annotations = Object.keys(entity.metadata.annotations ?? {}).filter((key) => !known.has(key) && key !== 'backstage.io/source-location' && key !== 'github.com/project-slug');
  const labels = Object.keys(entity.metadata.labels ?? {}).filter((key) => !known.has(key));
  if (annotations.length > 0) {
    items.push({ source: entity.source, line: entity.line, what: `${describeEntity(entity)}: annotations ${annotations.join(', ')}`, why: 'they configure Backstage plugins; no entry field holds them' });
  }
  if (labels.length > 0) items.push({ source: entity.source, line: entity.line, what: `${describeEntity(entity)}: labels ${labels.join(', ')}`, why: 'no entry field holds them; tags are kept' });
  return items;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
