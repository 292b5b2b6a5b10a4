import type { CheckReport } from '../../core/check/run-check.ts';
import { COLLECTIONS } from '../../core/collections/index.ts';
import type { Entry } from '../../core/content/entry.ts';
import { inForce, standingOf } from '../../core/governance/standing.ts';
import { policyCheckId, policyCheckSeverity } from '../../core/policy-checks/policy-check-id.ts';
import type { CollectionName } from '../../core/schemas/shared.ts';

export interface CollectionCompliance {
  readonly collection: CollectionName;
  /** Entries of the collection the check applies to, in this edition. */
  readonly applicable: number;
  readonly passing: number;
  /** Keys of the entries that fail it, by ID. */
  readonly failing: readonly string[];
}

export interface CheckCompliance {
  /** The rule ID, `policy:<policy-id>/<name>`. */
  readonly id: string;
  readonly name: string;
  readonly message: string;
  readonly expression: string;
  readonly when: string | undefined;
  readonly collections: readonly CollectionName[];
  /** The severity of its findings: the policy's enforcement level, or governance.yaml's override. */
  readonly severity: 'error' | 'warning' | 'off';
  /** Line of the check's expression in the policy file. */
  readonly line: number;
  /**
   * `run` when the check ran; `invalid` when it does not compile (the policy has a finding that
   * says why); `idle` when the policy is not in force (a draft, retired, or not yet effective).
   */
  readonly state: 'run' | 'invalid' | 'idle';
  readonly results: readonly CollectionCompliance[];
}

/**
 * What each check a policy carries found: per collection it inspects, how many entries it applies
 * to, how many pass and which fail. Counted over the entries of the report's graph, so an edition
 * counts only what it publishes.
 */
export function policyCompliance(report: CheckReport, policy: Entry<'policies'>): CheckCompliance[] {
  const { graph, run } = report;
  const running = inForce(policy, graph, report.now);
  return policy.data.checks.map((check, index): CheckCompliance => {
    const id = policyCheckId(policy.id, check.name);
    const configured = report.content.governance.severity[id];
    const field = `checks[${index}]`;
    const invalid = report.findings.some((finding) => finding.rule === 'policy-check-invalid' && finding.entry === policy.key && finding.field?.startsWith(field));
    // A check of a policy in force that did not run did not compile, even if its finding is turned off.
    const state = invalid || (running && !run.knows(id)) ? 'invalid' : run.knows(id) ? 'run' : 'idle';
    const results =
      state === 'run'
        ? check.collections.map((collection): CollectionCompliance => {
            const applicable = graph.collection(collection).filter((entry) => run.applies(id, entry.key));
            const failing = applicable.filter((entry) => run.failed(id, entry.key)).map((entry) => entry.key);
            return { collection, applicable: applicable.length, passing: applicable.length - failing.length, failing };
          })
        : [];
    return {
      id,
      name: check.name,
      message: check.message,
      expression: check.expression,
      when: check.when,
      collections: check.collections,
      severity: configured ?? policyCheckSeverity(policy),
      line: policy.locator.lineOf(['checks', index, 'expression']),
      state,
      results,
    };
  });
}

/** "11 of 12 services pass", "no deployment is in its scope", "the one incident in scope passes". */
export function describeCompliance(result: CollectionCompliance): string {
  const { noun, singular } = COLLECTIONS[result.collection];
  if (result.applicable === 0) return `No ${singular.toLowerCase()} is in its scope`;
  if (result.applicable === 1) return result.passing === 1 ? `The one ${singular.toLowerCase()} in scope passes` : `The one ${singular.toLowerCase()} in scope fails`;
  return `${result.passing} of ${result.applicable} ${noun} pass`;
}

/** Why a policy's checks do not run, for a policy that is not in force. */
export function idleReason(policy: Entry<'policies'>, now: Date): string {
  const standing = standingOf(policy);
  if (standing === 'draft') return 'the policy is a draft';
  if (standing === 'retired') return 'the policy is retired';
  if (policy.data.effective > now) return 'the policy is not in effect yet';
  return 'the policy is not in force';
}

/** Every policy that carries checks, with their compliance, by policy ID. */
export function allPolicyChecks(report: CheckReport): { policy: Entry<'policies'>; checks: CheckCompliance[] }[] {
  return report.graph
    .collection('policies')
    .filter((policy) => policy.data.checks.length > 0)
    .map((policy) => ({ policy, checks: policyCompliance(report, policy) }));
}
