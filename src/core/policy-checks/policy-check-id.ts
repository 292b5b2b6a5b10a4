import type { Entry } from '../content/entry.ts';

/** The rule ID of a policy's check: `policy:<policy-id>/<check-name>`. */
export function policyCheckId(policyId: string, name: string): string {
  return `policy:${policyId}/${name}`;
}

/** The policy ID and check name of a policy check's rule ID, or undefined for any other rule. */
export function parsePolicyCheckId(rule: string): { policyId: string; name: string } | undefined {
  if (!rule.startsWith('policy:')) return undefined;
  const slash = rule.lastIndexOf('/');
  if (slash <= 'policy:'.length) return undefined;
  return { policyId: rule.slice('policy:'.length, slash), name: rule.slice(slash + 1) };
}

/** How a check's failures count: an enforced policy's are errors, an advisory one's warnings (governance.yaml may override). */
export function policyCheckSeverity(policy: Entry<'policies'>): 'error' | 'warning' {
  return policy.data.enforcement.level === 'advisory' ? 'warning' : 'error';
}
