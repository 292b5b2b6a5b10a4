import type { CommandIo } from '../../src/cli/io.ts';

/** A command's I/O captured in memory, with a pinned clock. */
export function memoryIo(cwd: string, env: NodeJS.ProcessEnv = {}): CommandIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    env: { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 26) / 1000), ...env },
    cwd,
    color: false,
    out: () => out,
    err: () => err,
  };
}
