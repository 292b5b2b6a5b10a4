import { defineRule } from '../rule.ts';
import { describeOverdue, reviewState } from '../review-due.ts';

export const policyReviewOverdue = defineRule({
  id: 'policy-review-overdue',
  title: 'Policy review is overdue',
  plane: 'control',
  severity: 'warning',
  description:
    'Active policies are reviewed on their cadence. Past the due day it is a warning; after `policyReview.errorAfterCadences` cadences (2 by default) without review it is an error.',
  collections: ['policies'],
  applies: (entry) => entry.data.status === 'active',
  check(entry, { now, governance }) {
    const review = entry.data.review;
    const state = reviewState(review, now, governance.policyReview.errorAfterCadences);
    if (!state.overdue) return [];
    return [
      {
        path: ['review', 'last'],
        severity: state.escalated ? 'error' : 'warning',
        message: `Policy \`${entry.id}\` is overdue for review: ${describeOverdue(review, state)}${state.escalated ? `, more than ${governance.policyReview.errorAfterCadences} cadences ago` : ''}.`,
        hint: 'Review the policy with its owner, then set `review.last` to the day of the review; or retire it with `status: retired`.',
      },
    ];
  },
});
