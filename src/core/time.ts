import { parseDateTime } from './schemas/shared.ts';

/**
 * Returns the instant rules measure against: the `--now` value when given, else
 * `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention), else the clock.
 * Throws with a plain message when either is malformed.
 */
export function resolveNow(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  if (flag !== undefined) {
    const date = parseDateTime(flag.trim());
    if (!date) throw new Error(`--now must be a date like 2026-03-01 or 2026-03-01T09:30:00Z; got "${flag}".`);
    return date;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch.trim() !== '') {
    if (!/^\d+$/.test(epoch.trim())) {
      throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01; got "${epoch}".`);
    }
    return new Date(Number(epoch) * 1000);
  }
  return new Date();
}
