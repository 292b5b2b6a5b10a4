import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { serveExampleSite } from '../helpers/served-site.ts';

// The example site built once in global setup (at 2026-11-26), served and driven in Chromium.
const served = serveExampleSite();

async function open(path: string, colorScheme: 'light' | 'dark', bypassCSP = false): Promise<Page> {
  const page = await served.browser.newPage({ colorScheme, bypassCSP });
  await page.goto(`${served.url}${path}`, { waitUntil: 'load' });
  return page;
}

/**
 * Every chart picture in a part of the page: its accessible name parts, whether it drew anything,
 * and the table of the figure it belongs to (small charts of one figure share a table).
 */
async function charts(page: Page, within: string) {
  return page.locator(`${within} svg[role="img"]`).evaluateAll((svgs) =>
    svgs.map((svg) => {
      const labelled = (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
      const figure = svg.closest('figure.mp-chart');
      return {
        title: labelled[0] ?? '',
        description: labelled[1] ?? '',
        marks: svg.querySelectorAll('.mp-chart-bar, .mp-chart-dot, .mp-chart-empty').length,
        rows: figure?.querySelectorAll(':scope > details table tbody tr').length ?? 0,
        open: figure?.querySelector(':scope > details')?.hasAttribute('open') ?? true,
      };
    }),
  );
}

/** The colours a theme gives the first chart mark and the axis text, as computed by the browser. */
async function colours(page: Page, within: string) {
  return page.locator(`${within} figure.mp-chart`).first().evaluate((figure) => ({
    mark: getComputedStyle(figure.querySelector('.mp-chart-bar, .mp-chart-dot')!).fill,
    text: getComputedStyle(figure.querySelector('svg text')!).fill,
    background: getComputedStyle(document.body).backgroundColor,
  }));
}

/** Relative luminance of an `rgb(…)` colour, 0 (black) to 1 (white). */
function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
    const channel = Number(part) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

describe('metrics charts', { timeout: 60_000 }, () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`shows the dashboard's trends in the ${scheme} theme: titled, described charts with their numbers in a table`, async () => {
      const page = await open('/governance/', scheme);
      const found = await charts(page, '.mp-trends');
      // Four delivery trends, and four governance charts (the example is a git repository).
      expect(found.map((chart) => chart.title)).toEqual([
        'Production deployments per month, platform',
        'Lead time for changes, platform',
        'Change failure rate, platform',
        'Time to restore, platform',
        'Errors and warnings per week',
        'Services per scorecard level',
        'Completeness per plane',
        'Open loops per week',
      ]);
      for (const chart of found) {
        expect(chart.description.length, chart.title).toBeGreaterThan(20);
        expect(chart.marks, chart.title).toBeGreaterThan(0);
        expect(chart.rows, chart.title).toBeGreaterThan(0);
        expect(chart.open, chart.title).toBe(false);
      }
      // The table opens from its disclosure, without any script of ours.
      const first = page.locator('.mp-trends figure.mp-chart').first();
      await first.locator('summary').click();
      await expect(first.locator('table').isVisible()).resolves.toBe(true);
      // September: 3 production deployments, committed 120, 20 and 46 hours before (median 46 h),
      // 1 of 3 failed, 1.2 h to restore.
      await expect(first.locator('tbody tr').filter({ hasText: 'Sep 2026' }).locator('td').allTextContents()).resolves.toEqual(['3', '46 h', '33 %', '1.2 h']);

      const { mark, text, background } = await colours(page, '.mp-trends');
      // Axis text stands out from the page in either theme.
      expect(Math.abs(luminance(text) - luminance(background))).toBeGreaterThan(0.4);
      expect(luminance(mark)).not.toBe(luminance(background));
      await page.close();
    });
  }

  it('draws the marks in colours of the theme', async () => {
    const light = await open('/governance/', 'light');
    const dark = await open('/governance/', 'dark');
    const [inLight, inDark] = [await colours(light, '.mp-trends'), await colours(dark, '.mp-trends')];
    expect(inLight.mark).not.toBe(inDark.mark);
    expect(luminance(inDark.mark)).toBeGreaterThan(luminance(inLight.mark));
    await light.close();
    await dark.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`shows a service's own metrics and trends in the ${scheme} theme`, async () => {
      const page = await open('/services/carrier-connector/', scheme);
      const tiles = await page.locator('.mp-metric-tiles li').evaluateAll((items) =>
        items.map((item) => [item.getAttribute('data-metric'), item.querySelector('.mp-metric-value')?.textContent?.trim()]),
      );
      // Two production deployments in the window, committed 26 and 2 hours before (median 14 h),
      // one of which failed; the only incident was a SEV3.
      expect(tiles).toEqual([
        ['deploymentFrequency', '0.7 a month'],
        ['leadTime', '14 h'],
        ['changeFailureRate', '50 %'],
        ['timeToRestore', 'no data'],
      ]);
      const found = await charts(page, '.mp-metrics');
      expect(found.map((chart) => chart.title)).toEqual([
        'Production deployments per month, Carrier Connector',
        'Lead time for changes, Carrier Connector',
        'Change failure rate, Carrier Connector',
        'Time to restore, Carrier Connector',
      ]);
      expect(found.every((chart) => chart.rows === 12 && chart.marks > 0 && !chart.open)).toBe(true);
      await expect(page.locator('.mp-metrics script').count()).resolves.toBe(0);
      await page.close();
    });
  }

  it('has no serious accessibility problem in the metrics of a service page', async () => {
    const page = await open('/services/carrier-connector/', 'light', true);
    const violations = await seriousAxeViolations(page);
    expect(violations.filter((violation) => violation.targets.some((target) => target.includes('mp-'))), JSON.stringify(violations)).toEqual([]);
    await page.close();
  });

  it('shows a team the metrics of the services it owns, and the Proof plane the platform\'s', async () => {
    const team = await open('/owners/delivery-infrastructure/', 'light');
    await expect(team.locator('.mp-metrics p').first().textContent()).resolves.toMatch(/Measured over the \d+ services? Delivery Infrastructure owns/);
    await team.close();
    const proof = await open('/planes/proof/', 'light');
    await expect(proof.locator('.mp-metric-tiles li').count()).resolves.toBe(4);
    await proof.close();
    // Entries that are neither services nor service owners show none.
    const runbook = await open('/runbooks/ledger-failover/', 'light');
    await expect(runbook.locator('.mp-metrics').count()).resolves.toBe(0);
    await runbook.close();
  });

  it('counts the hand-off from execution to operations on the loop page', async () => {
    const page = await open('/loop/', 'light');
    await expect(page.locator('[data-handoff] p').textContent()).resolves.toContain('2 of 5 incidents name the deployment that caused them');
    await page.close();
  });
});

