import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** Finds the line of a frontmatter field. */
export interface Locator {
  /**
   * Returns the 1-based file line of the value at `path`, or of its closest existing ancestor
   * when the field is missing (so "missing field" points at the object that lacks it).
   */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Returns a locator over YAML text that starts at `firstLine` of its file.
 *
 * Values are parsed once with js-yaml (the parser Astro uses) for speed; positions come from a
 * second, lazy parse with `yaml`, which keeps source ranges. Most entries never need a position,
 * so most never pay for that parse.
 */
export function createLocator(source: string, firstLine: number): Locator {
  let document: ReturnType<typeof parseDocument> | undefined;
  let counter: LineCounter | undefined;
  return {
    lineOf(path) {
      if (!document || !counter) {
        counter = new LineCounter();
        document = parseDocument(source, { lineCounter: counter, keepSourceTokens: false });
      }
      let node: unknown = document.contents;
      let line = firstLine;
      const lineOfNode = (candidate: unknown) => {
        const range = (candidate as Node | null)?.range;
        return range && counter ? firstLine - 1 + counter.linePos(range[0]).line : undefined;
      };
      line = lineOfNode(node) ?? line;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
          if (!pair) break;
          // A field is reported on its key's line, even when its value (a list, a mapping)
          // starts on the next one.
          line = lineOfNode(pair.key) ?? line;
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          const item = node.items[key];
          if (item === undefined) break;
          line = lineOfNode(item) ?? line;
          node = item;
        } else {
          break;
        }
      }
      return line;
    },
  };
}
