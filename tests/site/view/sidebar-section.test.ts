import { describe, expect, it } from 'vitest';
import { markSection, type SidebarItem } from '../../../src/site/view/sidebar-section.ts';

const link = (href: string, isCurrent = false): SidebarItem => ({ type: 'link', href, isCurrent, attrs: {} });
const sidebar = (current?: string): SidebarItem[] => [
  link('/', current === '/'),
  link('/governance/', current === '/governance/'),
  { type: 'group', entries: [link('/services/', current === '/services/'), link('/runbooks/', current === '/runbooks/')] },
];
const marked = (items: readonly SidebarItem[]) =>
  items.flatMap((item): string[] => (item.type === 'group' ? marked(item.entries) : item.attrs['aria-current'] ? [`${item.href} ${String(item.attrs['aria-current'])}`] : []));

describe("the sidebar's section mark", () => {
  it('marks the section under a base path, never the home link', () => {
    const based = [link('/repo/'), { type: 'group' as const, entries: [link('/repo/services/'), link('/repo/runbooks/')] }];
    expect(marked(markSection(based, '/repo/services/api/', '/repo/'))).toEqual(['/repo/services/ true']);
    expect(marked(markSection(based, '/repo/print/whitepaper/', '/repo'))).toEqual([]);
  });

  it("marks an entry's collection as the current item of its set", () => {
    expect(marked(markSection(sidebar(), '/services/mesh-gateway/'))).toEqual(['/services/ true']);
  });

  it('marks the collection of the later pages of its index too', () => {
    expect(marked(markSection(sidebar(), '/runbooks/page/2/'))).toEqual(['/runbooks/ true']);
  });

  it("adds nothing when the page has its own link, and never marks the home page's", () => {
    expect(marked(markSection(sidebar('/services/'), '/services/'))).toEqual([]);
    expect(marked(markSection(sidebar(), '/loop/'))).toEqual([]);
  });

  it('prefers the longest matching link and keeps the attributes Starlight gave it', () => {
    const items: SidebarItem[] = [link('/docs/'), { type: 'link', href: '/docs/guides/', isCurrent: false, attrs: { class: 'x' } }];
    const result = markSection(items, '/docs/guides/setup/');
    expect(result[1]).toMatchObject({ attrs: { 'aria-current': 'true', class: 'x' } });
    expect(result[0]).toEqual(items[0]);
  });
});
