import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { survivingClosedPipe } from '../../src/cli/closed-pipe.ts';

const failure = (code: string) => Object.assign(new Error(code), { code });

describe('survivingClosedPipe', () => {
  it('reports the reader gone after EPIPE, and after writes to the destroyed stream, without throwing', () => {
    for (const code of ['EPIPE', 'ERR_STREAM_DESTROYED']) {
      const stream = new PassThrough();
      const open = survivingClosedPipe(stream);
      expect(open()).toBe(true);
      expect(() => stream.emit('error', failure(code))).not.toThrow();
      expect(open()).toBe(false);
    }
  });

  it('lets any other failure of the stream through', () => {
    const stream = new PassThrough();
    survivingClosedPipe(stream);
    expect(() => stream.emit('error', failure('ENOSPC'))).toThrow('ENOSPC');
  });

  it('listens once per stream, however often it is asked', () => {
    const stream = new PassThrough();
    expect(survivingClosedPipe(stream)).toBe(survivingClosedPipe(stream));
    expect(stream.listenerCount('error')).toBe(1);
  });
});
