import { describe, expect, it } from 'vitest';
import { allLessons, lessonsExplaining } from '../../../src/site/view/lessons.ts';
import { checkFixture } from '../../helpers/fixtures.ts';

describe('lessons', () => {
  const report = checkFixture('valid');

  it('shows on the entry an article explains, with the article', () => {
    expect(lessonsExplaining(report.graph, 'case-studies/faster-api').map((item) => [item.article.key, item.lessons])).toEqual([
      ['articles/what-we-learned', ['Measure before changing.']],
    ]);
  });

  it('are none on an entry no article explains', () => {
    expect(lessonsExplaining(report.graph, 'incidents/2026-10-outage')).toEqual([]);
  });

  it('are gathered for the index with what each article explains', () => {
    expect(allLessons(report).map((item) => [item.article.key, item.explains])).toEqual([['articles/what-we-learned', ['case-studies/faster-api']]]);
  });
});
