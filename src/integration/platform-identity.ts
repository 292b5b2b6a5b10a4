import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

export interface PlatformIdentity {
  readonly title: string;
  readonly url: string | undefined;
}

/**
 * Reads the platform's name and published address for the site's title and `site` setting. The
 * check validates the file before a build; in `astro dev` a broken file falls back to neutral
 * values instead of stopping the server.
 */
export function readPlatformIdentity(root: string, contentDir: string): PlatformIdentity {
  try {
    const data = yaml.load(readFileSync(join(root, contentDir, 'platform.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA }) as
      | { name?: unknown; url?: unknown }
      | null;
    const name = typeof data?.name === 'string' && data.name.trim() ? data.name.trim() : 'Multiplane';
    const url = typeof data?.url === 'string' && /^https?:\/\//.test(data.url) ? data.url : undefined;
    return { title: name, url };
  } catch {
    return { title: 'Multiplane', url: undefined };
  }
}

/** The path part of the published address, as Astro's `base`: `/` or `/repo`. */
export function siteBase(url: string): string {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  return path === '' ? '/' : path;
}
