/**
 * The version of the way entry bodies are rendered and stored (src/integration/entry-loader.ts).
 * Bumped when that changes, so cached entries are rendered again and, through the page keys
 * (src/site/page-keys.ts), their pages too.
 */
// 5: the store keeps no entry data.
// 6: of a body kept in a file, the store keeps only the file and its headings, as JSON.
export const RENDER_VERSION = 'mp-6';
