import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { entryCard } from '../../../src/core/collections/entry-card.ts';
import { COLLECTIONS } from '../../../src/core/collections/index.ts';
import type { AnyEntry } from '../../../src/core/content/entry.ts';
import { NOW, EXAMPLE_ROOT } from '../../helpers/fixtures.ts';

const report = runCheck({ root: EXAMPLE_ROOT, now: NOW });
const context = { graph: report.graph, governance: report.content.governance, now: report.now, scores: new Map(report.scores.map((score) => [score.key, score])) };

describe('entry cards come from the collection descriptors', () => {
  it('shows a field a schema gains without any change to a view', () => {
    const service = report.graph.collection('services')[0]!;
    const extended = { ...service, data: { ...service.data, costCentre: 'CC-4711', launched: new Date('2024-03-01T00:00:00Z'), regions: ['eu-west', 'us-east'] } } as unknown as AnyEntry;
    const card = entryCard(extended, context);
    expect(card.find((field) => field.label === 'Cost centre')?.value).toEqual({ kind: 'text', text: 'CC-4711' });
    expect(card.find((field) => field.label === 'Launched')?.value).toMatchObject({ kind: 'date' });
    expect(card.find((field) => field.label === 'Regions')?.value).toEqual({ kind: 'list', items: ['eu-west', 'us-east'] });
  });

  it('shows every field of every example entry, under a label, once', () => {
    const hidden = new Set(['title', 'description', 'draft', 'visibility']);
    for (const entry of report.graph.entries.values()) {
      if (entry.collection === 'platform') continue;
      const card = entryCard(entry, context);
      const labels = card.map((field) => field.label);
      expect(new Set(labels).size, `${entry.key}: ${labels.join(', ')}`).toBe(labels.length);
      const descriptor = COLLECTIONS[entry.collection] as unknown as { card: readonly { covers?: readonly string[] }[] };
      const covered = new Set(descriptor.card.flatMap((display) => display.covers ?? []).map((path) => path.split('.')[0]));
      for (const [field, value] of Object.entries(entry.data as Record<string, unknown>)) {
        if (hidden.has(field) || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
        const shown = covered.has(field) || labels.some((label) => label.toLowerCase().replace(/ /g, '') === field.toLowerCase());
        expect(shown, `${entry.key}: ${field}`).toBe(true);
      }
    }
  });

  it('shows references as the graph resolved them, whatever their spelling', () => {
    const deployment = report.graph.collection('deployments').find((entry) => entry.data.approver)!;
    const respelt = { ...deployment, data: { ...deployment.data, approver: `owners/${deployment.data.approver}` } } as unknown as AnyEntry;
    const approver = entryCard(respelt, context).find((field) => field.label === 'Approver');
    expect(approver?.value).toEqual({ kind: 'entries', keys: [`owners/${deployment.data.approver}`] });
  });

  it('lists a person under the teams that count them as members', () => {
    const team = report.graph.collection('owners').find((owner) => owner.data.kind === 'team' && owner.data.members.length > 0)!;
    const member = report.graph.related(team.key, 'hasMember')[0]!;
    const partOf = entryCard(member, context).find((field) => field.label === 'Part of');
    expect(partOf?.value).toMatchObject({ kind: 'entries', keys: expect.arrayContaining([team.key]) });
  });
});
