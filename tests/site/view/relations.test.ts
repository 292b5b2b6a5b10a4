import { describe, expect, it } from 'vitest';
import { entryRelations, standingLabel } from '../../../src/site/view/relations.ts';
import { checkFixture } from '../../helpers/fixtures.ts';

describe('entry relations', () => {
  const { graph } = checkFixture('valid');

  it('lists what the entry declared as relations, whatever the canonical direction', () => {
    const team = entryRelations(graph, 'owners/platform-team');
    expect(team.outgoing.map((group) => [group.relation, group.keys])).toEqual([['hasMember', ['owners/alex', 'owners/sam']]]);
  });

  it('groups backlinks by relation', () => {
    const api = entryRelations(graph, 'services/api');
    expect(api.incoming.map((group) => [group.label, group.keys])).toEqual([
      ['Governed by', ['policies/access-policy', 'policies/change-policy']],
      ['Case studies', ['case-studies/faster-api']],
      ['Deployments', ['deployments/api-1-2-0']],
      ['Incidents', ['incidents/2026-10-outage']],
      ['Runbooks', ['runbooks/api-runbook']],
      ['Cited by', ['whitepaper/introduction']],
    ]);
    // change-policy applies to all services; access-policy names api.
    expect(api.incoming.find((group) => group.relation === 'governedBy')?.implicit).toBe(1);
  });

  it('shows a person the teams that list them as members', () => {
    const sam = entryRelations(graph, 'owners/sam');
    expect(sam.incoming.find((group) => group.relation === 'memberOf')?.keys).toEqual(['owners/data-team', 'owners/platform-team']);
  });

  it('lists retired, deprecated and draft entries apart from the live ones', () => {
    const retired = entryRelations(checkFixture('governed-by-retired-policy').graph, 'services/api');
    expect(retired.incoming.filter((group) => group.relation === 'governedBy').map((group) => [group.label, group.standing, group.keys])).toEqual([
      ['Formerly governed by', 'retired', ['policies/access-policy']],
    ]);
    const draft = entryRelations(checkFixture('runbook-draft').graph, 'services/api');
    expect(draft.incoming.find((group) => group.relation === 'coveredBy')).toMatchObject({ label: 'Runbooks (draft)', standing: 'draft' });
    expect(entryRelations(graph, 'services/api').incoming.every((group) => group.standing === 'live')).toBe(true);
  });

  it('words the group after its label', () => {
    expect(standingLabel('Change policy', 'retired')).toBe('Former change policy');
    expect(standingLabel('Depends on', 'deprecated')).toBe('Depends on (deprecated)');
    expect(standingLabel('Implemented by', 'retired')).toBe('Formerly implemented by');
  });
});
