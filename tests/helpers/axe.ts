import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly targets: readonly string[];
}

/**
 * Runs axe-core on the page and returns its serious and critical violations. Open the page with
 * `bypassCSP`: its Content-Security-Policy would (rightly) block the injected script.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // The search button's name is completed by a module script (src/components/Search.astro). On a
  // loaded machine axe has run before it; wait for it a while, and let axe report it if it never comes.
  await page
    .waitForFunction(() => [...document.querySelectorAll('button[data-open-modal]')].every((button) => (button.getAttribute('aria-label') ?? '').includes(' ')), undefined, { timeout: 10_000 })
    .catch(() => {});
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    type Axe = { run(context: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
    const result = await (window as unknown as { axe: Axe }).axe.run(document);
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')) }));
  });
}
