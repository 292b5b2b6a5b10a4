import { stripVTControlCharacters } from 'node:util';
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeDestination, { type NodeHandlerConfig } from 'astro/logger/node';
import { groupThousands, plural } from '../core/text/plural.ts';

/**
 * The log of a build's Astro process (src/build/astro-process.ts): Astro's own, less one line per
 * page it reused from the last build, which become one line of how many.
 *
 * Astro's incremental build logs every page it generates, and a page it reuses is one line too:
 * "├─ /services/x/index.html (cached)". A one-entry change at 10,000 entries renders some 80
 * pages and reuses 10,000: the log was all but those 10,000 lines, and writing them took Astro's
 * one thread about 0.2 s. A page's line comes as two messages, its path without a line end, then
 * "(cached)" (or "(restored)") right after it, with nothing between; a rendered page's path is
 * followed by its time once rendered, often after other pages' lines (Astro renders four at a
 * time), and is written as Astro writes it.
 */
export default function astroLog(config?: NodeHandlerConfig): AstroLoggerDestination {
  return reusedPagesCounted(nodeDestination(config));
}

/** Writes to `inner` what Astro logs, but the lines of the pages it reused: their count instead (see `astroLog`). */
export function reusedPagesCounted(inner: AstroLoggerDestination): AstroLoggerDestination {
  // A page's path, held until the next message says whether the page was reused.
  let held: AstroLoggerMessage | undefined;
  let reused = 0;
  let restored = 0;
  const release = (): void => {
    if (held) inner.write(held);
    held = undefined;
  };
  return {
    write(message) {
      const how = held && message.label === 'SKIP_FORMAT' ? REUSED.exec(stripVTControlCharacters(message.message))?.[1] : undefined;
      if (how) {
        held = undefined;
        reused++;
        if (how === 'restored') restored++;
        return;
      }
      release();
      if (isPagePath(message)) {
        held = message;
        return;
      }
      // The first whole line after the pages ("✓ Completed in …") closes their list.
      if (reused > 0 && message.newLine && message.label !== 'SKIP_FORMAT') {
        inner.write({ label: 'SKIP_FORMAT', level: 'info', message: reusedLine(reused, restored), newLine: true });
        reused = restored = 0;
      }
      inner.write(message);
    },
    flush() {
      release();
      return inner.flush?.();
    },
    close() {
      release();
      return inner.close?.();
    },
  };
}

const REUSED = /^\s*\((cached|restored)\)\s*$/;

/** A page's line as Astro starts it: "  ├─ /path/index.html", the rest of the line to come. */
function isPagePath(message: AstroLoggerMessage): boolean {
  return message.level === 'info' && message.label === null && !message.newLine && stripVTControlCharacters(message.message).trimStart().startsWith('├─ ');
}

/**
 * The line that stands for the pages reused, in the place of theirs. Astro finds a reused page in
 * the build's folder (linked in ahead: src/build/prelinked-pages.ts) or copies it back from its
 * cache, "restored"; the line says how many were.
 */
export function reusedLine(pages: number, restored = 0): string {
  const line = `  └─ ${plural(pages, 'page')} reused from the last build`;
  return restored > 0 ? `${line}, ${groupThousands(restored)} of them restored from Astro's cache` : line;
}

/** How many pages a build's output says Astro reused (`reusedLine`): 0 when it says none. */
export function reusedPagesIn(output: string): number {
  const match = /└─ ([\d,]+) pages? reused from the last build/.exec(output);
  return match ? Number(match[1]!.replaceAll(',', '')) : 0;
}
