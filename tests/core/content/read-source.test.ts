import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../src/core/content/read-source.ts';
import { scratchFolders } from '../../helpers/scratch-files.ts';

const scratch = scratchFolders('read-source-');

/** What reading a file of these bytes gives: its text, or the diagnostic that refuses it. */
function read(bytes: Uint8Array | string): string {
  const folder = scratch();
  const file = join(folder, 'entry.md');
  writeFileSync(file, bytes);
  const result = readSource(file, folder, { link: false });
  return result.ok ? `text: ${result.text}` : result.problem.at({ file: 'entry.md', line: 1 }).rule;
}

describe('reading a content file', () => {
  it('refuses a file with nothing in it, or white space alone, as empty', () => {
    expect(read('')).toBe('file-empty');
    expect(read(' \n\t\r\n  ')).toBe('file-empty');
    expect(read('\uFEFF\n\n')).toBe('file-empty');
  });

  it('refuses a file with a NUL byte or bytes that are not UTF-8 as binary, white space around them or not', () => {
    expect(read(Uint8Array.from([0x2d, 0x2d, 0x2d, 0x00, 0x0a]))).toBe('file-binary');
    expect(read(Uint8Array.from([0x0a, 0xff, 0xfe, 0x0a]))).toBe('file-binary');
    expect(read(Uint8Array.from([0x20, 0xc3]))).toBe('file-binary');
  });

  it('reads UTF-8 text, its line ends made \\n', () => {
    expect(read('---\r\ntitle: Café\r\n---\r\n')).toBe('text: ---\ntitle: Café\n---\n');
  });
});
