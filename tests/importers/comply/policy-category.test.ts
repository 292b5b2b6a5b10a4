import { describe, expect, it } from 'vitest';
import { inferPolicyCategory } from '../../../src/importers/comply/policy-category.ts';

describe('inferPolicyCategory', () => {
  it('takes the subject a policy name plainly names', () => {
    expect(inferPolicyCategory('Access Onboarding and Termination Policy', 'AOTP')).toBe('access');
    expect(inferPolicyCategory('System Change Policy', 'SCP')).toBe('change');
    expect(inferPolicyCategory('Disaster Recovery Policy', 'DRP')).toBe('availability');
    expect(inferPolicyCategory('Data Retention Policy', 'RP')).toBe('data');
    expect(inferPolicyCategory('Vendor Management Policy', 'VMP')).toBe('vendor');
    expect(inferPolicyCategory('Privacy Management Policy', 'PMP')).toBe('privacy');
    expect(inferPolicyCategory('Encryption Policy', 'EP')).toBe('security');
  });

  it('prefers the more specific subject', () => {
    expect(inferPolicyCategory('Security Incident Response Policy', 'SIRP')).toBe('incident');
    expect(inferPolicyCategory('Remote Access Policy', 'REAP')).toBe('access');
  });

  it('falls back to compliance rather than guessing', () => {
    expect(inferPolicyCategory('Code of Conduct Policy', 'COCP')).toBe('compliance');
    expect(inferPolicyCategory('Datacenter Policy', 'DP')).toBe('compliance');
    expect(inferPolicyCategory('Workstation Policy', undefined)).toBe('compliance');
  });
});
