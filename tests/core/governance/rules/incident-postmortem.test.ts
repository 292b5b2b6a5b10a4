import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('incident-postmortem', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'incident-postmortem')).toEqual([]);
  });

  it('rejects incident-without-postmortem', () => {
    expect(findingsOf(checkFixture('incident-without-postmortem'), 'incident-postmortem')).toMatchInlineSnapshot(`
      [
        {
          "file": "content/incidents/2026-10-outage.md",
          "hint": "Add \`## Postmortem\` with the timeline, the root cause, what went well, what to improve and the action items.",
          "line": 12,
          "message": "Resolved SEV2 incident \`2026-10-outage\` has no "Postmortem" section.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects a postmortem that holds only a placeholder', () => {
    expect(findingsOf(checkFixture('postmortem-placeholder'), 'incident-postmortem')).toMatchInlineSnapshot(`
      [
        {
          "file": "content/incidents/2026-10-outage.md",
          "hint": "Write the postmortem under the heading: the timeline, the root cause, what went well, what to improve and the action items. A heading alone is not evidence.",
          "line": 15,
          "message": "The "Postmortem" section of resolved SEV2 incident \`2026-10-outage\` holds only a placeholder.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects a postmortem heading over nothing but a comment', () => {
    expect(findingsOf(checkFixture('postmortem-empty'), 'incident-postmortem').map((finding) => [finding.line, finding.message])).toEqual([
      [15, 'The "Postmortem" section of resolved SEV2 incident `2026-10-outage` is empty.'],
    ]);
  });
});
