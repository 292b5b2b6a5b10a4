import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/graph/build-graph.ts';
import { lastProductionDeployment, platformStatus, statusSummary } from '../../../src/site/view/status.ts';
import { checkFixture } from '../../helpers/fixtures.ts';

describe('platform status', () => {
  const { graph, content } = checkFixture('valid');

  it('is operational when every incident is resolved', () => {
    expect(platformStatus(graph)).toMatchObject({ level: 'operational', label: 'All systems operational', openIncidents: [] });
  });

  it('is degraded while a SEV3 or SEV4 incident is open, and an outage while a SEV1 or SEV2 is', () => {
    const incident = graph.get('incidents/2026-10-outage');
    if (incident?.collection !== 'incidents') throw new Error('fixture changed');
    const open = (severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4') =>
      buildGraph([
        ...[...graph.entries.values()].filter((entry) => entry !== incident),
        { ...incident, data: { ...incident.data, severity, status: 'investigating', resolved: undefined } },
      ]);
    expect(platformStatus(open('SEV3'))).toMatchObject({ level: 'degraded', label: 'Degraded performance' });
    expect(platformStatus(open('SEV4')).level).toBe('degraded');
    expect(platformStatus(open('SEV2'))).toMatchObject({ level: 'outage', label: 'Outage' });
    expect(platformStatus(open('SEV1')).openIncidents.map((entry) => entry.key)).toEqual(['incidents/2026-10-outage']);
  });

  it('finds the last production deployment, ignoring other environments', () => {
    expect(lastProductionDeployment(graph, content.governance)?.key).toBe('deployments/api-1-2-0');
    expect(lastProductionDeployment(checkFixture('staging-deployment').graph, content.governance)).toBeUndefined();
  });
});

describe('the status summary every page header reads', () => {
  const links = { entry: (key: string) => `/${key}/`, overview: '/#status' };

  it('names the state and the last production deployment, dated in the site format', () => {
    const { graph, content } = checkFixture('valid');
    const summary = statusSummary(graph, content.governance, links);
    expect(summary).toMatchObject({ level: 'operational', label: 'All systems operational', href: '/#status', openIncidents: 0 });
    expect(summary.lastDeployment?.href).toBe('/deployments/api-1-2-0/');
    expect(summary.lastDeployment?.text).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
  });

  it('points at the worst open incident', () => {
    const { graph, content } = checkFixture('valid');
    const incident = graph.get('incidents/2026-10-outage');
    if (incident?.collection !== 'incidents') throw new Error('fixture changed');
    const open = buildGraph([
      ...[...graph.entries.values()].filter((entry) => entry !== incident),
      { ...incident, data: { ...incident.data, severity: 'SEV2', status: 'investigating', resolved: undefined } },
    ]);
    expect(statusSummary(open, content.governance, links)).toMatchObject({ level: 'outage', href: '/incidents/2026-10-outage/', openIncidents: 1 });
  });

  it('says when nothing was deployed to production', () => {
    const { graph, content } = checkFixture('staging-deployment');
    expect(statusSummary(graph, content.governance, links).lastDeployment).toBeNull();
  });
});
