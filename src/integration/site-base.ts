/** The path part of the published address, as Astro's `base`: `/` or `/repo`. */
export function siteBase(url: string): string {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  return path === '' ? '/' : path;
}
