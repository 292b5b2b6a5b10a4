import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WORTH_RELEASING } from '../../src/build/release-memory.ts';

const RELEASE_MEMORY = fileURLToPath(new URL('../../src/build/release-memory.ts', import.meta.url));

/**
 * Fills the heap with a model-like graph of small objects, lets go of it, collects with `how`, and
 * reports the process's resident memory before and after (MB). In a process of its own, so that no
 * other test's heap is measured.
 */
function residentAfter(how: 'releaseMemory' | 'plain gc'): { filled: number; after: number; collected?: boolean } {
  const script = `
    import { releaseMemory } from ${JSON.stringify(RELEASE_MEMORY)};
    const mb = () => process.memoryUsage().rss / 2 ** 20;
    let model = Array.from({ length: 2_000_000 }, (_, i) => ({ key: 'entry-' + i, data: { title: 'Entry ' + i, tags: [i, i + 1] } }));
    const filled = mb();
    model = undefined;
    await new Promise((resolve) => setTimeout(resolve, 20));
    ${how === 'releaseMemory' ? 'const collected = releaseMemory();' : "globalThis.gc ?? (await import('node:v8')).setFlagsFromString('--expose-gc'); (await import('node:vm')).runInNewContext('gc')();"}
    console.log(JSON.stringify({ filled, after: mb(), ${how === 'releaseMemory' ? 'collected' : ''} }));
  `;
  const output = execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output) as { filled: number; after: number; collected?: boolean };
}

describe('releaseMemory', () => {
  it('hands the memory of what the build let go of back to the system, where a plain collection keeps it', () => {
    const released = residentAfter('releaseMemory');
    const plain = residentAfter('plain gc');
    expect(released.collected).toBe(true);
    // Two million small objects: some 600 MB resident, well over WORTH_RELEASING.
    expect(released.filled).toBeGreaterThan(WORTH_RELEASING / 2 ** 20 + 100);
    expect(released.after).toBeLessThan(released.filled / 2);
    // The difference this makes: V8 keeps the freed pages of a plain collection for reuse.
    expect(plain.after).toBeGreaterThan(released.after + 100);
  });

  it('leaves a process smaller than WORTH_RELEASING alone: collecting it costs more than it gives back', () => {
    const script = `
      import { releaseMemory, WORTH_RELEASING } from ${JSON.stringify(RELEASE_MEMORY)};
      const small = process.memoryUsage.rss() < WORTH_RELEASING;
      console.log(JSON.stringify({ small, collected: releaseMemory(), exposed: typeof globalThis.gc }));
    `;
    const output = execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' });
    // A fresh process holds some 50 MB; nothing was collected, and V8's gc was not even exposed.
    expect(JSON.parse(output)).toEqual({ small: true, collected: false, exposed: 'undefined' });
  });
});
