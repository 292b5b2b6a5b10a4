import { describe, expect, it } from 'vitest';
import { fieldReference } from '../../../src/site/view/field-reference.ts';

describe('the authoring guide field reference', () => {
  it('lists nested fields with their type, whether they are required and what they hold', () => {
    const rows = fieldReference('services');
    expect(rows.find((row) => row.path === 'operations.backups.schedule')).toMatchObject({ required: true, type: 'string', depth: 2 });
    expect(rows.find((row) => row.path === 'lifecycle')?.type).toBe('`experimental`, `production`, `deprecated`, `retired`');
    expect(rows.find((row) => row.path === 'tier')?.type).toBe('whole number');
  });

  it('documents every field of every collection and of the governance settings', () => {
    for (const name of ['platform', 'owners', 'policies', 'runbooks', 'services', 'deployments', 'incidents', 'case-studies', 'articles', 'whitepaper', 'governance'] as const) {
      const undocumented = fieldReference(name).filter((row) => row.description === '').map((row) => row.path);
      expect({ name, undocumented }).toEqual({ name, undocumented: [] });
    }
  });

  it('shows dates as dates', () => {
    expect(fieldReference('deployments').find((row) => row.path === 'date')?.type).toBe('date-time (ISO 8601)');
    expect(fieldReference('policies').find((row) => row.path === 'review.last')?.type).toBe('date (YYYY-MM-DD)');
  });
});
