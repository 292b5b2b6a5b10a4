import type { Browser, BrowserContext, BrowserType } from 'playwright-core';
import { findChromium } from './find-chromium.ts';
import { LAUNCH_ARGS } from './launch-args.ts';

export interface SharedBrowserOptions {
  /** Environment to look for Chromium in; defaults to `process.env`. */
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** Receives one line per real launch. */
  readonly log?: ((message: string) => void) | undefined;
}

/** One lazily launched Chromium that any number of rehype-mermaid runs can borrow. */
export interface SharedBrowser {
  /**
   * A stand-in for Playwright's `chromium` to hand to rehype-mermaid as `browserType`. Its
   * `launch()` resolves to the one shared browser, whose `close()` does nothing.
   */
  readonly browserType: Pick<BrowserType, 'launch'>;
  /** How many times a real browser process was started. */
  launches(): number;
  /** Closes the real browser, if one was launched; a later `launch()` starts a new one. */
  close(): Promise<void>;
}

/**
 * Returns a shared browser. rehype-mermaid (through mermaid-isomorphic's `createMermaidRenderer`)
 * launches a browser per render call whenever no other call is in flight and closes it afterwards;
 * a build renders diagrams in many calls, so each would pay a Chromium start-up. Handing it this
 * `browserType` keeps one browser for the whole process. Chromium is looked for on first launch,
 * so a build whose diagrams are all cached never needs one.
 */
export function createSharedBrowser(options: SharedBrowserOptions = {}): SharedBrowser {
  let launching: Promise<Browser> | undefined;
  let launches = 0;
  // mermaid-isomorphic closes its context without awaiting it; closing the browser underneath
  // such a context rejects the pending call, so `close()` waits for open contexts first.
  const openContexts = new Map<BrowserContext, Promise<void>>();

  async function launchReal(): Promise<Browser> {
    const executablePath = findChromium(options.env ?? process.env);
    // Loaded on the first launch only: a build whose diagrams are all cached never needs it, and
    // loading it costs a quarter of a second in each of the build's two processes.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [...LAUNCH_ARGS],
      // Playwright's own handlers would take the signals from the build: on SIGTERM and SIGHUP it
      // closes the browser and lets the process run on, on SIGINT it exits before the build removes
      // its unfinished output. The build's handler (src/build/child-processes.ts) exits instead,
      // and Playwright's exit hook then kills Chromium's process group. After a SIGKILL of this
      // process, Chromium quits by itself when its --remote-debugging-pipe closes.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    launches += 1;
    options.log?.(`Launched Chromium (${executablePath}) for diagrams and the PDF.`);
    return browser;
  }

  function shared(): Promise<Browser> {
    if (launching) return launching;
    const attempt = launchReal().then((browser) => {
      // A crashed browser must not be handed out again; the next render launches a fresh one.
      browser.on('disconnected', () => {
        if (launching === attempt) launching = undefined;
      });
      return browser;
    });
    // A failed launch is not remembered, so the caller sees the same clear error next time.
    attempt.catch(() => {
      if (launching === attempt) launching = undefined;
    });
    launching = attempt;
    return attempt;
  }

  function borrowed(browser: Browser): Browser {
    return new Proxy(browser, {
      get(target, key) {
        if (key === 'close') return async () => {};
        if (key === 'newContext') {
          return async (...args: Parameters<Browser['newContext']>) => {
            const context = await target.newContext(...args);
            const closed = new Promise<void>((resolve) => {
              context.once('close', () => {
                openContexts.delete(context);
                resolve();
              });
            });
            openContexts.set(context, closed);
            return context;
          };
        }
        const value: unknown = Reflect.get(target, key, target);
        // Playwright's objects read their own private state, so methods must run on the target.
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  return {
    browserType: {
      launch: async () => borrowed(await shared()),
    },
    launches: () => launches,
    async close() {
      const pending = launching;
      launching = undefined;
      const browser = await pending?.catch(() => undefined);
      if (!browser) return;
      try {
        await Promise.all(
          [...openContexts].map(async ([context, closed]) => {
            await context.close();
            await closed;
          }),
        );
      } finally {
        openContexts.clear();
        await browser.close();
      }
    },
  };
}
