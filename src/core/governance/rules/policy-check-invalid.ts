import { defineRule } from '../rule.ts';

export const policyCheckInvalid = defineRule({
  id: 'policy-check-invalid',
  title: 'A policy check does not compile',
  plane: 'control',
  severity: 'error',
  description:
    'Each check a policy carries (`checks:`) is a CEL expression that parses and names only variables, fields and relations that exist for the collections it inspects. A check that does not compile checks nothing, so it is an error at its line, with CEL\'s message and the names that are available.',
  collections: ['policies'],
  applies: (entry) => entry.data.checks.length > 0,
  check(entry, { policyChecks }) {
    return [...policyChecks.of(entry.key)];
  },
});
