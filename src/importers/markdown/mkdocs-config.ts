import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseDocument } from 'yaml';
import type { UnmappedItem } from '../import-result.ts';

/** Where a page sits in the MkDocs navigation. */
export interface NavPlace {
  readonly title: string | undefined;
  /** Titles of the sections the page is nested in, outermost first. */
  readonly sections: readonly string[];
  /** Position in the navigation, from 0. */
  readonly order: number;
}

/** What an `mkdocs.yml` says about the pages. */
export interface MkdocsConfig {
  /** The configuration file's name, relative to the imported folder. */
  readonly file: string;
  /** The docs folder, relative to the imported folder (`''` when it is the folder itself). */
  readonly docsDir: string;
  /** Navigation by page path (relative to the docs folder). */
  readonly nav: ReadonlyMap<string, NavPlace>;
  /** The site's name (`site_name`), the title of a home page that has none of its own. */
  readonly siteName: string | undefined;
  readonly unmapped: UnmappedItem[];
}

const CONFIG_NAMES = ['mkdocs.yml', 'mkdocs.yaml'];

/**
 * Reads the MkDocs configuration of a folder, if it has one: the docs folder (`docs_dir`,
 * `docs/` by default, or the folder itself when it holds the pages directly) and the `nav`
 * tree. Parsed with `yaml`, which reads the Python-specific tags MkDocs files often carry
 * (`!!python/name:`, `!ENV`) as plain values instead of failing. Returns undefined without one.
 */
export function readMkdocsConfig(dir: string): MkdocsConfig | undefined {
  const file = CONFIG_NAMES.find((name) => existsSync(join(dir, name)));
  if (!file) return undefined;
  const unmapped: UnmappedItem[] = [];
  const document = parseDocument(readFileSync(join(dir, file), 'utf8'));
  const parsed: unknown = document.errors.length === 0 ? document.toJS() : undefined;
  if (document.errors.length > 0 || parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const reason = document.errors[0]?.message.split('\n')[0] ?? 'it is not a set of settings';
    unmapped.push({ source: file, what: 'the navigation and settings', why: `it cannot be read (${reason}); titles come from the pages` });
    return { file, docsDir: defaultDocsDir(dir), nav: new Map(), siteName: undefined, unmapped };
  }
  const config = parsed as Record<string, unknown>;
  const docsDir = typeof config.docs_dir === 'string' ? posix.normalize(config.docs_dir).replace(/^\.\/?|\/$/g, '') : defaultDocsDir(dir);
  const nav = new Map<string, NavPlace>();
  let order = 0;
  const walk = (items: unknown, sections: readonly string[]) => {
    for (const item of Array.isArray(items) ? items : []) {
      const [title, target] =
        typeof item === 'string' ? [undefined, item] : item !== null && typeof item === 'object' ? (Object.entries(item)[0] ?? []) : [];
      if (Array.isArray(target)) {
        walk(target, title === undefined ? sections : [...sections, String(title)]);
      } else if (typeof target === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(target)) {
        unmapped.push({ source: file, what: `nav link "${title ?? target}": ${target}`, why: 'it leads to another site, not to a page' });
      } else if (typeof target === 'string') {
        const path = posix.normalize(target.replace(/^\//, ''));
        if (!existsSync(join(dir, docsDir, path))) {
          unmapped.push({ source: file, what: `nav entry "${title ?? target}": ${target}`, why: 'no such page in the docs folder' });
        } else if (!nav.has(path)) {
          nav.set(path, { title: title === undefined ? undefined : String(title), sections, order: order++ });
        }
      }
    }
  };
  walk(config.nav, []);
  const settings = Object.keys(config).filter((key) => key !== 'nav' && key !== 'docs_dir');
  if (settings.length > 0) {
    unmapped.push({
      source: file,
      what: `site settings ${settings.join(', ')}`,
      why: "the site's identity, theme and Markdown extensions are Multiplane's own (content/platform.yaml, astro.config.mjs)",
    });
  }
  const siteName = typeof config.site_name === 'string' && config.site_name.trim() !== '' ? config.site_name.trim() : undefined;
  return { file, docsDir, nav, siteName, unmapped };
}

/** MkDocs's default `docs/`, or the folder itself when the pages sit beside mkdocs.yml. */
function defaultDocsDir(dir: string): string {
  const docs = join(dir, 'docs');
  return existsSync(docs) && statSync(docs).isDirectory() ? 'docs' : '';
}
