import { readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { sep } from 'node:path';
import { DIAGNOSTICS } from '../findings/catalogue.ts';
import { type Problem, problem } from '../findings/create-finding.ts';
import { normalizeText } from './frontmatter.ts';

/** Files larger than this are refused rather than read and rendered. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type SourceResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: Problem };

const utf8 = new TextDecoder('utf-8', { fatal: true });

// The content folder's real path, per folder as given: resolved once, not for each of its files.
const realRoots = new Map<string, string>();

/**
 * Reads one content file as normalized text, or says why it cannot be an entry: unreadable,
 * outside the content folder, not a regular file, too large, empty, or binary. A file found
 * walking the folder is inside it unless it is a symbolic link (`link`, true when unknown), which
 * is followed and must stay inside. `stat` is the file's status when the caller has just taken it
 * (links followed, as `statSync` does), which spares a second call per file.
 */
export function readSource(absolutePath: string, contentRoot: string, options: { link?: boolean; stat?: Stats | undefined } = {}): SourceResult {
  const refuse = (refusal: Problem): SourceResult => ({ ok: false, problem: refusal });
  try {
    let real = absolutePath;
    if (options.link ?? true) {
      // The native call resolves the path in one system call, where the JavaScript one stats
      // every folder on the way: a tenth of a second for every 2,000 files.
      real = realpathSync.native(absolutePath);
      let root = realRoots.get(contentRoot);
      if (root === undefined) realRoots.set(contentRoot, (root = realpathSync.native(contentRoot)));
      if (real !== root && !real.startsWith(root + sep)) return refuse(problem(DIAGNOSTICS.fileOutsideContent, { target: real }));
    }
    const stat = options.stat ?? statSync(real);
    // A FIFO, socket or device named like an entry would block the reader or never end.
    if (!stat.isFile()) return refuse(problem(DIAGNOSTICS.fileUnsupported, { name: absolutePath.split(sep).at(-1) ?? absolutePath, reason: 'not-regular', folder: '' }));
    if (stat.size > MAX_FILE_BYTES) {
      return refuse(problem(DIAGNOSTICS.fileTooLarge, { megabytes: (stat.size / 1024 / 1024).toFixed(1), limit: MAX_FILE_BYTES / 1024 / 1024 }));
    }
    const bytes = readFileSync(real);
    if (bytes.length === 0) return refuse(problem(DIAGNOSTICS.fileEmpty, {}));
    if (bytes.includes(0)) return refuse(problem(DIAGNOSTICS.fileBinary, {}));
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return refuse(problem(DIAGNOSTICS.fileBinary, {}));
    }
    // Decoded once: white space alone is valid UTF-8 without a NUL, so it comes this far.
    if (text.trim() === '') return refuse(problem(DIAGNOSTICS.fileEmpty, {}));
    return { ok: true, text: normalizeText(text) };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return refuse(problem(DIAGNOSTICS.fileUnreadable, { reason: code === 'ENOENT' ? 'broken-link' : 'unreadable', code: code ?? String(cause) }));
  }
}
