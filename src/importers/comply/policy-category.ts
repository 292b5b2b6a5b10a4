import type { POLICY_CATEGORIES } from '../../core/schemas/policy.ts';

export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

// Checked in order, so the more specific subject wins: a "Security Incident Response Policy"
// governs incidents, a "Data Classification Policy" data. Only words that name the subject
// plainly are listed; anything else stays `compliance` rather than being guessed.
const KEYWORDS: readonly (readonly [PolicyCategory, RegExp])[] = [
  ['incident', /\bincidents?\b/],
  ['privacy', /\bprivacy\b/],
  ['vendor', /\b(vendors?|suppliers?|third[- ]part(y|ies))\b/],
  ['access', /\b(access|passwords?|authentication)\b/],
  ['change', /\b(change|development lifecycle|sdlc)\b/],
  ['availability', /\b(availability|continuity|disaster recovery|backups?)\b/],
  ['data', /\b(data|confidentiality|retention)\b/],
  ['security', /\b(security|cyber|encryption)\b/],
];

/** Returns the category a policy's name (or acronym) plainly names, else `compliance`. */
export function inferPolicyCategory(name: string, acronym: string | undefined): PolicyCategory {
  const text = `${name} ${acronym ?? ''}`.toLowerCase();
  return KEYWORDS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'compliance';
}
