import { describe, expect, it } from 'vitest';
import { entryCard } from '../../../src/core/collections/entry-card.ts';
import { viewContext } from '../../../src/site/view/view-context.ts';
import { checkFixture, findingsOf } from '../../helpers/fixtures.ts';

describe('causedBy: the hand-off from execution to operations', () => {
  const report = checkFixture('metrics-delivery');

  it('links an incident to the deployment that caused it, with the backlink on the deployment', () => {
    expect(report.graph.related('incidents/2026-10-outage', 'causedBy').map((entry) => entry.key)).toEqual(['deployments/api-1-1-0']);
    expect(report.graph.related('deployments/api-1-1-0', 'caused').map((entry) => entry.key)).toEqual(['incidents/2026-10-outage']);
    expect(report.graph.related('incidents/2026-11-db-failover', 'causedBy')).toEqual([]);
  });

  it('shows on both entries\' cards', () => {
    const context = viewContext(report);
    const field = (key: string, label: string) => entryCard(report.graph.get(key)!, context).find((item) => item.label === label)?.value;
    expect(field('incidents/2026-10-outage', 'Caused by')).toEqual({ kind: 'entries', keys: ['deployments/api-1-1-0'] });
    expect(field('deployments/api-1-1-0', 'Incidents caused')).toEqual({ kind: 'entries', keys: ['incidents/2026-10-outage'] });
    // A deployment that caused nothing shows no such line.
    expect(field('deployments/api-1-0-0', 'Incidents caused')).toBeUndefined();
  });

  it('reports a cause that names no deployment', () => {
    expect(findingsOf(checkFixture('metrics-dangling-cause'), 'dangling-reference').map((finding) => [finding.file, finding.field])).toEqual([
      ['content/incidents/2026-10-outage.md', 'causedBy[0]'],
    ]);
  });
});
