import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/graph/build-graph.ts';
import { lastProductionDeployment, platformStatus } from '../../../src/site/view/status.ts';
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
