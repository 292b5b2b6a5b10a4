import { describe, expect, it } from 'vitest';
import { addCadence, cadence, isoDate, isoDateTime, parseCalendarDate, parseDateTime } from '../../../src/core/schemas/shared.ts';

describe('dates', () => {
  it('reads calendar days and rejects days that do not exist', () => {
    expect(parseCalendarDate('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseCalendarDate('2028-02-29')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(parseCalendarDate('2026-02-29')).toBeUndefined();
    expect(parseCalendarDate('2026-02-30')).toBeUndefined();
    expect(parseCalendarDate('2026-13-01')).toBeUndefined();
    expect(parseCalendarDate('1 March 2026')).toBeUndefined();
  });

  it('reads date-times with and without offsets', () => {
    expect(parseDateTime('2026-03-01T09:30:00Z')?.toISOString()).toBe('2026-03-01T09:30:00.000Z');
    expect(parseDateTime('2026-03-01T09:30')?.toISOString()).toBe('2026-03-01T09:30:00.000Z');
    expect(parseDateTime('2026-03-01T09:30:00+02:00')?.toISOString()).toBe('2026-03-01T07:30:00.000Z');
    expect(parseDateTime('2026-03-01T09:30:00-0530')?.toISOString()).toBe('2026-03-01T15:00:00.000Z');
    expect(parseDateTime('2026-03-01 09:30:00Z')?.toISOString()).toBe('2026-03-01T09:30:00.000Z');
    expect(parseDateTime('2026-03-01T25:00:00Z')).toBeUndefined();
    expect(parseDateTime('2026-02-30T10:00:00Z')).toBeUndefined();
  });

  it('accepts the Date objects Astro\'s YAML parser produces', () => {
    expect(isoDate().parse(new Date('2026-03-01T00:00:00Z')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(isoDateTime().parse('2026-03-01T09:30:00Z')).toBeInstanceOf(Date);
    expect(isoDate().safeParse(new Date('invalid')).success).toBe(false);
    expect(isoDate().safeParse(20260301).success).toBe(false);
  });
});

describe('cadences', () => {
  it('accepts days, weeks, months and years', () => {
    for (const text of ['90d', '12w', '6m', '1y', '2 y']) expect(cadence().safeParse(text).success).toBe(true);
  });

  it('rejects zero and free text with one message each', () => {
    expect(cadence().safeParse('0d').error?.issues.map((issue) => issue.message)).toEqual(['a duration must be longer than zero']);
    expect(cadence().safeParse('yearly').error?.issues).toHaveLength(1);
  });

  it('adds months along the calendar', () => {
    const last = new Date('2026-01-15T00:00:00Z');
    expect(addCadence(last, '6m').toISOString().slice(0, 10)).toBe('2026-07-15');
    expect(addCadence(last, '1y', 2).toISOString().slice(0, 10)).toBe('2028-01-15');
    expect(addCadence(last, '2w').toISOString().slice(0, 10)).toBe('2026-01-29');
  });
});
