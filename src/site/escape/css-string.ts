// Characters that end or escape a CSS string (quotes, backslash, line breaks and other controls)
// or that the HTML parser reads inside a <style> element before CSS sees it (`</style>`).
const SPECIAL = /[\u0000-\u001f\u007f"'\\<>&]/gu;

/**
 * Returns `text` as a double-quoted CSS string that is safe anywhere in a stylesheet, including
 * inside an HTML `<style>` element: every character that could end the string, escape from it or
 * close the element becomes a CSS hex escape (`<` is `\3c `), and NUL, which CSS cannot carry,
 * becomes U+FFFD as a CSS parser would read it. Line breaks are escaped, not dropped: collapse
 * white space first where the value must stay on one line.
 */
export function cssString(text: string): string {
  const escaped = text.replace(SPECIAL, (char) => (char === '\u0000' ? '\ufffd' : `\\${char.charCodeAt(0).toString(16)} `));
  return `"${escaped}"`;
}
