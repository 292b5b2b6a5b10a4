import type { AnyEntry } from '../../content/entry.ts';
import { formatPath } from '../../text/closest.ts';
import { defineRule, type RuleContext, type RuleResult } from '../rule.ts';

type Kind = 'person' | 'team';

interface Role {
  /** The field naming the owner, `*` for each item of a list. */
  readonly path: readonly string[];
  readonly kind: Kind;
  /** The role, as a message names it. */
  readonly role: string;
  /** Why the role needs that kind of owner. */
  readonly why: string;
}

/**
 * Every field whose meaning requires one kind of owner. The deployment approver, a person, is
 * checked by deployment-approval with the rest of the approval.
 */
const ROLES: Partial<Record<AnyEntry['collection'], readonly Role[]>> = {
  incidents: [{ path: ['commander'], kind: 'person', role: 'incident commander', why: 'one person commands a response and makes its calls' }],
  articles: [{ path: ['author'], kind: 'person', role: 'author', why: 'an article is someone\'s account, signed by who wrote it' }],
  owners: [
    { path: ['parent'], kind: 'team', role: 'parent team', why: 'teams sit under teams, which builds the chain to the trust anchor' },
    { path: ['members', '*'], kind: 'person', role: 'member', why: 'a team\'s members are its people; a team under another names it as `parent`' },
  ],
  platform: [{ path: ['trustAnchor'], kind: 'team', role: 'trust anchor', why: 'accountability for the whole platform must survive holidays and departures' }],
};

/**
 * The kind of owner a field requires, and why, or undefined when a team or a person will do; for
 * `npm run new`, so that what it writes or offers passes this rule.
 */
export function requiredOwnerKind(collection: AnyEntry['collection'], field: string): Pick<Role, 'kind' | 'role' | 'why'> | undefined {
  return ROLES[collection]?.find((role) => role.path.length === 1 && role.path[0] === field);
}

/** Fields only a team has: a person has no members and sits under no parent team. */
const TEAM_FIELDS = ['members', 'parent'] as const;

export const roleKind = defineRule({
  id: 'role-kind',
  title: 'A role is held by the wrong kind of owner',
  plane: 'identity',
  severity: 'error',
  description:
    'Some roles belong to a person, others to a team: an incident\'s commander and an article\'s author are people; a team\'s parent and the platform\'s trust anchor are teams; a team\'s members are people, and only teams have members or a parent.',
  collections: ['incidents', 'articles', 'owners', 'platform'],
  applies: (entry) => entry.collection !== 'owners' || entry.data.members.length > 0 || entry.data.parent !== undefined,
  check(entry, context) {
    const results: RuleResult[] = [];
    if (entry.collection === 'owners' && entry.data.kind === 'person') {
      for (const field of TEAM_FIELDS) {
        if (field === 'members' ? entry.data.members.length === 0 : entry.data.parent === undefined) continue;
        results.push({
          path: [field],
          message: `\`${entry.id}\` is a person, and only a team has \`${field}\`.`,
          hint: field === 'members' ? 'Make it `kind: team` if it is a team; otherwise remove `members`.' : `List \`${entry.id}\` in the \`members\` of that team instead of naming it as \`parent\`.`,
        });
      }
      return results;
    }
    for (const role of ROLES[entry.collection] ?? []) results.push(...checkRole(entry, role, context));
    return results;
  },
});

function checkRole(entry: AnyEntry, role: Role, { graph }: RuleContext): RuleResult[] {
  const star = role.path.indexOf('*');
  const references = star < 0 ? [{ path: role.path, owner: graph.target(entry.key, role.path) }] : graph.targets(entry.key, role.path.slice(0, star)).map(({ path, entry: owner }) => ({ path, owner }));
  return references.flatMap(({ path, owner }): RuleResult[] => {
    // A reference that does not resolve is dangling-reference's (or owner-exists') to report.
    if (owner?.collection !== 'owners' || owner.data.kind === role.kind) return [];
    const subject = entry.collection === 'platform' ? 'The platform' : `\`${entry.id}\``;
    return [
      {
        path,
        message: `${subject} names \`${owner.id}\` as ${role.role} in \`${formatPath(path)}\`, but \`${owner.id}\` is a ${owner.data.kind}, not a ${role.kind}.`,
        hint: `Name a ${role.kind}: ${role.why}.${role.kind === 'person' ? ` To name someone from \`${owner.id}\`, use the ID of one of its members.` : ''}`,
      },
    ];
  });
}
