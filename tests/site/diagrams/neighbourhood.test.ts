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

describe('neighbourhood diagram labels', () => {
  it('give a long title two lines before shortening it', () => {
    const svg = neighbourhoodSvg({ center: node('services/api', 'API'), incoming: [{ label: 'Runbooks', nodes: [node('runbooks/a', 'Restart the payment API after a failed deploy')] }], outgoing: [] });
    expect(svg).toContain('Restart the payment API');
    expect(svg).toContain('<tspan x="10" dy="16">after a failed deploy</tspan>');
    expect(svg).not.toContain('…');
  });

  it('keep the end of titles that would otherwise read alike', () => {
    const release = (version: string) => node(`deployments/${version}`, `Dispatch Orchestrator with its new assignment engine v${version} to production`);
    const svg = neighbourhoodSvg({ center: node('services/dispatch'), incoming: [{ label: 'Deployments', nodes: [release('8.4.0'), release('8.4.1')] }], outgoing: [] });
    const titles = [...svg.matchAll(/<text x="10" y="31" class="mp-title">(.*?)<\/text>/g)].map((match) => match[1]);
    expect(titles.filter((title) => title?.includes('8.4.0'))).toHaveLength(1);
    expect(titles.filter((title) => title?.includes('8.4.1'))).toHaveLength(1);
  });

  it('say what the entries left out are', () => {
    const deployments = Array.from({ length: 10 }, (_, index) => ({ ...node(`deployments/d${index}`), kind: 'Deployment' }));
    const mixed = [{ ...node('policies/p'), kind: 'Policy' }, { ...node('incidents/i'), kind: 'Incident' }];
    const svg = neighbourhoodSvg({
      center: node('services/api'),
      incoming: [
        { label: 'Deployments', nodes: deployments },
        { label: 'Other', nodes: mixed },
      ],
      outgoing: [{ label: 'Governed by', nodes: Array.from({ length: 10 }, (_, index) => ({ ...node(`policies/p${index}`), kind: 'Policy' })) }],
      maxPerSide: 8,
    });
    expect(svg).toContain('+ 2 more deployments');
    expect(svg).toContain('+ 2 more entries');
    expect(svg).toContain('+ 2 more policies');
  });
});

describe('loop diagram layouts', () => {
  const steps = ['control', 'execution', 'operations', 'proof', 'knowledge', 'narrative'].map((plane) => ({
    plane: plane as 'control',
    label: plane,
    detail: '11 services, 16 deployments',
    href: `/planes/${plane}/`,
  }));
  const anchor = { plane: 'identity' as const, label: 'Identity', detail: '3 owners', href: '/planes/identity/' };

  it('draws a column for phones no wider than a phone, closing the loop along its side', () => {
    const svg = loopSvg(steps, anchor, 'narrow');
    expect(svg).toMatch(/viewBox="0 0 340 \d+"/);
    expect(svg.match(/marker-end=/g)).toHaveLength(6);
    expect(svg.match(/<a href=/g)).toHaveLength(7);
  });

  it('sets its smallest text at 12 px wide and 13 px narrow, in the SVG itself', () => {
    const sizes = (svg: string) => [...svg.matchAll(/font-size="(\d+)"/g)].map((match) => Number(match[1]));
    expect(Math.min(...sizes(loopSvg(steps, anchor, 'wide')))).toBe(12);
    expect(Math.min(...sizes(loopSvg(steps, anchor, 'narrow')))).toBe(13);
  });

  it('gives the two drawings distinct arrow markers, as both are in one page', () => {
    expect(loopSvg(steps, anchor, 'wide')).toContain('id="mp-loop-arrow-wide"');
    expect(loopSvg(steps, anchor, 'narrow')).toContain('id="mp-loop-arrow-narrow"');
  });
});
