const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const H1 = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * Finds the first level-one ATX heading outside fenced code. Returns its text and the body
 * without that line (and one blank line after it), since the page shows the title itself; or
 * undefined when the body has no such heading.
 */
export function takeFirstHeading(body: string): { title: string; body: string } | undefined {
  const lines = body.split('\n');
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const marker = FENCE.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (fence) continue;
    const title = H1.exec(line)?.[1]?.trim();
    if (title) {
      const after = lines[index + 1]?.trim() === '' ? 2 : 1;
      return { title, body: [...lines.slice(0, index), ...lines.slice(index + after)].join('\n') };
    }
  }
  return undefined;
}
