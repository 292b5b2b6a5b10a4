import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../src/cli/io.ts';

const config = {
  options: {
    out: { type: 'string' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
  allowPositionals: true,
} as const;

const message = (args: string[], extra: object = {}) => {
  try {
    parseCommandLine({ ...config, ...extra, args });
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('parsed');
};

describe('parseCommandLine', () => {
  it('suggests the option an unknown one most resembles', () => {
    expect(message(['--dryrun'])).toBe("Unknown option '--dryrun'. Did you mean --dry-run?");
    expect(message(['--forse'])).toBe("Unknown option '--forse'. Did you mean --force?");
    expect(message(['--out=x', '--foce=yes'])).toBe("Unknown option '--foce'. Did you mean --force?");
    expect(message(['-H'])).toBe("Unknown option '-H'. Did you mean -h?");
  });

  it('lists the options when nothing is close', () => {
    expect(message(['--frobnicate'])).toBe("Unknown option '--frobnicate'. The options are --out, --dry-run, --force and --help.");
  });

  it('offers the negated form of a boolean where the command accepts one', () => {
    expect(message(['--no-forse'], { allowNegative: true })).toBe("Unknown option '--no-forse'. Did you mean --no-force?");
  });

  it('keeps Node\'s message for other mistakes', () => {
    expect(message(['--out'])).toMatch(/^Option '--out <value>' argument missing/);
  });
});
