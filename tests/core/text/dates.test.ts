import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMonth } from '../../../src/core/text/dates.ts';

describe('the one date format', () => {
  it('writes the UTC day with the abbreviated month', () => {
    expect(formatDate(new Date('2026-08-12T08:09:00Z'))).toBe('12 Aug 2026');
    expect(formatDate(new Date('2026-09-03T00:00:00Z'))).toBe('3 Sep 2026');
    // 23:30 in New York is already the next day in UTC.
    expect(formatDate(new Date('2026-12-31T23:30:00-05:00'))).toBe('1 Jan 2027');
  });

  it('adds the UTC time of day when asked', () => {
    expect(formatDateTime(new Date('2026-11-18T08:50:00Z'))).toBe('18 Nov 2026, 08:50 UTC');
  });

  it('names months in full', () => {
    expect(formatMonth('2026-06')).toBe('June 2026');
    expect(formatMonth(new Date('2026-11-26T00:00:00Z'))).toBe('November 2026');
  });
});
