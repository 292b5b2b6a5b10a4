/**
 * The folder, relative to the project root, that holds the platform's content: `content`, or
 * what `npm run build -- --content <dir>` chose (passed on to Astro's processes in the
 * environment, since content loaders cannot receive options from the command line).
 */
export function contentDir(): string {
  return process.env.MULTIPLANE_CONTENT_DIR || 'content';
}
