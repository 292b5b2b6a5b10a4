/**
 * The environment Astro's process of `npm run build` gets: the build's own, without the
 * variables a shell keeps for itself (`_`, the command it last ran; `OLDPWD`; `SHLVL`) and
 * without names of one or two characters (`N=2 npm run build`).
 *
 * Astro writes environment variables into the bundled code: in every module that reads
 * `import.meta.env` as a whole (Astro's actions runtime, Expressive Code), each variable whose
 * name the module's text contains, with its value. Those names are in almost any text, so the
 * bundle changed with the shell that started the build, and with it the hash Astro's incremental
 * build keys each route on: a build from another shell, or after `N=2 …`, rendered every page
 * again. Configuration read from the environment (`SITE_URL`, `CHROMIUM_PATH`, proxies) is kept.
 */
export function astroEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name.length > 2 && !SHELL_BOOKKEEPING.has(name)));
}

const SHELL_BOOKKEEPING: ReadonlySet<string> = new Set(['_', 'OLDPWD', 'SHLVL']);
