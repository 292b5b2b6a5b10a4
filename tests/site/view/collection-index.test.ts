import { describe, expect, it } from 'vitest';
import { collectionIndex } from '../../../src/site/view/collection-index.ts';
import { checkFixture } from '../../helpers/fixtures.ts';

describe('collection indexes', () => {
  it('groups owners into teams then people', () => {
    const index = collectionIndex('owners', checkFixture('valid'));
    expect(index.groups.map((group) => [group.label, group.rows.map((row) => row.key)])).toEqual([
      ['Teams', ['owners/data-team', 'owners/platform-team']],
      ['People', ['owners/alex', 'owners/sam']],
    ]);
    // The groups say team or person, so no column says it again on every row.
    expect(index.columns).toEqual(['Part of', 'Contact', 'Owns']);
  });

  it('groups policies by status, active first', () => {
    const index = collectionIndex('policies', checkFixture('ungoverned-service'));
    expect(index.groups.map((group) => group.label)).toEqual(['Active', 'Draft']);
  });

  it('groups services by tier and shows their scorecard level, sortable by rank', () => {
    const index = collectionIndex('services', checkFixture('service-without-on-call'));
    expect(index.groups.map((group) => group.label)).toEqual(['Tier 1', 'Tier 2']);
    expect(index.columns).toEqual(['Lifecycle', 'Owner', 'Level']);
    const api = index.groups[0]?.rows[0];
    expect(api?.key).toBe('services/api');
    expect(api?.cells[2]).toEqual({ value: { kind: 'badge', text: 'No level', variant: 'danger' }, sort: -1 });
    // No on-call and no alerting: two errors from service-operations.
    expect(api?.errors).toBe(2);
  });

  it('puts open incidents before resolved ones', () => {
    const index = collectionIndex('incidents', checkFixture('valid'));
    expect(index.groups.map((group) => group.label)).toEqual(['Resolved']);
    expect(index.groups[0]?.rows[0]?.cells[3]?.value).toEqual({ kind: 'text', text: '1 h 30 min' });
  });

  it('groups deployments by month, newest first', () => {
    const index = collectionIndex('deployments', checkFixture('valid'));
    expect(index.groups.map((group) => group.label)).toEqual(['2026-11']);
  });
});
