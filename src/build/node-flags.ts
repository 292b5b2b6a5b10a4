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
