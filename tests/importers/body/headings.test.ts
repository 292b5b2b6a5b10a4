import { describe, expect, it } from 'vitest';
import { normalizeHeadings } from '../../../src/importers/body/headings.ts';

describe('normalizeHeadings', () => {
  it('removes a level-one heading that repeats the title', () => {
    const result = normalizeHeadings('# Access  Policy!\n\nText.\n\n## Scope\n', 'Access Policy');
    expect(result).toEqual({ body: 'Text.\n\n## Scope\n', removedTitle: true, demoted: false });
  });

  it('puts every heading one level down when level-one sections remain, so they show under "On this page"', () => {
    const result = normalizeHeadings('# Purpose\n\nText.\n\n## Detail\n\nScope\n=====\n\n###### Deepest\n', 'Access Policy');
    expect(result.body).toBe('## Purpose\n\nText.\n\n### Detail\n\n## Scope\n\n###### Deepest\n');
    expect(result).toMatchObject({ removedTitle: false, demoted: true });
  });

  it('does both, and leaves headings in code and lists alone', () => {
    const body = '# Runbook\n\n# Steps\n\n```\n# comment\n```\n\n- # in a list\n';
    expect(normalizeHeadings(body, 'Runbook').body).toBe('## Steps\n\n```\n# comment\n```\n\n- # in a list\n');
  });

  it('changes nothing when the body already sits under the title', () => {
    const body = 'Intro.\n\n## Steps\n';
    expect(normalizeHeadings(body, 'Runbook')).toEqual({ body, removedTitle: false, demoted: false });
  });
});
