import { describe, expect, it } from 'vitest';
import { sectionState } from '../../../src/core/governance/section-substance.ts';
import { analyzeBody } from '../../../src/core/markdown/analyze-body.ts';

const state = (...lines: string[]) => sectionState(analyzeBody(lines.join('\n'), 1), 'Postmortem').state;

describe('what a required section holds', () => {
  it('is written when it holds text, a list, a table or code', () => {
    expect(state('## Postmortem', '', 'A bad configuration was deployed.')).toBe('written');
    expect(state('## Postmortem', '', '- Rolled back at 10:12.')).toBe('written');
    expect(state('## Postmortem', '', '| When | What |', '| --- | --- |', '| 10:00 | Deploy |')).toBe('written');
    expect(state('## Postmortem', '', '```text', 'timeline', '```')).toBe('written');
    expect(state('## Postmortem', '', '### Timeline', '', 'At 10:00 the deploy began.')).toBe('written');
  });

  it('is missing without its heading, and empty with a heading alone or a comment', () => {
    expect(state('## Summary', '', 'Text.')).toBe('missing');
    expect(state('## Postmortem', '', '## Next', '', 'Text.')).toBe('empty');
    expect(state('## Postmortem', '', '<!-- later -->')).toBe('empty');
    expect(state('## Postmortem', '', '### Timeline', '', '## Next', 'Text.')).toBe('empty');
  });

  it('holds only a placeholder when every paragraph is one', () => {
    expect(state('## Postmortem', '', 'TODO: write the timeline.')).toBe('placeholder');
    expect(state('## Postmortem', '', 'TBD')).toBe('placeholder');
    expect(state('## Postmortem', '', '- N/A', '- ...')).toBe('placeholder');
    expect(state('## Postmortem', '', 'TODO: the timeline.', '', 'The root cause was a stale certificate.')).toBe('written');
  });

  it('takes the best of two sections of the same name', () => {
    expect(state('## Postmortem', '', '## postmortem', '', 'Written the second time.')).toBe('written');
  });
});
