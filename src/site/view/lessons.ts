import type { CheckReport } from '../../core/check/run-check.ts';
import type { Entry } from '../../core/content/entry.ts';
import type { PlatformGraph } from '../../core/graph/build-graph.ts';

/** An article's lessons, with what the article explains. */
export interface ArticleLessons {
  readonly article: Entry<'articles'>;
  readonly lessons: readonly string[];
  /** Keys of the entries the article explains, as the graph resolved them. */
  readonly explains: readonly string[];
}

function lessonsOf(graph: PlatformGraph, article: Entry<'articles'>): ArticleLessons {
  return { article, lessons: article.data.lessons, explains: graph.related(article.key, 'explains').map((entry) => entry.key) };
}

/**
 * The lessons that explain an entry (an incident, a case study, a policy): those of the articles
 * whose `explains` names it, newest article first. Empty when no article explains it or none of
 * those lists a lesson.
 */
export function lessonsExplaining(graph: PlatformGraph, key: string): ArticleLessons[] {
  return graph
    .related(key, 'explainedBy')
    .filter((entry): entry is Entry<'articles'> => entry.collection === 'articles' && entry.data.lessons.length > 0)
    .sort(newestFirst)
    .map((article) => lessonsOf(graph, article));
}

/** Every article with lessons, newest first: the lessons index. */
export function allLessons(report: CheckReport): ArticleLessons[] {
  return [...report.graph.collection('articles')]
    .filter((article) => article.data.lessons.length > 0)
    .sort(newestFirst)
    .map((article) => lessonsOf(report.graph, article));
}

function newestFirst(a: Entry<'articles'>, b: Entry<'articles'>): number {
  return b.data.date.getTime() - a.data.date.getTime() || a.title.localeCompare(b.title);
}
