import { addCadence } from '../schemas/shared.ts';
import { formatDay } from '../text/dates.ts';

export interface ReviewState {
  /** Day the next review is due. */
  readonly due: Date;
  readonly overdue: boolean;
  /** True once `escalateAfter` cadences have passed since the last review. */
  readonly escalated: boolean;
}

/** Returns when a review falls due and whether it is overdue at `now`. */
export function reviewState(review: { cadence: string; last: Date }, now: Date, escalateAfter = Infinity): ReviewState {
  const due = addCadence(review.last, review.cadence);
  const escalated = Number.isFinite(escalateAfter) && now > addCadence(review.last, review.cadence, escalateAfter);
  return { due, overdue: now > due, escalated };
}

/** Says when an overdue review was due, for messages. */
export function describeOverdue(review: { cadence: string; last: Date }, state: ReviewState): string {
  return `its review was due on ${formatDay(state.due)} (last reviewed ${formatDay(review.last)}, cadence ${review.cadence})`;
}