describe('metrics.json and catalog.json', () => {
  const site = () => inject('siteDir');

  it('carry the platform\'s numbers, "no data" written as a status and never as zero', () => {
    const metrics = JSON.parse(readFileSync(join(site(), 'metrics.json'), 'utf8'));
    expect(metrics.settings).toMatchObject({ window: '90d', trendMonths: 12, bandsSource: 'Accelerate State of DevOps Report 2023 (DORA)' });
    // 9 production deployments from 28 Aug to 26 Nov; the carrier connector's failed release and
    // the identity broker release that caused the September incident are the change failures.
    expect(metrics.platform.window.deploymentFrequency).toMatchObject({ status: 'measured', deployments: 9, band: 'medium' });
    expect(metrics.platform.window.changeFailureRate).toMatchObject({ status: 'measured', failures: 2, deployments: 9, rate: 0.2222, band: 'low' });
    // Every production deployment of the example records when its change was committed.
    expect(metrics.platform.window.leadTime).toMatchObject({ status: 'measured', recorded: 9, deployments: 9, band: 'high' });
    expect(metrics.platform.window.timeToRestore).toMatchObject({ status: 'measured', medianHours: 1.2, band: 'high' });
    const dispatch = metrics.services.find((service: { key: string }) => service.key === 'services/dispatch-orchestrator');
    expect(dispatch.window.deploymentFrequency).toEqual({ status: 'no-data', deployments: 0, days: 90 });
    expect(metrics.platform.months).toHaveLength(12);
    expect(metrics.history.available).toBe(true);
    expect(metrics.history.weeks).toHaveLength(26);

    const catalog = JSON.parse(readFileSync(join(site(), 'catalog.json'), 'utf8'));
    expect(catalog.metrics.changeFailureRate.failures).toBe(2);
    const carrier = catalog.entries.find((entry: { key: string }) => entry.key === 'services/carrier-connector');
    expect(carrier.metrics.changeFailureRate).toMatchObject({ rate: 0.5, failures: 1, deployments: 2 });
    const outage = catalog.entries.find((entry: { key: string }) => entry.key === 'incidents/2026-08-dispatch-outage');
    expect(outage.relations.causedBy).toEqual(['deployments/2026-08-12-dispatch-orchestrator-8-4-0']);
  });
});
