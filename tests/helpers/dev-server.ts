import { join } from 'node:path';
import { type DevServer, startDevServer as start } from '../../src/bench/dev-server.ts';

export type { DevServer } from '../../src/bench/dev-server.ts';

/** Starts `astro dev` on a scratch copy of the project whose content is a fixture's. */
export function startDevServer(fixture: string): Promise<DevServer> {
  return start({ content: join(import.meta.dirname, '..', 'fixtures', fixture, 'content') });
}
