import { describe, expect, it } from 'vitest';
import { inForce, standingOf } from '../../../src/core/governance/standing.ts';
import { checkFixture, NOW } from '../../helpers/fixtures.ts';

describe('what satisfies a requirement', () => {
  it('is a live entry; a draft or retired one is listed apart', () => {
    const { graph } = checkFixture('deployment-before-supersession');
    expect(standingOf(graph.get('policies/change-policy')!)).toBe('live');
    expect(standingOf(graph.get('policies/old-change-policy')!)).toBe('retired');
    expect(standingOf(checkFixture('runbook-draft').graph.get('runbooks/api-runbook')!)).toBe('draft');
    expect(standingOf(checkFixture('ungoverned-service').graph.get('policies/access-policy')!)).toBe('draft');
  });

  it('holds a policy in force from its effective day, and a retired one until its successor took effect', () => {
    const { graph } = checkFixture('deployment-before-supersession');
    const current = graph.get('policies/change-policy')!;
    const old = graph.get('policies/old-change-policy')!;
    expect([inForce(current, graph, new Date('2025-12-31T00:00:00Z')), inForce(current, graph, NOW)]).toEqual([false, true]);
    expect([inForce(old, graph, new Date('2023-12-31T00:00:00Z')), inForce(old, graph, new Date('2025-06-02T00:00:00Z')), inForce(old, graph, NOW)]).toEqual([false, true, false]);
  });

  it('never holds a draft in force, and a retired policy nothing replaced only never', () => {
    expect(inForce(checkFixture('runbook-draft').graph.get('runbooks/api-runbook')!, checkFixture('runbook-draft').graph, NOW)).toBe(false);
    const { graph } = checkFixture('deployment-retired-policy');
    expect(inForce(graph.get('policies/access-policy')!, graph, new Date('2026-06-01T00:00:00Z'))).toBe(false);
  });
});
