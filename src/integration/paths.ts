/** The folder, relative to the project root, that holds the platform's content. */
export const CONTENT_DIR = 'content';
