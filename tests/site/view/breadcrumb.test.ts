import { describe, expect, it } from 'vitest';
import { breadcrumb } from '../../../src/site/view/breadcrumb.ts';

const trail = (path: string, base?: string) => breadcrumb(path, base).map((crumb) => `${crumb.label} ${crumb.href}`);

describe('the breadcrumb above a title', () => {
  it("leads from an entry's page through its plane to its collection", () => {
    expect(trail('/services/mesh-gateway/')).toEqual(['Overview /', 'Execution plane /planes/execution/', 'Services /services/']);
    expect(trail('/runbooks/services/restore/')).toEqual(['Overview /', 'Knowledge plane /planes/knowledge/', 'Runbooks and standards /runbooks/']);
  });

  it('leads from an index to its plane, and from a later page of it to the index', () => {
    expect(trail('/deployments/')).toEqual(['Overview /', 'Execution plane /planes/execution/']);
    expect(trail('/deployments/page/2/')).toEqual(['Overview /', 'Execution plane /planes/execution/', 'Deployments /deployments/']);
  });

  it('leads from a plane to the overview, and from the lessons to the articles', () => {
    expect(trail('/planes/proof/')).toEqual(['Overview /']);
    expect(trail('/lessons/')).toEqual(['Overview /', 'Narrative plane /planes/narrative/', 'Articles /articles/']);
  });

  it('gives the overview and the site pages none', () => {
    for (const path of ['/', '/governance/', '/loop/', '/authoring/services/', '/404.html']) expect(trail(path), path).toEqual([]);
  });

  it('reads the address under the base path', () => {
    expect(breadcrumb('/repo/services/api/', '/repo/').map((crumb) => crumb.label)).toEqual(['Overview', 'Execution plane', 'Services']);
  });
});
