/** Formats an instant as its UTC calendar day, `YYYY-MM-DD`. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, rounded down. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}

/** Formats a duration in milliseconds as `45 min`, `1 h 30 min` or `2 d 4 h`. */
export function formatDuration(milliseconds: number): string {
  const minutes = Math.round(milliseconds / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

// One table instead of `toLocaleDateString`, which costs a locale lookup per call (seconds over a
// few thousand pages) and whose abbreviations change with the ICU version ("Sep" or "Sept").
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Formats an instant as the site's one date format, its UTC day: `12 Aug 2026`. */
export function formatDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]!.slice(0, 3)} ${date.getUTCFullYear()}`;
}

/** Formats an instant with its UTC time of day: `12 Aug 2026, 08:09 UTC`. */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)}, ${date.toISOString().slice(11, 16)} UTC`;
}

/** Formats a month, `YYYY-MM` or an instant in it, as `August 2026`. */
export function formatMonth(month: string | Date): string {
  const date = typeof month === 'string' ? new Date(`${month}-01T00:00:00Z`) : month;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
