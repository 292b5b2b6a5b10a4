import { describe, expect, it } from 'vitest';
import { countByLevel, scoresByOwner } from '../../../src/core/governance/scorecard.ts';
import { checkFixture } from '../../helpers/fixtures.ts';

describe('scorecards', () => {
  it('gives every service of the valid platform the top level', () => {
    const report = checkFixture('valid');
    expect(report.scores.map((score) => [score.key, score.level])).toEqual([
      ['services/api', 'Gold'],
      ['services/db', 'Gold'],
    ]);
  });

  it('stops at the first level with a failing check, whatever passes above it', () => {
    // api has no on-call: Bronze fails, even though the Silver and Gold checks pass.
    const report = checkFixture('service-without-on-call');
    const api = report.scores.find((score) => score.key === 'services/api');
    expect(api?.level).toBeUndefined();
    expect(api?.rank).toBe(-1);
    expect(api?.levels.map((level) => level.passed)).toEqual([false, true, true]);
  });

  it('checks related entries through `via`', () => {
    // The runbook covering api and db is overdue: both lose Gold, keep Silver.
    const report = checkFixture('runbook-review-overdue');
    expect(report.scores.map((score) => score.level)).toEqual(['Silver', 'Silver']);
    const gold = report.scores[0]?.levels[2];
    expect(gold?.checks.find((check) => check.via === 'coveredBy')).toEqual({
      rule: 'runbook-review-overdue',
      via: 'coveredBy',
      passed: false,
      failing: ['runbooks/api-runbook'],
    });
  });

  it('counts services per level and per owner', () => {
    const report = checkFixture('stale-restore-test');
    expect(countByLevel(report.scores, report.content.governance)).toEqual([
      { level: undefined, count: 0 },
      { level: 'Bronze', count: 1 },
      { level: 'Silver', count: 0 },
      { level: 'Gold', count: 1 },
    ]);
    const owners = scoresByOwner(report.graph, report.scores, report.content.governance);
    expect(owners.map((owner) => [owner.owner, owner.services.map((score) => score.level)])).toEqual([
      ['owners/data-team', ['Bronze']],
      ['owners/platform-team', ['Gold']],
    ]);
  });
});
