import type { AnyEntry, Entry } from '../../core/content/entry.ts';
import type { PlatformGraph } from '../../core/graph/build-graph.ts';
import { entryHref } from '../../site/routes.ts';
import { type BackstageEntity, type BackstageKind, type EntityLink, type ExportNote, ID_ANNOTATION, LINK_TITLES, MULTIPLANE_KEYS } from './entity.ts';
import { entityNameFor, tagFor, withHash } from './entity-name.ts';

const API_VERSION = 'backstage.io/v1alpha1';

/** The entities of one export and what the export had to change on the way. */
export interface BackstageExport {
  /** Systems first (the platform's, then its services' systems), then groups, users and components, each ordered by ID. */
  readonly entities: readonly BackstageEntity[];
  readonly notes: readonly ExportNote[];
}

type Service = Entry<'services'>;

/**
 * Maps the checked platform onto Backstage's catalog model: the platform becomes a System owned
 * by the trust anchor, teams Groups, people Users and services Components of the system they name
 * (`system:`, each exported as a System of its own) or else of the platform's. Relations come from
 * the graph, not from the raw fields, so only references that resolved are written and every
 * inverse (a group's children, a user's groups) matches its forward side. References are written
 * short, as Backstage's own examples write them: the kind and the default namespace are left out
 * where the field implies them (`owner: team-a`, `memberOf: [team-a]`, but `owner: user:sam`).
 * With the site's address in platform.yaml, each entity links its page in the knowledge base, and
 * each component the runbooks covering it and the policies governing it. What Backstage has no
 * field for (tier, on-call, alerting, backups, escalation) rides in `multiplane.dev/` annotations
 * and labels, so `npm run import -- backstage` restores the entries. Drafts are left out, as they
 * are from the published site.
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
  // Short references: the kind and namespace a field implies are left out (Backstage's defaults).
  const isPersonEntry = (owner: AnyEntry) => owner.collection === 'owners' && owner.data.kind === 'person';
  const ownerRef = (owner: AnyEntry) => (isPersonEntry(owner) ? `user:${names.get(owner.key)}` : `${names.get(owner.key)}`);
  const nameOf = (entry: AnyEntry) => `${names.get(entry.key)}`;
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
        [MULTIPLANE_KEYS.platform]: 'true',
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
    const next = refsOf(team, 'escalatesTo', () => true, 'Escalation')[0];
    return {
      apiVersion: API_VERSION,
      kind: 'Group',
      metadata: metadata(team, {
        annotations: {
          ...(contact.chat ? { [MULTIPLANE_KEYS.chat]: contact.chat } : {}),
          ...(escalation?.route ? { [MULTIPLANE_KEYS.escalation]: escalation.route } : {}),
          ...(next ? { [MULTIPLANE_KEYS.escalatesTo]: ownerRef(next) } : {}),
        },
        links: [...linkOf(team, contact.url, LINK_TITLES.teamPage, 'group'), ...linkOf(team, escalation?.url, LINK_TITLES.escalation, 'alert')],
      }),
      spec: {
        type: 'team',
        profile: { displayName: team.title, ...(contact.email ? { email: contact.email } : {}) },
        ...(parent ? { parent: nameOf(parent) } : {}),
        children: refsOf(team, 'parentOf', isTeam, 'Child').map(nameOf),
        members: refsOf(team, 'hasMember', isPerson, 'Member').map(nameOf),
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
          ...(contact.chat ? { [MULTIPLANE_KEYS.chat]: contact.chat } : {}),
          ...(role ? { [MULTIPLANE_KEYS.role]: role } : {}),
        },
        links: linkOf(person, contact.url, LINK_TITLES.profile, 'user'),
      }),
      spec: {
        profile: { displayName: person.title, ...(contact.email ? { email: contact.email } : {}) },
        // A person listed as a member of a team shows up here through the graph's inverse view.
        memberOf: refsOf(person, 'memberOf', isTeam, 'Team').map(nameOf),
      },
    };
  });

  // The systems services name, each a System owned by the owner its services share, else the trust anchor.
  const systemNames = new Map<string, string>();
  const systems: BackstageEntity[] = [];
  for (const named of [...new Set(services.flatMap((service) => (service.data.system ? [service.data.system] : [])))].sort()) {
    const proposed = entityNameFor(named.toLowerCase()).name;
    const name = proposed === systemName || systems.some((entity) => entity.metadata.name === proposed) ? withHash(proposed, named) : proposed;
    systemNames.set(named, name);
    const members = services.filter((service) => service.data.system === named);
    const owners = [...new Set(members.map((service) => refsOf(service, 'ownedBy', () => true, 'Owner')[0]?.key))];
    const shared = owners.length === 1 && owners[0] ? graph.get(owners[0]) : undefined;
    systems.push({
      apiVersion: API_VERSION,
      kind: 'System',
      metadata: { name, title: named },
      spec: { owner: ownerRef(shared ?? anchor) },
    });
  }
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
    // The policies the service itself names (not those that apply to every service), for an import to restore.
    const governedBy = graph.targets(service.key, ['governedBy']).map((target) => target.entry);
    // Pages of the knowledge base a Backstage user wants from the component: its own, the
    // runbooks covering it and the policies governing it (published ones only).
    const page = (entry: AnyEntry, title: string): EntityLink[] => (siteUrl && !('draft' in entry.data && entry.data.draft) ? [{ url: `${siteUrl}${entryHref(entry.key)}`, title, icon: 'docs' }] : []);
    return {
      apiVersion: API_VERSION,
      kind: 'Component',
      metadata: metadata(service, {
        labels: {
          [MULTIPLANE_KEYS.tier]: String(tier),
          [MULTIPLANE_KEYS.dataClassification]: operations.dataClassification,
          ...(mapped !== lifecycle ? { [MULTIPLANE_KEYS.lifecycle]: lifecycle } : {}),
        },
        tags: [`tier-${tier}`],
        annotations: {
          ...(repo ? { 'backstage.io/source-location': `url:${repo}` } : {}),
          ...(github ? { 'github.com/project-slug': github } : {}),
          ...(operations.monitoring ? { [MULTIPLANE_KEYS.monitoring]: absolute(operations.monitoring) ?? operations.monitoring } : {}),
          ...(operations.alerting ? { [MULTIPLANE_KEYS.alerting]: operations.alerting } : {}),
          ...(onCall ? { [MULTIPLANE_KEYS.onCall]: ownerRef(onCall) } : {}),
          ...(operations.backups ? { [MULTIPLANE_KEYS.backups]: operations.backups.schedule } : {}),
          ...(operations.backups?.lastRestoreTest ? { [MULTIPLANE_KEYS.lastRestoreTest]: operations.backups.lastRestoreTest.toISOString().slice(0, 10) } : {}),
          ...(governedBy.length > 0 ? { [MULTIPLANE_KEYS.governedBy]: governedBy.map((policy) => policy.id).join(', ') } : {}),
        },
        links: [
          ...page(service, LINK_TITLES.page),
          ...linkOf(service, operations.monitoring, LINK_TITLES.monitoring, 'dashboard'),
          ...linkOf(service, operations.repository, LINK_TITLES.repository, 'github'),
          ...graph.related(service.key, 'coveredBy').flatMap((runbook) => page(runbook, `${LINK_TITLES.runbook}${runbook.title}`)),
          ...graph.related(service.key, 'governedBy').flatMap((policy) => page(policy, `${LINK_TITLES.policy}${policy.title}`)),
        ],
      }),
      spec: {
        type: 'service',
        lifecycle: mapped,
        owner: ownerRef(owner ?? anchor),
        system: service.data.system ? systemNames.get(service.data.system) : systemName,
        // Backstage gives dependsOn no default kind, so the kind stays.
        dependsOn: refsOf(service, 'dependsOn', () => true, 'Dependency').map((target) => `component:${names.get(target.key)}`),
      },
    };
  }

  // Grouped by entry (the sort is stable), so each entry's changes read together.
  notes.sort((a, b) => a.entry.localeCompare(b.entry));
  // A reference may have been noted twice (a system's owner and its services'); each note once.
  const unique = notes.filter((note, index) => notes.findIndex((other) => other.entry === note.entry && other.message === note.message) === index);
  return { entities: [system, ...systems, ...groups, ...users, ...components], notes: unique };
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
