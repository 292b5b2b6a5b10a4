import { analyzeBody } from '../markdown/analyze-body.ts';
import { mdxFileSafetyProblems } from '../markdown/mdx-safety.ts';
import { type BodyParsers, ContentStore, type LoadedContent, type LoadOptions } from './content-store.ts';

/** Every body and MDX file parsed in this thread, as it is read. */
const IN_THIS_THREAD: BodyParsers = {
  factsOf: (body, bodyLine, mdx) => analyzeBody(body, bodyLine, { mdx }),
  mdxProblems: mdxFileSafetyProblems,
};

/**
 * Reads every collection under the content folder once, validates each file against its schema and
 * returns the entries together with every problem found. Synchronous, so it loads its parsers
 * up front; a caller that can wait uses `ContentStore.loadAsync`, which loads them only if needed.
 */
export function loadContent(options: LoadOptions): LoadedContent {
  return new ContentStore(options).load(IN_THIS_THREAD);
}
