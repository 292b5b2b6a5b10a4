import { closeSync, constants, type Dirent, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { MAX_FILE_BYTES } from '../content/read-source.ts';
import { mightContainSecret } from './prefilter.ts';
import type { SecretCandidate } from './scan-secrets.ts';

export interface SecretFilesOptions {
  /** Project root; candidate paths are relative to it. */
  readonly root: string;
  /** Content folder relative to the root. Defaults to `content`. */
  readonly contentDir?: string;
}

export interface SkippedFile {
  /** Path relative to the project root. */
  readonly file: string;
  readonly reason: 'binary' | 'too-large' | 'not-a-file' | 'unreadable';
}

export interface SecretFiles {
  /** Files the prefilter marked as possible carriers of a credential, with their text. */
  readonly candidates: SecretCandidate[];
  /** Regular files read, candidates or not. */
  readonly read: number;
  /** Files and folders left unread, and why. */
  readonly skipped: SkippedFile[];
}

// Opening a FIFO for reading waits for a writer; O_NONBLOCK returns at once, and O_NOFOLLOW
// refuses a link that replaced a file since the folder was listed. (Windows has neither.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * Reads every regular file under the content folder for the secret scanner: entries, but also
 * `.env` and other dotfiles, `_`-prefixed notes, files at the content root and files that are
 * not Markdown, because a credential in any of them reaches the repository just the same.
 *
 * Symbolic links are never followed: a link to a file inside the folder is read under the
 * file's own name, and a link out of it leads to something that is not content (the loader
 * reports links in collection folders). FIFOs, sockets and devices are never opened, binary
 * files (with a NUL byte) and files over `MAX_FILE_BYTES` are skipped.
 */
export function secretFiles(options: SecretFilesOptions): SecretFiles {
  const candidates: SecretCandidate[] = [];
  const skipped: SkippedFile[] = [];
  let read = 0;
  let top: string;
  try {
    // The content folder itself may be a link (e.g. to a shared checkout).
    top = realpathSync(resolve(options.root, options.contentDir ?? 'content'));
  } catch {
    return { candidates, read, skipped };
  }
  const fileOf = (absolute: string) => relative(options.root, absolute).split(sep).join('/');
  // The root as written, so paths read like the loader's even when the folder is a link.
  const shown = resolve(options.root, options.contentDir ?? 'content');

  // One buffer for every file, one byte longer than the limit to tell a file at the limit from
  // a longer one without asking its size (a stat per file costs a tenth of the walk).
  const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
  const folders = [''];
  while (folders.length > 0) {
    const folder = folders.pop() as string;
    let dirents: Dirent[];
    try {
      dirents = readdirSync(join(top, folder), { withFileTypes: true });
    } catch {
      skipped.push({ file: fileOf(join(shown, folder)), reason: 'unreadable' });
      continue;
    }
    for (const dirent of dirents) {
      const inside = folder ? `${folder}${sep}${dirent.name}` : dirent.name;
      if (dirent.isDirectory()) {
        folders.push(inside);
        continue;
      }
      if (dirent.isSymbolicLink()) continue;
      const file = fileOf(join(shown, inside));
      if (!dirent.isFile()) {
        skipped.push({ file, reason: 'not-a-file' });
        continue;
      }
      const outcome = readText(join(top, inside), buffer);
      if (typeof outcome !== 'string') {
        skipped.push({ file, reason: outcome.reason });
        continue;
      }
      read++;
      if (mightContainSecret(outcome)) candidates.push({ file, text: outcome });
    }
  }
  candidates.sort((a, b) => a.file.localeCompare(b.file));
  return { candidates, read, skipped };
}

/**
 * The text of a file, read into `buffer`, or why it was not read. Only what the folder listing
 * called a regular file gets here; should it have become something else since, O_NONBLOCK makes
 * a FIFO read as empty and the buffer's size bounds a device.
 */
function readText(path: string, buffer: Buffer): string | { reason: SkippedFile['reason'] } {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch {
    return { reason: 'unreadable' };
  }
  try {
    let length = 0;
    while (length < buffer.length) {
      const count = readSync(fd, buffer, length, buffer.length - length, null);
      if (count === 0) break;
      length += count;
    }
    if (length > MAX_FILE_BYTES) return { reason: 'too-large' };
    if (buffer.subarray(0, length).includes(0)) return { reason: 'binary' };
    // Text that is not valid UTF-8 (a Latin-1 .env) is still scanned, with replacement characters.
    return buffer.toString('utf8', 0, length);
  } catch {
    return { reason: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}
