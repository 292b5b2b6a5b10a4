/**
 * The site's base path as the build configures it (`base` in astro.config.mjs), or `/` outside
 * Vite (the check, the tests), where `import.meta.env` does not exist.
 *
 * Written as `import.meta.env.BASE_URL` and nothing else, which Vite replaces by its value. Where a
 * module reads `import.meta.env` as an object (`import.meta.env?.BASE_URL`), Astro writes into it
 * every variable of the build's environment whose name the module's text contains (`_`, which
 * bash sets to the command it runs, is in almost any module). The bundled code then changed from
 * one shell to the next, and with it the hash Astro's incremental build keys each route on: every
 * page was rendered again. It also put those variables' values into the bundle.
 */
export function configuredBase(): string {
  try {
    return import.meta.env.BASE_URL ?? '/';
  } catch {
    return '/';
  }
}
