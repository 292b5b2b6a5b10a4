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
