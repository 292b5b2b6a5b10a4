import type { AnyEntry, Entry } from '../../core/content/entry.ts';
import type { PlatformGraph } from '../../core/graph/build-graph.ts';
import { entryHref } from '../../site/routes.ts';
import { type BackstageEntity, type BackstageKind, type EntityLink, type ExportNote, ID_ANNOTATION } from './entity.ts';
import { entityNameFor, tagFor, withHash } from './entity-name.ts';

const API_VERSION = 'backstage.io/v1alpha1';
const NAMESPACE = 'default';

/** The entities of one export and what the export had to change on the way. */
export interface BackstageExport {
  /** System first, then groups, users and components, each ordered by ID. */
  readonly entities: readonly BackstageEntity[];
  readonly notes: readonly ExportNote[];
}

type Service = Entry<'services'>;

/**
 * Maps the checked platform onto Backstage's catalog model: the platform becomes a System owned
 * by the trust anchor, teams Groups, people Users and services Components of that system.
 * Relations come from the graph, not from the raw fields, so only references that resolved are
 * written and every inverse (a group's children, a user's groups) matches its forward side.
 * Drafts are left out, as they are from the published site.
 */
export function buildBackstageEntities(graph: PlatformGraph): BackstageExport {
  const platform = graph.platform;
  if (!platform) throw new Error('The content has no valid platform.yaml, so there is no system to export.');
  const notes: ExportNote[] = [];
  const published = <T extends AnyEntry>(entries: readonly T[]) => entries.filter((entry) => !('draft' in entry.data && entry.data.draft));
  const owners = published(graph.collection('owners'));
  const teams = owners.filter((owner) => owner.data.kind === 'team');
  const people = owners.filter((owner) => owner.data.kind === 'person');
  const services = published(graph.collection('services'));

  const names = new Map<string, string>();
  const taken = new Set<string>();
  const assign = (entry: AnyEntry, kind: BackstageKind) => {
    const proposed = entityNameFor(entry.id);
    let name = proposed.name;
    const reasons = [...proposed.reasons];
    // Backstage compares names without regard to letter case.
    if (taken.has(`${kind}:${name.toLowerCase()}`)) {
      name = withHash(name, entry.id);
      reasons.push(`its name would clash with another ${kind.toLowerCase()}'s`);
    }
    taken.add(`${kind}:${name.toLowerCase()}`);
    names.set(entry.key, name);
    if (reasons.length > 0) {
      notes.push({
        entry: entry.key,
        message: `ID \`${entry.id}\` cannot be a Backstage name as it is (${reasons.join('; ')}); exported as ${kind} \`${name}\`, with the ID kept in the ${ID_ANNOTATION} annotation.`,
      });
    }
  };
  for (const team of teams) assign(team, 'Group');
  for (const person of people) assign(person, 'User');
  for (const service of services) assign(service, 'Component');

  const exported = new Set(names.keys());
  const ownerRef = (owner: AnyEntry) =>
    `${owner.collection === 'owners' && owner.data.kind === 'person' ? 'user' : 'group'}:${NAMESPACE}/${names.get(owner.key)}`;
  const refsOf = (from: AnyEntry, relation: Parameters<PlatformGraph['related']>[1], accept: (entry: AnyEntry) => boolean, what: string) =>
    graph.related(from.key, relation).filter((target) => {
      if (!exported.has(target.key)) {
        notes.push({ entry: from.key, message: `${what} \`${target.id}\` is a draft, so the reference to it is left out.` });
        return false;
      }
      if (accept(target)) return true;
      const kind = target.collection === 'owners' ? `a ${target.data.kind}` : `in ${target.collection}`;
      notes.push({ entry: from.key, message: `${what} \`${target.id}\` is ${kind}, which Backstage does not accept there, so it is left out.` });
      return false;
    });
  const isTeam = (entry: AnyEntry) => entry.collection === 'owners' && entry.data.kind === 'team';
  const isPerson = (entry: AnyEntry) => entry.collection === 'owners' && entry.data.kind === 'person';

  const anchored = graph.related(platform.key, 'anchoredBy')[0];
  if (!anchored || !exported.has(anchored.key)) {
    throw new Error('The platform\'s trust anchor is not a published owner, so the system would have no owner. Set trustAnchor in content/platform.yaml.');
  }
  const anchor: AnyEntry = anchored;
  const systemName = entityNameFor(platform.data.name.toLowerCase()).name;
  const systemRef = `system:${NAMESPACE}/${systemName}`;
  const siteUrl = platform.data.url?.replace(/\/$/, '');
  const repository = platform.data.repository?.replace(/\/$/, '');
  const absolute = (url: string | undefined) => {
    if (!url) return undefined;
    if (/^https?:\/\//.test(url)) return url;
    return siteUrl ? `${siteUrl}${url}` : undefined;
  };

  // Links back to the knowledge base: where the entry is published and where it is edited.
  const sourceAnnotations = (entry: AnyEntry): Record<string, string> => ({
    ...(siteUrl ? { 'backstage.io/view-url': `${siteUrl}${entryHref(entry.key)}` } : {}),
    // GitHub and GitLab share the /edit/<branch>/<path> form, as the site's edit links do.
    ...(repository ? { 'backstage.io/edit-url': `${repository}/edit/${platform.data.editBranch}/${entry.file}` } : {}),
  });
  const metadata = (entry: AnyEntry, extra: { annotations?: Record<string, string>; labels?: Record<string, string>; tags?: string[]; links?: EntityLink[] } = {}) => {
    const name = names.get(entry.key) ?? entry.id;
    const annotations = { ...(name !== entry.id ? { [ID_ANNOTATION]: entry.id } : {}), ...sourceAnnotations(entry), ...extra.annotations };
    const tags = [...new Set([...(extra.tags ?? []), ...tagsOf(entry, notes)])];
    return {
      name,
      title: entry.title,
      ...('description' in entry.data && entry.data.description ? { description: entry.data.description } : {}),
      ...(extra.labels && Object.keys(extra.labels).length > 0 ? { labels: extra.labels } : {}),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      ...(tags.length > 0 ? { tags } : {}),
      ...(extra.links && extra.links.length > 0 ? { links: extra.links } : {}),
    };
  };
  const linkOf = (entry: AnyEntry, url: string | undefined, title: string, icon?: string): EntityLink[] => {
    if (!url) return [];
    const resolved = absolute(url);
    if (resolved) return [{ url: resolved, title, ...(icon ? { icon } : {}) }];
    notes.push({ entry: entry.key, message: `The ${title.toLowerCase()} link \`${url}\` is a site path and platform.yaml has no url, so it is left out.` });
    return [];
  };

  const system: BackstageEntity = {
    apiVersion: API_VERSION,
    kind: 'System',
    metadata: {
      name: systemName,
      title: platform.data.name,
      ...(platform.data.description ? { description: platform.data.description } : {}),
      annotations: {
        ...(siteUrl ? { 'backstage.io/view-url': `${siteUrl}/` } : {}),
        ...(repository ? { 'backstage.io/edit-url': `${repository}/edit/${platform.data.editBranch}/${platform.file}` } : {}),
      },
      ...(platform.data.links.length > 0
        ? { links: platform.data.links.flatMap((link) => linkOf(platform, link.url, link.label)) }
        : {}),
    },
    spec: { owner: ownerRef(anchor) },
  };

  const groups = teams.map((team): BackstageEntity => {
    const { contact, escalation } = team.data;
    const parent = refsOf(team, 'childOf', isTeam, 'Parent')[0];
    return {
      apiVersion: API_VERSION,
      kind: 'Group',
      metadata: metadata(team, {
        annotations: {
          ...(contact.chat ? { 'multiplane.dev/chat': contact.chat } : {}),
          ...(escalation?.route ? { 'multiplane.dev/escalation': escalation.route } : {}),
        },
        links: [...linkOf(team, contact.url, 'Team page', 'group'), ...linkOf(team, escalation?.url, 'Escalation', 'alert')],
      }),
      spec: {
        type: 'team',
        profile: { displayName: team.title, ...(contact.email ? { email: contact.email } : {}) },
        ...(parent ? { parent: ownerRef(parent) } : {}),
        children: refsOf(team, 'parentOf', isTeam, 'Child').map(ownerRef),
        members: refsOf(team, 'hasMember', isPerson, 'Member').map(ownerRef),
      },
    };
  });

  const users = people.map((person): BackstageEntity => {
    const { contact, role } = person.data;
    return {
      apiVersion: API_VERSION,
      kind: 'User',
      metadata: metadata(person, {
        annotations: {
          ...(contact.chat ? { 'multiplane.dev/chat': contact.chat } : {}),
          ...(role ? { 'multiplane.dev/role': role } : {}),
        },
        links: linkOf(person, contact.url, 'Profile', 'user'),
      }),
      spec: {
        profile: { displayName: person.title, ...(contact.email ? { email: contact.email } : {}) },
        // A person listed as a member of a team shows up here through the graph's inverse view.
        memberOf: refsOf(person, 'memberOf', isTeam, 'Team').map(ownerRef),
      },
    };
  });

  const components = services.map((service) => component(service));
  function component(service: Service): BackstageEntity {
    const { operations, tier, lifecycle } = service.data;
    const owner = refsOf(service, 'ownedBy', () => true, 'Owner')[0];
    if (!owner) {
      notes.push({ entry: service.key, message: `The owner of \`${service.id}\` is not exported, so the component is owned by the trust anchor \`${anchor.id}\`.` });
    }
    const onCall = refsOf(service, 'onCall', () => true, 'On-call owner')[0];
    const mapped = backstageLifecycle(lifecycle);
    if (mapped !== lifecycle) {
      notes.push({
        entry: service.key,
        message: `Lifecycle \`${lifecycle}\` is exported as \`${mapped}\`: Backstage knows experimental, production and deprecated. The original is kept in the multiplane.dev/lifecycle label.`,
      });
    }
    const repo = absolute(operations.repository);
    const github = repo ? /^https:\/\/github\.com\/([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(repo)?.[1] : undefined;
    return {
      apiVersion: API_VERSION,
      kind: 'Component',
      metadata: metadata(service, {
        labels: {
          'multiplane.dev/tier': String(tier),
          'multiplane.dev/data-classification': operations.dataClassification,
          ...(mapped !== lifecycle ? { 'multiplane.dev/lifecycle': lifecycle } : {}),
        },
        tags: [`tier-${tier}`],
        annotations: {
          ...(repo ? { 'backstage.io/source-location': `url:${repo}` } : {}),
          ...(github ? { 'github.com/project-slug': github } : {}),
          ...(operations.monitoring ? { 'multiplane.dev/monitoring': absolute(operations.monitoring) ?? operations.monitoring } : {}),
          ...(onCall ? { 'multiplane.dev/on-call': ownerRef(onCall) } : {}),
        },
        links: [
          ...linkOf(service, operations.monitoring, 'Monitoring', 'dashboard'),
          ...linkOf(service, operations.repository, 'Repository', 'github'),
        ],
      }),
      spec: {
        type: 'service',
        lifecycle: mapped,
        owner: ownerRef(owner ?? anchor),
        system: systemRef,
        dependsOn: refsOf(service, 'dependsOn', () => true, 'Dependency').map(
          (target) => `component:${NAMESPACE}/${names.get(target.key)}`,
        ),
      },
    };
  }

  // Grouped by entry (the sort is stable), so each entry's changes read together.
  notes.sort((a, b) => a.entry.localeCompare(b.entry));
  return { entities: [system, ...groups, ...users, ...components], notes };
}

/** Backstage's well-known lifecycles; `retired` has no counterpart and is closest to `deprecated`. */
export function backstageLifecycle(lifecycle: Service['data']['lifecycle']): 'experimental' | 'production' | 'deprecated' {
  return lifecycle === 'retired' ? 'deprecated' : lifecycle;
}

function tagsOf(entry: AnyEntry, notes: ExportNote[]): string[] {
  const tags = 'tags' in entry.data ? entry.data.tags : [];
  return tags.flatMap((tag) => {
    const converted = tagFor(tag);
    if (converted === tag) return [tag];
    notes.push({
      entry: entry.key,
      message: converted
        ? `Tag \`${tag}\` is exported as \`${converted}\` (Backstage tags are lower-case letters, digits, +, # and -).`
        : `Tag \`${tag}\` has nothing Backstage accepts in a tag, so it is left out.`,
    });
    return converted ? [converted] : [];
  });
}
