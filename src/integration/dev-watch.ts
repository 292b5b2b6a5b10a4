import { resolve, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { formatFindings } from '../core/check/format-human.ts';
import type { SiteState } from '../site/site-state.ts';
import { contentErrors } from './dev-errors.ts';
import type { LiveModel } from './live-model.ts';

/** How long to wait after a file event for the rest of a save (editors write in several steps). */
const SETTLE_MS = 40;

/**
 * Follows the content folder in `astro dev`: after every change, the model is rebuilt (parsing
 * only the changed files), republished to the pages and content loaders, and the browser reloads.
 * The findings of the new model are printed as `npm run check` prints them. A change to what the
 * site's configuration is made of (the platform's name or address) restarts the server.
 */
export function watchContent(server: ViteDevServer, live: LiveModel, logger: AstroIntegrationLogger): void {
  const folder = resolve(live.context.root, live.context.contentDir);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();

  const refresh = async () => {
    const before = live.state;
    const started = performance.now();
    const { state, changes } = await live.refresh();
    report(state, before, Math.round(performance.now() - started), logger);
    if (configOf(before) !== configOf(state)) {
      logger.info('The platform name or address changed: restarting the server.');
      await server.restart();
      return;
    }
    // Astro reloads the browser itself once a content loader has changed its store; when only
    // findings or relations changed, nothing did, so the reload is sent here.
    if (!changes.some((changed) => changed === true)) server.environments.client.hot.send({ type: 'full-reload', path: '*' });
  };

  const onEvent = (path: string) => {
    if (path !== folder && !path.startsWith(folder + sep)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      queue = queue.then(refresh).catch((error: unknown) => logger.error(`Could not reload the content: ${(error as Error).message}`));
    }, SETTLE_MS);
  };

  server.watcher.add(folder);
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, onEvent);
}

/** What Starlight's configuration is made of; a change needs a restart, not a reload. */
function configOf(state: SiteState): string {
  const platform = state.model.graph.platform?.data;
  return JSON.stringify([platform?.name, platform?.url]);
}

function report(state: SiteState, before: SiteState, milliseconds: number, logger: AstroIntegrationLogger): void {
  const { model } = state;
  const summary = `${model.content.parsed} file${model.content.parsed === 1 ? '' : 's'} parsed, ${model.errors} error${model.errors === 1 ? '' : 's'}, ${model.warnings} warning${model.warnings === 1 ? '' : 's'} (${milliseconds} ms)`;
  logger.info(`Content reloaded: ${summary}.`);
  const errors = contentErrors(model);
  if (errors.length > 0) {
    logger.error(`\n${formatFindings(errors).trimEnd()}`);
  } else if (contentErrors(before.model).length > 0) {
    logger.info('The content errors are fixed.');
  }
}
