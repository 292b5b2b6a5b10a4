/**
 * V8's flags for the build's own Node processes: `npm run build` (package.json, whose scripts the
 * bench and a test read them from) and Astro's process (src/build/astro-process-start.ts).
 *
 * One helper thread for V8 (its garbage collector's parallel and concurrent work, and compiling
 * in the background) instead of Node's default of four for each process. A build runs two Node
 * processes at once, beside Pagefind's service and Chromium: on two cores, eight helpers took
 * turns with the threads doing the build's work. A one-entry change at 3,000 entries took
 * 8.2–9.9 s with one helper, against 8.6–11.9 s with four, in twelve alternating pairs, eleven of
 * them won (docs/performance.md).
 */
export const BUILD_V8_FLAGS = ['--v8-pool-size=1'] as const;

/**
 * V8's flags for Astro's process alone, beside `BUILD_V8_FLAGS`. Its young generation starts at
 * 16 MB a semi-space instead of 1 MB, and grows to 32 MB at most. The process keeps most of what
 * it allocates (modules, the content store, the revived model): growing from 1 MB, it ran some 30
 * scavenges, each copying what was still alive, which took some 0.6 s in a one-entry build of
 * 3,000 entries. With these flags, that build took 6.8–8.6 s (median 7.0) against 7.2–8.9 s
 * (median 7.3) for V8's defaults, eight alternating pairs, seven of them won; at 10,000 entries
 * the two were even, within a second either way (docs/performance.md). The main process gained
 * nothing from the same start (five pairs).
 */
export const ASTRO_V8_FLAGS = ['--min-semi-space-size=16', '--max-semi-space-size=32'] as const;
