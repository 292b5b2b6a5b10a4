import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getReport } from '../site/report.ts';
import { entryHref } from '../site/routes.ts';

/** An RSS feed of the articles, newest first. */
export const GET: APIRoute = (context) => {
  const { graph } = getReport();
  const platform = graph.platform?.data;
  const articles = [...graph.collection('articles')].sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
  return rss({
    title: `${platform?.name ?? 'Platform'}: articles`,
    description: platform?.description ?? 'Articles: decisions explained and lessons learned.',
    // Without a published address the feed still builds, with links relative to the site root.
    site: context.site ?? 'http://localhost/',
    items: articles.map((article) => ({
      title: article.title,
      link: entryHref(article.key),
      pubDate: article.data.date,
      ...(article.data.description ? { description: article.data.description } : {}),
      categories: article.data.tags,
      author: graph.target(article.key, ['author'])?.title ?? article.data.author,
    })),
  });
};
