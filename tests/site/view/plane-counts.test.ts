import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { PLANE_DEFINITIONS } from '../../../src/core/planes.ts';
import { dashboard, NO_PLANE } from '../../../src/site/view/dashboard.ts';
import { planeCards } from '../../../src/site/view/home.ts';
import { findingPlane, planeFindings } from '../../../src/site/view/plane-findings.ts';
import { checkFixture, NOW, EXAMPLE_ROOT } from '../../helpers/fixtures.ts';

/**
 * One attribution of findings to planes, everywhere: a plane's home card, its page and the
 * dashboard (its completeness table and its plane filter) count the same findings, those on the
 * plane's entries, whichever plane's rule raised them.
 */
describe("a plane's findings", () => {
  const reports = {
    example: runCheck({ root: EXAMPLE_ROOT, now: NOW }),
    'service-without-on-call': checkFixture('service-without-on-call'),
  };

  it('include findings of other planes’ rules, so the attribution matters', () => {
    const { example } = reports;
    const crossing = example.findings.filter((finding) => finding.entry && findingPlane(finding, example) !== finding.plane);
    // A Knowledge rule (service-runbook) reports on services, which are Execution's.
    expect(crossing.map((finding) => finding.rule)).toContain('service-runbook');
  });

  for (const [name, report] of Object.entries(reports)) {
    it(`are counted alike on the home page, the plane pages and the dashboard (${name})`, () => {
      const cards = planeCards(report);
      const view = dashboard(report);
      const severity = (list: readonly { severity: string }[], wanted: string) => list.filter((finding) => finding.severity === wanted).length;
      for (const plane of PLANE_DEFINITIONS) {
        const card = cards.find((candidate) => candidate.plane === plane.id)!;
        const page = planeFindings(report, plane.id);
        const table = report.completeness.find((row) => row.plane === plane.id)!;
        const filtered = view.findings.filter((finding) => finding.countsOn === plane.id);
        const facet = view.byPlane.find((entry) => entry.value === plane.id)?.count ?? 0;
        const counts = {
          card: [card.errors, card.warnings],
          page: [page.errors, page.warnings],
          dashboardTable: [table.errors, table.warnings],
          dashboardFilter: [severity(filtered, 'error'), severity(filtered, 'warning')],
        };
        expect(counts, plane.label).toEqual({ card: counts.page, page: counts.page, dashboardTable: counts.page, dashboardFilter: counts.page });
        // The filter lists the same findings the plane's page lists, notices included.
        expect(facet, plane.label).toBe(page.findings.length);
        expect(filtered.map((finding) => `${finding.rule} ${finding.file}:${finding.line}`).sort()).toEqual(
          page.findings.map((finding) => `${finding.rule} ${finding.file}:${finding.line}`).sort(),
        );
      }
      // Findings about no entry are in the filter under "no entry" and on no plane.
      const unattributed = report.findings.filter((finding) => !finding.entry).length;
      expect(view.byPlane.find((entry) => entry.value === NO_PLANE)?.count ?? 0).toBe(unattributed);
    });
  }
});
