import type { RuleResult } from '../rule.ts';

/** Describes a cycle as `a → b → c → a`, pointing at the field that leads to its next entry. */
export function describeCycle(
  cycle: readonly string[],
  field: readonly (string | number)[],
  what: { noun: string; fix: string },
): RuleResult {
  const names = [...cycle, cycle[0]].map((key) => `\`${key?.split('/').slice(1).join('/')}\``);
  return { path: field, message: `${what.noun} form a cycle: ${names.join(' → ')}.`, hint: what.fix };
}
