import { appendFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

/**
 * Records the moment a step of the Astro build was reached, one `name<TAB>epoch-milliseconds`
 * line per mark in `file` (the integration's `marksFile` option). `npm run build` runs Astro in a
 * child process and reads the marks back; wall-clock time, so both processes agree.
 */
export function mark(file: string | undefined, name: string): void {
  if (file) appendFileSync(file, `${name}\t${Date.now()}\n`);
}

/** Reads the marks a build wrote. */
export function readMarks(text: string): Record<string, number> {
  const marks: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const [name, time] = line.split('\t');
    if (name && time) marks[name] = Number(time);
  }
  return marks;
}

/**
 * An integration placed after Starlight's, so that its `astro:build:done` runs once Starlight
 * has finished (and built its search index, when it builds one).
 */
export function timingsEnd(file: string | undefined): AstroIntegration {
  return { name: 'multiplane:timings-end', hooks: { 'astro:build:done': () => mark(file, 'search-done') } };
}
