/**
 * Builds the Astro site into `outDir`. The integration reads the instant pages measure against
 * and the edition, and skips its own check, which has already run.
 */
export async function siteStep(root: string, outDir: string, now: Date, edition: 'internal' | 'public', env: NodeJS.ProcessEnv): Promise<void> {
  process.env.MULTIPLANE_NOW = now.toISOString();
  process.env.MULTIPLANE_EDITION = edition;
  process.env.MULTIPLANE_CHECKED = '1';
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  // A NODE_ENV left over from a shell or a test runner (development, test) would make Vite build
  // in that mode, and Starlight then leaves search out of the pages; a published site is production.
  process.env.NODE_ENV = 'production';
  const { build } = await import('astro');
  await build({ root, outDir, logLevel: env.MULTIPLANE_LOG_LEVEL === 'debug' ? 'debug' : env.MULTIPLANE_LOG_LEVEL === 'silent' ? 'error' : 'info' });
}
