import { readFileSync, realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { DIAGNOSTICS, type RuleDocs } from '../findings/catalogue.ts';
import { normalizeText } from './frontmatter.ts';

/** Files larger than this are refused rather than read and rendered. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type SourceResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly docs: RuleDocs; readonly message: string; readonly hint: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads one content file as normalized text, or says why it cannot be an entry: unreadable,
 * outside the content folder, too large, empty, or binary.
 */
export function readSource(absolutePath: string, contentRoot: string): SourceResult {
  try {
    const real = realpathSync(absolutePath);
    const root = realpathSync(contentRoot);
    if (real !== root && !real.startsWith(root + sep)) {
      return {
        ok: false,
        docs: DIAGNOSTICS.fileOutsideContent,
        message: `This file is a link to ${real}, which is outside the content folder.`,
        hint: 'Copy the file into content/ instead of linking to it, or delete the link.',
      };
    }
    const stat = statSync(real);
    // A FIFO, socket or device named like an entry would block the reader or never end.
    if (!stat.isFile()) {
      return {
        ok: false,
        docs: DIAGNOSTICS.fileUnsupported,
        message: 'This is not a regular file (a pipe, socket or device), so it is not read.',
        hint: 'Replace it with a Markdown file, or remove it from content/.',
      };
    }
    const size = stat.size;
    if (size > MAX_FILE_BYTES) {
      return {
        ok: false,
        docs: DIAGNOSTICS.fileTooLarge,
        message: `The file is ${(size / 1024 / 1024).toFixed(1)} MB; entries may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
        hint: 'Split it into several entries, or move generated data out of content/.',
      };
    }
    const bytes = readFileSync(real);
    if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
      return {
        ok: false,
        docs: DIAGNOSTICS.fileEmpty,
        message: 'The file is empty.',
        hint: 'Add frontmatter and a body (npm run new -- <collection> <id> writes a template), or delete the file.',
      };
    }
    if (bytes.includes(0)) {
      return binary();
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return binary();
    }
    return { ok: true, text: normalizeText(text) };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return {
      ok: false,
      docs: DIAGNOSTICS.fileUnreadable,
      message: code === 'ENOENT' ? 'The file is a link to something that does not exist.' : `The file cannot be read (${code ?? String(cause)}).`,
      hint: code === 'ENOENT' ? 'Delete the broken link.' : 'Check its permissions, or delete it.',
    };
  }
}

function binary(): SourceResult {
  return {
    ok: false,
    docs: DIAGNOSTICS.fileBinary,
    message: 'The file is not UTF-8 text.',
    hint: 'Save it as UTF-8 Markdown; put images and other binary files in public/ instead.',
  };
}
