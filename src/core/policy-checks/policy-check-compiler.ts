import type { AnyEntry } from '../content/entry.ts';
import type { PlatformGraph } from '../graph/build-graph.ts';
import type { CompiledPolicyChecks } from './compile-policy-checks.ts';

/** Compiles the checks the policies carry (`compilePolicyChecks`, or what stands for it). */
export type PolicyCheckCompiler = (graph: PlatformGraph, now: Date) => CompiledPolicyChecks;

/**
 * The compiler for these entries, loaded only when a policy carries a check. CEL and protobuf are
 * some 130 modules and 0.15 s of a check's start, which a platform without checks need not pay.
 */
export async function policyCheckCompiler(entries: readonly AnyEntry[]): Promise<PolicyCheckCompiler> {
  const hasChecks = entries.some((entry) => entry.collection === 'policies' && entry.data.checks.length > 0);
  if (!hasChecks) return noChecks;
  return (await import('./compile-policy-checks.ts')).compilePolicyChecks;
}

/** Stands for the compiler where no policy carries a check, as `policyCheckCompiler` found. */
function noChecks(graph: PlatformGraph): CompiledPolicyChecks {
  if (graph.collection('policies').some((policy) => policy.data.checks.length > 0)) {
    throw new Error('Policy checks were met after none were found; this is a bug in Multiplane.');
  }
  return { rules: [], problems: { of: () => [] } };
}
