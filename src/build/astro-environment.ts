/**
 * The environment Astro's process of `npm run build` gets: the build's own, without the
 * variables a shell keeps for itself (`_`, the command it last ran; `OLDPWD`; `SHLVL`) and
 * without one-letter names (`N=2 npm run build`).
 *
 * Astro writes environment variables into the bundled code: in every module that reads
 * `import.meta.env` as a whole (Astro's actions runtime, Expressive Code), each variable whose
 * name the module's text contains, with its value. Those names are in almost any text, so the
 * bundle changed with the shell that started the build, and with it the hash Astro's incremental
 * build keys each route on: a build from another shell, or after `N=2 …`, rendered every page
 * again. Configuration read from the environment (`CI`, `SITE_URL`, `CHROMIUM_PATH`, proxies) is
 * kept: of the variables a shell and npm set, only `_` is named in those modules (Astro 7.3).
 */
export function astroEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name.length > 1 && !SHELL_BOOKKEEPING.has(name)));
}

const SHELL_BOOKKEEPING: ReadonlySet<string> = new Set(['_', 'OLDPWD', 'SHLVL']);
