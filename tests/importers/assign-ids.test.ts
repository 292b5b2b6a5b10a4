import { describe, expect, it } from 'vitest';
import { assignIds } from '../../src/importers/assign-ids.ts';

describe('assignIds', () => {
  it('uses the slugged short name when it is unique in its collection', () => {
    expect(
      assignIds([
        { collection: 'runbooks', name: 'Being On-Call', path: 'oncall/Being On-Call' },
        { collection: 'runbooks', name: 'scribe', path: 'training/scribe' },
        { collection: 'policies', name: 'scribe', path: 'policies/scribe' },
      ]),
    ).toEqual(['being-on-call', 'scribe', 'scribe']);
  });

  it('keeps the folders of files whose short names clash', () => {
    expect(
      assignIds([
        { collection: 'runbooks', name: 'index', path: 'before/index' },
        { collection: 'runbooks', name: 'index', path: 'after/index' },
        { collection: 'runbooks', name: 'intro', path: 'intro' },
      ]),
    ).toEqual(['before/index', 'after/index', 'intro']);
  });

  it('numbers files that even their paths cannot tell apart', () => {
    expect(
      assignIds([
        { collection: 'runbooks', name: 'Setup', path: 'Setup' },
        { collection: 'runbooks', name: 'setup', path: 'setup' },
      ]),
    ).toEqual(['setup', 'setup-2']);
  });
});
