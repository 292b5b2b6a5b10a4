import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/**
 * Reads the platform name for the site title. The check has validated the file before a build
 * starts; in `astro dev` a broken file falls back to a neutral title instead of stopping the server.
 */
export function readPlatformTitle(root: string, contentDir: string): string {
  try {
    const data = yaml.load(readFileSync(join(root, contentDir, 'platform.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA });
    const name = (data as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name.trim() ? name.trim() : 'Multiplane';
  } catch {
    return 'Multiplane';
  }
}
