import { appendFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

// `npm run build` runs Astro in a child process and asks for its marks in a file, one
// `name<TAB>epoch-milliseconds` per line; marks use wall-clock time so both processes agree.
const FILE = 'MULTIPLANE_MARKS_FILE';

/** Records the moment a step of the Astro build was reached. */
export function mark(name: string): void {
  const file = process.env[FILE];
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
export function timingsEnd(): AstroIntegration {
  return { name: 'multiplane:timings-end', hooks: { 'astro:build:done': () => mark('search-done') } };
}
