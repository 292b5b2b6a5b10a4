import type { Period } from './measure.ts';

/** The window the headline metrics cover: the `span` milliseconds up to `now`. */
export function windowPeriod(now: Date, span: number): Period {
  return { start: new Date(now.getTime() - span), end: now };
}

/**
 * The last `count` calendar months (UTC) up to `now`, oldest first. The current month ends at
 * `now`, so it is measured over the days it has had, not as a whole month with gaps.
 */
export function monthPeriods(now: Date, count: number): Period[] {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return Array.from({ length: count }, (_, index) => {
    const offset = index - (count - 1);
    const start = new Date(Date.UTC(year, month + offset, 1));
    const next = new Date(Date.UTC(year, month + offset + 1, 1));
    return { start, end: offset === 0 ? new Date(Math.min(next.getTime(), now.getTime())) : next };
  });
}
