import { describe, expect, it } from 'vitest';
import { environmentKind, isProduction } from '../../../../src/core/governance/environments.ts';
import { GovernanceSchema } from '../../../../src/core/schemas/governance.ts';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('environment-name', () => {
  it('passes the valid platform and staging', () => {
    expect(findingsOf(checkFixture('valid'), 'environment-name')).toEqual([]);
    expect(findingsOf(checkFixture('staging-deployment'), 'environment-name')).toEqual([]);
  });

  it('warns about an environment in neither list, and does not take it for production', () => {
    const report = checkFixture('environment-unknown');
    expect(findingsOf(report, 'environment-name')).toMatchInlineSnapshot(`
      [
        {
          "field": "environment",
          "file": "content/deployments/api-1-2-0.md",
          "hint": "Did you mean \`production\`? Use \`production\`, \`development\`, \`test\` or \`staging\`, or add \`prod\` to \`productionEnvironments\` (its deployments then need an approver and a change policy) or to \`nonProductionEnvironments\`.",
          "line": 5,
          "message": "Environment \`prod\` is neither a production nor a non-production environment in content/governance.yaml.",
          "severity": "warning",
        },
      ]
    `);
    expect(findingsOf(report, 'deployment-approval')).toEqual([]);
  });

  it('reads both lists from governance.yaml, letter case ignored', () => {
    expect(findingsOf(checkFixture('environment-custom-lists'), 'environment-name').map((finding) => [finding.file, finding.message])).toEqual([
      ['content/deployments/api-1-2-0-staging.md', 'Environment `staging` is neither a production nor a non-production environment in content/governance.yaml.'],
    ]);
  });

  it('decides production whatever the letter case, so `Production` needs an approval', () => {
    const report = checkFixture('environment-letter-case');
    expect(findingsOf(report, 'environment-name')).toEqual([]);
    expect(findingsOf(report, 'deployment-approval').map((finding) => finding.field)).toEqual(['approver', 'changePolicy']);
  });

  it('classifies names the way every rule and page does', () => {
    const governance = GovernanceSchema.parse({ productionEnvironments: ['Prod-EU'], nonProductionEnvironments: ['QA'] });
    expect(isProduction(' prod-eu ', governance)).toBe(true);
    expect(environmentKind('qa', governance)).toBe('non-production');
    expect(environmentKind('staging', governance)).toBe('unknown');
    expect(GovernanceSchema.parse({}).nonProductionEnvironments).toEqual(['development', 'test', 'staging']);
  });
});
