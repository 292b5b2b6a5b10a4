import { describe, expect, it } from 'vitest';
import { idProblem, suggestId } from '../../src/scaffold/new-entry-id.ts';

describe('idProblem', () => {
  it('accepts an ID in the form the loader derives from a file name', () => {
    for (const id of ['restore-database', 'api-1-2-0', '2026-11-db-outage', 'café', 'a', 'mesh-gateway-3.15.0', 'on_call']) expect(idProblem(id), id).toBeUndefined();
  });

  it('says what a valid ID looks like and suggests the slugged form', () => {
    expect(idProblem('Restore Database')).toMatchInlineSnapshot(
      `""Restore Database" is not a valid ID: an ID is lower-case letters (of any script), digits, hyphens, dots and underscores, starting and ending with a letter or digit, like restore-database (it becomes the file name, restore-database.md). Use restore-database."`,
    );
    expect(idProblem('')).toMatch(/^An empty ID is not a valid ID: .* like restore-database/);
  });

  it('refuses what the loader would change or ignore', () => {
    for (const id of ['Restore-Database', 'restore database', 'runbooks/restore', '_draft', '-lead', 'trail-', 'trail.', '!!!', 'what?']) {
      expect(idProblem(id), id).toBeDefined();
    }
  });
});

describe('suggestId', () => {
  it('slugs text into an ID, turning folders into hyphens', () => {
    expect(suggestId('Restore DB')).toBe('restore-db');
    expect(suggestId('runbooks/Restore')).toBe('runbooks-restore');
    expect(suggestId('_draft-')).toBe('draft');
    expect(suggestId('!!!')).toBeUndefined();
  });
});
