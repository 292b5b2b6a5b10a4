import type { MarkdownHeading } from 'astro';
import { render } from 'astro:content';
import { readBody, type StoredRendering, storedHeadings } from './entry-bodies.ts';

type AnyCollectionEntry = Parameters<typeof render>[0];

/** An entry's body as a page shows it: HTML kept in its file, or the component Astro renders. */
export interface EntryContent {
  readonly html?: string;
  readonly Content?: Awaited<ReturnType<typeof render>>['Content'];
  readonly headings: readonly MarkdownHeading[];
}

/**
 * Reads an entry's rendered body from the file the content loader wrote (src/site/entry-bodies.ts),
 * or has Astro render it where Astro finishes the body itself (MDX, Markdown with local images).
 * Show it with src/components/EntryBody.astro.
 */
export async function entryContent(entry: AnyCollectionEntry): Promise<EntryContent> {
  // What the content loader stored (src/integration/entry-loader.ts), which the generated
  // collection types do not spell out.
  const rendered = entry.rendered as StoredRendering | undefined;
  const html = readBody(rendered);
  if (html !== undefined) return { html, headings: storedHeadings(rendered) };
  const { Content, headings } = await render(entry);
  return { Content, headings };
}
