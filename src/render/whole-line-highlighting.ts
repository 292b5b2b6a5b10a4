/**
 * How long Shiki may spend on one line of a code block before it shows the rest of the line
 * unhighlighted. Its default, 500 ms, is reached on a busy machine: the first block of a language
 * compiles the grammar's expressions while its first line is tokenized, and builds under load (a
 * test suite running beside them) twice published the authoring guide's first `sh` block without
 * the dark theme's colours, which the light theme, tokenized next with the expressions compiled,
 * had. A page must not depend on the machine's load. A line takes well under a millisecond; the
 * limit stays, at a minute, only against a grammar that never ends on some hostile line.
 */
const LINE_TIME_LIMIT_MS = 60_000;

/** What Expressive Code's Shiki plugin hands a transformer's `preprocess` hook: Shiki's options for one block. */
interface TokenizeOptions {
  tokenizeTimeLimit?: number;
}

/** A Shiki transformer for Expressive Code (Starlight's `expressiveCode.shiki.transformers`) that sets the limit above. */
export const wholeLineHighlighting = {
  name: 'multiplane:whole-line-highlighting',
  preprocess(_code: string, options: TokenizeOptions): void {
    options.tokenizeTimeLimit = LINE_TIME_LIMIT_MS;
  },
};
