import type { Outcome } from '../schemas/case-study.ts';

/** An outcome as read: its change, and whether it is the improvement the case study claims. */
export interface OutcomeReading {
  readonly name: string;
  /** `p95 latency: 840 → 310 ms`. */
  readonly summary: string;
  readonly change: 'improved' | 'regressed' | 'unchanged';
  /** Relative change, e.g. -0.63 for 63% lower; undefined when `before` is 0. */
  readonly ratio: number | undefined;
}

/** Reads an outcome: lower is better unless the outcome says higher. */
export function describeOutcome(outcome: Outcome): OutcomeReading {
  const delta = outcome.after - outcome.before;
  const better = outcome.better === 'higher' ? delta > 0 : delta < 0;
  return {
    name: outcome.name,
    summary: `${outcome.name}: ${outcome.before} → ${outcome.after} ${outcome.unit}`,
    change: delta === 0 ? 'unchanged' : better ? 'improved' : 'regressed',
    ratio: outcome.before === 0 ? undefined : delta / outcome.before,
  };
}

/** The relative change as read: `−57%`, `+2.5%`; undefined when it cannot be computed (`before` is 0). */
export function changeText(reading: OutcomeReading): string | undefined {
  if (reading.ratio === undefined) return undefined;
  const percent = Math.abs(reading.ratio) * 100;
  // One decimal where a whole number would mislead: under 10%, and just short of 100% (a wait
  // cut from 340 minutes to 0.4 fell by 99.9%, not 100%).
  const whole = Math.round(percent);
  const rounded = percent < 10 || (whole === 100 && percent !== 100) ? Math.round(percent * 10) / 10 : whole;
  if (rounded === 0) return '0%';
  return `${reading.ratio < 0 ? '−' : '+'}${rounded}%`;
}

/** The headline of a case study's outcome, as its index shows it: `p95 latency: 840 → 310 ms (improved, −63%)`. */
export function headline(outcome: Outcome): string {
  const reading = describeOutcome(outcome);
  const change = changeText(reading);
  return `${reading.summary} (${reading.change}${change ? `, ${change}` : ''})`;
}
