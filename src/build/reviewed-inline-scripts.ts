/**
 * The inline scripts a published page may carry besides those Astro bundles (Astro hashes those
 * into the Content-Security-Policy itself). The CSP step adds these hashes to every page's policy
 * and stops the build on any other inline script: one that is on no list can only have come from
 * content (Markdown the sanitizer missed, MDX, `set:html`), and the policy must not let it run.
 *
 * They are Starlight's `is:inline` scripts, which Astro copies into pages without hashing them.
 * Multiplane's own components use bundled `<script>`s, so none of theirs is listed here.
 *
 * Reviewed against @astrojs/starlight 0.42.4. After updating Starlight, run
 * `npx vitest run --project unit tests/build/reviewed-inline-scripts.test.ts`: it names every
 * `is:inline` script of the installed Starlight whose hash is missing here (with its file and new
 * hash) and every entry here that Starlight no longer has. Read each changed script in that file;
 * if it only does what Starlight documents (theme, sidebar state, search shortcut, tab sync) and
 * reads nothing a page's content controls into code, put its new hash here and the reviewed
 * version above, and delete the entries reported as gone.
 */
export interface ReviewedScript {
  /** The file of the installed package that holds the script, from node_modules. */
  readonly source: string;
  /** What the script does, as read when it was reviewed. */
  readonly purpose: string;
  /** The CSP source of its exact text, `'sha256-…'`. */
  readonly hash: string;
}

export const REVIEWED_INLINE_SCRIPTS: readonly ReviewedScript[] = [
  {
    source: '@astrojs/starlight/dist/components/ThemeProvider.astro',
    purpose: 'Applies the stored or preferred colour theme before the page paints; defines StarlightThemeProvider.updatePickers.',
    hash: "'sha256-VWo5Wp4aqSj6nSgMpeAp9cKieaoIfwFUAunAVugI5gA='",
  },
  {
    source: '@astrojs/starlight/dist/components/ThemeSelect.astro',
    purpose: 'Sets the theme picker to the stored theme (calls StarlightThemeProvider.updatePickers).',
    hash: "'sha256-GkZBRnvSuhtx/cvzvukVkX2JJZW+DdPlVr7BX8Tefqo='",
  },
  {
    source: '@astrojs/starlight/dist/components/Search.astro',
    purpose: 'Shows the search shortcut as Cmd K on Apple devices.',
    hash: "'sha256-f/zAUE74ucc3JYp4r4QQvkJofoQdkOIhHYK+jeZ6eko='",
  },
  {
    source: '@astrojs/starlight/dist/components/SidebarPersister.astro',
    purpose: 'Restores which sidebar groups were open, from session storage.',
    hash: "'sha256-wX2yOADeV+NMngflD5uYi3vl50SHC4sfM1EmylVjlX4='",
  },
  {
    source: '@astrojs/starlight/dist/components/SidebarPersister.astro',
    purpose: 'Restores the sidebar scroll position the previous script read.',
    hash: "'sha256-7eCV4jtsr4t4knb3c4FCRPeu7GGZeOUGE3XvWix0XOQ='",
  },
  {
    source: '@astrojs/starlight/dist/user-components/Tabs.astro',
    purpose: 'Selects the tab last chosen for synced tabs (syncKey), from local storage, before the tabs render.',
    hash: "'sha256-OizSKqsU+f0G4vojbxNt0Lao3kUpTmCLQSv3y6P7qhQ='",
  },
];
