import { describe, expect, it } from 'vitest';
import { countByLevel, countUnrated, scoreLabel, scoresByOwner, scoreServices } from '../../../src/core/governance/scorecard.ts';
import { GovernanceSchema } from '../../../src/core/schemas/governance.ts';
import { checkFixture, NOW } from '../../helpers/fixtures.ts';

describe('scorecards', () => {
  it('gives every service of the valid platform the top level', () => {
    const report = checkFixture('valid');
    expect(report.scores.map((score) => [score.key, score.level])).toEqual([
      ['services/api', 'Gold'],
      ['services/db', 'Gold'],
    ]);
  });

  it('shows a check that does not apply as n/a, never as a pass', () => {
    const report = checkFixture('valid');
    const api = report.scores.find((score) => score.key === 'services/api');
    const db = report.scores.find((score) => score.key === 'services/db');
    // api holds no data, so backups do not apply; db was never deployed nor hit by an incident.
    expect(api?.levels[1]?.checks.find((check) => check.rule === 'service-backups')).toEqual({ rule: 'service-backups', status: 'n/a', passed: false, failing: [] });
    expect(db?.levels[2]?.checks.filter((check) => check.status === 'n/a').map((check) => `${check.rule} via ${check.via}`)).toEqual([
      'deployment-approval via deployedBy',
      'incident-postmortem via affectedBy',
    ]);
  });

  it('stops at the first level with a failing check, whatever passes above it', () => {
    // api has no on-call: Bronze fails, even though the Silver and Gold checks pass.
    const report = checkFixture('service-without-on-call');
    const api = report.scores.find((score) => score.key === 'services/api');
    expect(api?.level).toBeUndefined();
    expect(api?.rank).toBe(-1);
    expect(api?.levels.map((level) => level.status)).toEqual(['fail', 'pass', 'pass']);
  });

  it('checks related entries through `via`', () => {
    // The runbook covering api and db is overdue: both lose Gold, keep Silver.
    const report = checkFixture('runbook-review-overdue');
    expect(report.scores.map((score) => score.level)).toEqual(['Silver', 'Silver']);
    const gold = report.scores[0]?.levels[2];
    expect(gold?.checks.find((check) => check.via === 'coveredBy')).toEqual({
      rule: 'runbook-review-overdue',
      via: 'coveredBy',
      status: 'fail',
      passed: false,
      failing: ['runbooks/api-runbook'],
    });
  });

  it('earns a level only by checks that apply: a level of nothing but n/a is neither earned nor in the way', () => {
    const { graph, run } = checkFixture('valid');
    const levels = (checks: string[][]) => GovernanceSchema.parse({ scorecard: { levels: checks.map((list, index) => ({ name: `L${index + 1}`, checks: list })) } });
    // For api, service-backups does not apply (it holds no data).
    const between = scoreServices(graph, levels([['owner-exists'], ['service-backups'], ['dangling-reference']]), run, NOW)[0];
    expect([between?.key, between?.levels.map((level) => level.status), between?.level]).toEqual(['services/api', ['pass', 'n/a', 'pass'], 'L3']);
    const top = scoreServices(graph, levels([['owner-exists'], ['service-backups']]), run, NOW)[0];
    expect([top?.levels.map((level) => level.status), top?.level]).toEqual([['pass', 'n/a'], 'L1']);
    const none = scoreServices(graph, levels([['service-backups']]), run, NOW)[0];
    expect([none?.level, none?.rank]).toEqual([undefined, -1]);
  });

  it('shows a service outside the rated lifecycles by its lifecycle, not by a level', () => {
    const report = checkFixture('experimental-service');
    const db = report.scores.find((score) => score.key === 'services/db');
    expect(db && [db.rated, db.level, scoreLabel(db)]).toEqual([false, undefined, 'Experimental']);
    // Its checks are still worked out, for its page to show.
    expect(db?.levels[0]?.checks.find((check) => check.rule === 'service-operations')?.status).toBe('n/a');
    expect(countByLevel(report.scores, report.content.governance).reduce((sum, level) => sum + level.count, 0)).toBe(1);
    expect(countUnrated(report.scores)).toEqual([{ lifecycle: 'experimental', count: 1 }]);
  });

  it('fails a check whose rule never ran, such as a misspelt one', () => {
    const { graph, run } = checkFixture('valid');
    const governance = GovernanceSchema.parse({ scorecard: { levels: [{ name: 'Bronze', checks: ['owner-exist'] }] } });
    expect(scoreServices(graph, governance, run, NOW)[0]?.levels[0]?.checks[0]?.status).toBe('fail');
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
