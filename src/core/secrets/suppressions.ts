/**
 * secretlint's suppression comments, read the way its filter-comments rule reads them
 * (https://github.com/secretlint/secretlint/tree/master/packages/%40secretlint/secretlint-rule-filter-comments):
 * `secretlint-disable` up to `secretlint-enable` or the end of the file, `secretlint-disable-line`
 * and `secretlint-disable-next-line`, each optionally limited to rule IDs separated by commas,
 * with `-- reason` after them. Like secretlint, the text is found anywhere, not only in comments.
 *
 * The scanner runs with that rule off and applies the suppressions itself, so that what a
 * suppression hides can be shown to a reviewer instead of disappearing.
 */
export interface Suppression {
  /** 1-based line of the suppression comment. */
  readonly line: number;
  /** The directive as written, e.g. `secretlint-disable-next-line`. */
  readonly directive: string;
  /** Rule IDs it is limited to; empty for every rule. */
  readonly rules: readonly string[];
  /** Offsets of the first and last character it covers. */
  readonly start: number;
  readonly end: number;
}

const DIRECTIVE = /(?<type>secretlint-(?:disable-next-line|disable-line|disable|enable))(?<options>.*)/g;

/** Every suppression in a text, with the range of text each one covers. */
export function suppressionsIn(text: string): Suppression[] {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  // A 1-based line, from its first character to its newline, as secretlint counts it.
  const lineRange = (line: number): [number, number] => [lineStarts[line - 1] ?? text.length, (lineStarts[line] ?? text.length + 1) - 1];

  const suppressions: { line: number; directive: string; rules: string[]; start: number; end: number | undefined }[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const type = match.groups?.type ?? '';
    const rules = ruleIds(match.groups?.options ?? '');
    const line = lineOf(match.index);
    if (type === 'secretlint-enable') {
      // A bare enable ends every open disable; one naming rules ends the latest for each rule.
      for (const rule of rules.length ? rules : [undefined]) {
        for (let index = suppressions.length - 1; index >= 0; index--) {
          const open = suppressions[index];
          if (!open || open.end !== undefined || open.directive !== 'secretlint-disable') continue;
          if (rule !== undefined && !open.rules.includes(rule)) continue;
          open.end = match.index;
          if (rule !== undefined) break;
        }
      }
      continue;
    }
    if (type === 'secretlint-disable') {
      suppressions.push({ line, directive: type, rules, start: match.index, end: undefined });
    } else {
      const [start, end] = lineRange(type === 'secretlint-disable-line' ? line : line + 1);
      suppressions.push({ line, directive: type, rules, start, end });
    }
  }
  return suppressions.map((suppression) => ({ ...suppression, end: suppression.end ?? text.length }));
}

/** The suppression that hides a finding of `rule` spanning `range`, if one does. */
export function suppressionOf(suppressions: readonly Suppression[], rule: string, range: readonly [number, number]): Suppression | undefined {
  return suppressions.find(
    (suppression) =>
      suppression.start <= range[0] &&
      range[1] <= suppression.end &&
      (suppression.rules.length === 0 || suppression.rules.includes(rule)),
  );
}

/** `secretlint-disable a, b -- reason` → ["a", "b"]. */
function ruleIds(options: string): string[] {
  const reason = options.indexOf('--');
  return (reason === -1 ? options : options.slice(0, reason))
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}
