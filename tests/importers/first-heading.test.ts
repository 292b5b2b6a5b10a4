import { describe, expect, it } from 'vitest';
import { takeFirstHeading } from '../../src/importers/first-heading.ts';

const text = (...lines: string[]) => lines.join('\n');

describe('takeFirstHeading', () => {
  it('takes the first level-one heading and the blank line after it out of the body', () => {
    expect(takeFirstHeading(text('# Access *Policy* #', '', 'Text.'))).toEqual({ title: 'Access Policy', body: 'Text.' });
  });

  it('takes a setext heading, both of its lines', () => {
    expect(takeFirstHeading(text('Access Policy', '=============', 'Text.'))).toEqual({ title: 'Access Policy', body: 'Text.' });
  });

  it('skips code, lower levels and empty headings, and finds one after other text', () => {
    const body = text('```md', '# In code', '```', '', '## Section', '#', '', 'Intro.', '', '# Title', '', 'More.');
    expect(takeFirstHeading(body)).toEqual({ title: 'Title', body: text('```md', '# In code', '```', '', '## Section', '#', '', 'Intro.', '', 'More.') });
  });

  it('finds nothing in a body without one', () => {
    expect(takeFirstHeading(text('## Only a section', '', '    # indented code'))).toBeUndefined();
  });
});
