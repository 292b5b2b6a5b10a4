import type { AstroLoggerMessage } from 'astro';
import { describe, expect, it } from 'vitest';
import { reusedLine, reusedPagesCounted, reusedPagesIn } from '../../src/build/astro-log.ts';

const GREEN = (text: string) => `\u001b[32m${text}\u001b[39m`;
const DIM = (text: string) => `\u001b[2m${text}\u001b[22m`;

/** A page's line as Astro's page generation logs it: its path, then how it came to be. */
function pageLines(path: string, how: string): AstroLoggerMessage[] {
  return [
    { label: null, level: 'info', message: `  ${GREEN('├─')} ${DIM(path)}`, newLine: false },
    { label: 'SKIP_FORMAT', level: 'info', message: ` ${GREEN(how)}`, newLine: true },
  ];
}

/** What `reusedPagesCounted` passes on of `messages`, as the text of each message. */
function logged(messages: AstroLoggerMessage[]): string[] {
  const written: AstroLoggerMessage[] = [];
  const log = reusedPagesCounted({ write: (message) => void written.push(message) });
  for (const message of messages) log.write(message);
  void log.flush?.();
  return written.map((message) => message.message.replace(/\u001b\[\d+m/g, ''));
}

const done: AstroLoggerMessage = { label: null, level: 'info', message: '✓ Completed in 1.75s.', newLine: true };

describe("the build's Astro log", () => {
  it('leaves out the lines of pages reused from the last build, and counts them where the list ends', () => {
    expect(logged([...pageLines('/a/index.html', '(cached)'), ...pageLines('/b/index.html', '(restored)'), ...pageLines('/c/index.html', '(+12ms)'), done])).toEqual([
      '  ├─ /c/index.html',
      ' (+12ms)',
      reusedLine(2, 1),
      '✓ Completed in 1.75s.',
    ]);
  });

  it("writes a rendered page's path as Astro does, when other pages' lines come before its time", () => {
    const [path, time] = pageLines('/rendered/index.html', '(+185ms)');
    expect(logged([path!, ...pageLines('/kept/index.html', '(cached)'), ...pageLines('/other/index.html', '(+3ms)'), time!, done])).toEqual([
      '  ├─ /rendered/index.html',
      '  ├─ /other/index.html',
      ' (+3ms)',
      ' (+185ms)',
      reusedLine(1),
      '✓ Completed in 1.75s.',
    ]);
  });

  it('passes every other message on as it is, and a path still held when the log is flushed', () => {
    const warning: AstroLoggerMessage = { label: 'build', level: 'warn', message: 'Something to know', newLine: true };
    const [path] = pageLines('/last/index.html', '(+1ms)');
    expect(logged([warning, done, path!])).toEqual(['Something to know', '✓ Completed in 1.75s.', '  ├─ /last/index.html']);
  });

  it('is read back from a build\'s output, by the bench and the tests', () => {
    expect(reusedPagesIn(`…\n${reusedLine(10000, 3)}\n✓ Completed in 1.75s.\n`)).toBe(10000);
    expect(reusedPagesIn(`…\n${reusedLine(1)}\n`)).toBe(1);
    expect(reusedPagesIn('  ├─ /index.html (+9ms)\n✓ Completed in 1.75s.\n')).toBe(0);
  });

  it('counts in words a reader expects', () => {
    expect(reusedLine(1)).toBe('  └─ 1 page reused from the last build');
    expect(reusedLine(10000)).toBe('  └─ 10,000 pages reused from the last build');
    expect(reusedLine(10000, 1200)).toBe("  └─ 10,000 pages reused from the last build, 1,200 of them restored from Astro's cache");
  });
});
