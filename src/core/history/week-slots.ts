const DAY = 86_400_000;
const WEEK = 7 * DAY;

/**
 * The last `count` weeks up to the week holding `anchor`, oldest first. Weeks run from Monday
 * 00:00 UTC to the next Monday (ISO 8601 weeks), so every reader's series has the same edges.
 */
export function weekSlots(anchor: Date, count: number): { start: Date; end: Date }[] {
  const midnight = Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate());
  const monday = midnight - ((anchor.getUTCDay() + 6) % 7) * DAY;
  return Array.from({ length: count }, (_, index) => {
    const start = monday - (count - 1 - index) * WEEK;
    return { start: new Date(start), end: new Date(start + WEEK) };
  });
}
