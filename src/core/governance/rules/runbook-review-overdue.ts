import { capitalize } from '../../text/capitalize.ts';
import { defineRule } from '../rule.ts';
import { describeOverdue, reviewState } from '../review-due.ts';

export const runbookReviewOverdue = defineRule({
  id: 'runbook-review-overdue',
  title: 'Runbook review is overdue',
  plane: 'knowledge',
  severity: 'warning',
  description: 'Runbooks, procedures, standards and architecture records are reviewed on their cadence, so that nobody follows stale steps during an incident.',
  collections: ['runbooks'],
  check(entry, { now }) {
    const review = entry.data.review;
    const state = reviewState(review, now);
    if (!state.overdue) return [];
    return [
      {
        path: ['review', 'last'],
        message: `${capitalize(entry.data.kind)} \`${entry.id}\` is overdue for review: ${describeOverdue(review, state)}.`,
        hint: 'Walk through the document against the running system, fix what changed, then set `review.last` to the day of the review.',
      },
    ];
  },
});
