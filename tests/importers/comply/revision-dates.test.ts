import { describe, expect, it } from 'vitest';
import { parseRevisionDate, readRevisions } from '../../../src/importers/comply/revision-dates.ts';

describe('parseRevisionDate', () => {
  it('reads the formats comply themes use', () => {
    expect(parseRevisionDate('Jun 1 2018')).toBe('2018-06-01');
    expect(parseRevisionDate('June 1, 2018')).toBe('2018-06-01');
    expect(parseRevisionDate('Sept 30 2019')).toBe('2019-09-30');
    expect(parseRevisionDate('1 June 2018')).toBe('2018-06-01');
    expect(parseRevisionDate('2018-6-1')).toBe('2018-06-01');
    expect(parseRevisionDate(new Date(Date.UTC(2020, 1, 29)))).toBe('2020-02-29');
  });

  it('rejects text that is not a day', () => {
    expect(parseRevisionDate('Junk 1 2018')).toBeUndefined();
    expect(parseRevisionDate('Feb 30 2018')).toBeUndefined();
    expect(parseRevisionDate('sometime last year')).toBeUndefined();
    expect(parseRevisionDate(20180601)).toBeUndefined();
  });
});

describe('readRevisions', () => {
  it('finds the oldest and newest readable dates and keeps every comment', () => {
    const revisions = readRevisions([
      { date: 'Mar 3 2019', comment: 'Second review' },
      { date: 'Jan 15 2018', comment: 'Initial document' },
      { date: 'later', comment: 'Lost' },
    ]);
    expect(revisions).toEqual({
      oldest: '2018-01-15',
      newest: '2019-03-03',
      entries: [
        { date: '2019-03-03', comment: 'Second review' },
        { date: '2018-01-15', comment: 'Initial document' },
        { date: 'later', comment: 'Lost' },
      ],
      unreadable: ['later'],
    });
  });

  it('yields nothing for a missing or malformed list', () => {
    expect(readRevisions(undefined)).toEqual({ oldest: undefined, newest: undefined, entries: [], unreadable: [] });
    expect(readRevisions('Jun 1 2018').entries).toEqual([]);
  });
});
