/**
 * A built page as the build reads and completes it: its bytes as a string of one character per
 * byte (Latin-1), a "view". What the build looks for in a page (the policy's `<meta>`, `<script>`
 * tags, headings, Pagefind's attributes) is ASCII markup, and no byte of a multi-byte UTF-8
 * character is ASCII, so a pattern of ASCII characters finds in a view the same places it finds
 * in the decoded text. Decoding each page and encoding it again cost 0.5 s of Astro's thread in
 * a 3,000-page build: a page with one character outside Latin-1 decodes to a string of two bytes a
 * character, which is slow to search and slower to encode. A view is made and written back by
 * copying bytes.
 *
 * Patterns matched against a view use HTML's white space (`[\t\n\f\r ]`), never `\s`, which also
 * matches U+00A0: in a view, that is the second byte of characters such as "à".
 */

/** The view of a page's bytes. */
export function pageView(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** The bytes a view stands for: what to write, and what to hash. */
export function viewBytes(view: string): Buffer {
  return Buffer.from(view, 'latin1');
}

/** The text a view stands for, decoded from UTF-8: for what a person reads, such as an excerpt. */
export function viewText(view: string): string {
  return viewBytes(view).toString('utf8');
}
