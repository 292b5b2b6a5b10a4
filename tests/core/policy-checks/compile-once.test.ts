import { describe, expect, it, vi } from 'vitest';

// Count how often expressions are parsed and planned while a whole platform is checked.
const calls = vi.hoisted(() => ({ parse: 0, plan: 0 }));
vi.mock('@bufbuild/cel', async (importOriginal) => {
  const cel = await importOriginal<typeof import('@bufbuild/cel')>();
  return {
    ...cel,
    parse: (...args: Parameters<typeof cel.parse>) => {
      calls.parse++;
      return cel.parse(...args);
    },
    plan: ((...args: Parameters<typeof cel.plan>) => {
      calls.plan++;
      return cel.plan(...args);
    }) as typeof cel.plan,
  };
});

const { checkFixture } = await import('../../helpers/fixtures.ts');

describe('compiling policy checks', () => {
  it('parses and plans each expression once per run, however many entries it checks', () => {
    calls.parse = 0;
    calls.plan = 0;
    // Two checks over services (two of them) and deployments: two expressions.
    const report = checkFixture('policy-check-relation');
    expect(report.run.knows('policy:access-policy/deploys-tier-one')).toBe(true);
    expect(calls).toEqual({ parse: 2, plan: 2 });
  });
});
