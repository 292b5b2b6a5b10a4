import { describe, expect, it } from 'vitest';
import { headEntries, type HeadEntry } from '../../../src/site/view/head-entries.ts';

const head = (title: string): HeadEntry[] => [
  { tag: 'meta', attrs: { charset: 'utf-8' } },
  { tag: 'title', content: title },
  { tag: 'link', attrs: { rel: 'canonical', href: 'https://docs.example/404/' } },
  { tag: 'meta', attrs: { property: 'og:url', content: 'https://docs.example/404/' } },
  { tag: 'meta', attrs: { property: 'og:title', content: 'x' } },
];

describe("a page's head", () => {
  it('titles the overview once when its title is the site name', () => {
    const entries = headEntries(head('Mesh | Mesh'), { pageTitle: 'Mesh', siteTitle: 'Mesh', notFound: false });
    expect(entries.find((entry) => entry.tag === 'title')?.content).toBe('Mesh');
  });

  it('keeps "page | site" for every other page, and its canonical address', () => {
    const entries = headEntries(head('Services | Mesh'), { pageTitle: 'Services', siteTitle: 'Mesh', notFound: false });
    expect(entries.find((entry) => entry.tag === 'title')?.content).toBe('Services | Mesh');
    expect(entries.some((entry) => entry.attrs?.rel === 'canonical')).toBe(true);
  });

  it('gives the not-found page no canonical address or og:url', () => {
    const entries = headEntries(head('Page not found | Mesh'), { pageTitle: 'Page not found', siteTitle: 'Mesh', notFound: true });
    expect(entries.map((entry) => entry.attrs?.rel ?? entry.attrs?.property ?? entry.tag)).toEqual(['meta', 'title', 'og:title']);
  });
});
