/**
 * Returns `field cover ("a.png")` or `fields cover ("a.png"); hero ("b.png")` for a report line;
 * semicolons, because the line itself separates what and why with a comma.
 */
export function describeFields(fields: readonly (readonly [string, unknown])[]): string {
  const listed = fields.map(([key, value]) => `${key} (${JSON.stringify(value)})`).join('; ');
  return `field${fields.length === 1 ? '' : 's'} ${listed}`;
}
