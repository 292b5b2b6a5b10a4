import { describe, expect, it } from 'vitest';
import { loopSvg } from '../../../src/site/diagrams/loop.ts';
import { type DiagramNode, neighbourhoodSvg } from '../../../src/site/diagrams/neighbourhood.ts';

const node = (key: string, title = key): DiagramNode => ({ key, title, href: `/${key}/`, plane: 'execution', kind: 'Service' });

describe('neighbourhood diagrams', () => {
  it('draws the entry, its backlinks on the left and its references on the right, each a link', () => {
    const svg = neighbourhoodSvg({
      center: node('services/api', 'API'),
      incoming: [{ label: 'Runbooks', nodes: [node('runbooks/r1', 'Restart API')] }],
      outgoing: [{ label: 'Depends on', nodes: [node('services/db', 'Database')] }],
    });
    expect(svg.match(/<a href=/g)).toHaveLength(3);
    expect(svg.match(/class="mp-edge"/g)).toHaveLength(2);
    expect(svg).toContain('aria-label="API and its 2 related entries"');
    expect(svg).toContain('>Runbooks</text>');
  });

  it('escapes titles and shortens long ones', () => {
    const svg = neighbourhoodSvg({
      center: node('services/x', '<script>alert(1)</script> & a title far too long to fit in one box of the diagram'),
      incoming: [],
      outgoing: [],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('…');
    expect(svg).toContain('No relations yet');
  });

  it('caps the nodes per side and counts the rest, so a hub entry stays a readable size', () => {
    const many = Array.from({ length: 40 }, (_, index) => node(`deployments/d${index}`));
    const svg = neighbourhoodSvg({ center: node('services/api'), incoming: [{ label: 'Deployments', nodes: many }], outgoing: [], maxPerSide: 8 });
    expect(svg.match(/<a href=/g)).toHaveLength(9);
    expect(svg).toContain('+ 32 more');
    expect(svg.length).toBeLessThan(6000);
  });
});

describe('loop diagram', () => {
  it('draws every step with an arrow to the next, and the anchor in the middle', () => {
    const steps = ['control', 'execution', 'operations', 'proof', 'knowledge', 'narrative'].map((plane) => ({
      plane: plane as 'control',
      label: plane,
      detail: '1 entry',
      href: `/planes/${plane}/`,
    }));
    const svg = loopSvg(steps, { plane: 'identity', label: 'Identity', detail: '3 owners', href: '/planes/identity/' });
    expect(svg.match(/marker-end=/g)).toHaveLength(6);
    expect(svg.match(/<a href=/g)).toHaveLength(7);
    expect(svg).toContain('1. control');
  });
});
