import { describe, expect, it } from 'vitest';
import { pageHref, rewriteLinks, type EntryPlace, type LinkContext } from '../../../src/importers/body/rewrite-links.ts';

const pages: Record<string, EntryPlace> = {
  'index.md': { collection: 'runbooks', id: 'index' },
  'before/different_roles.md': { collection: 'runbooks', id: 'different_roles' },
  'during/during_an_incident.md': { collection: 'runbooks', id: 'during_an_incident' },
  'training/incident_commander.md': { collection: 'runbooks', id: 'incident_commander' },
  'policies/access.md': { collection: 'policies', id: 'access' },
};
const files = new Set(['img/badge.png', 'assets/slides.pdf', 'img/my diagram.png']);
const context = (overrides: Partial<LinkContext> = {}): LinkContext => ({
  from: 'training/scribe.md',
  page: { collection: 'runbooks', id: 'scribe' },
  entryOf: (path) => pages[path],
  exists: (path) => files.has(path),
  folder: '',
  ...overrides,
});

describe('rewriteLinks', () => {
  it('points links between pages at their entries with addresses relative to the page', () => {
    const { body, problems } = rewriteLinks(
      [
        'Read [the roles](../before/different_roles.md) and [steps](../during/during_an_incident.md/#steps-for-scribe).',
        '',
        // A definition cannot interrupt a paragraph: it stands apart.
        '[ic]: ../training/incident_commander.md',
        '',
        'An MkDocs URL: [polling](/training/incident_commander/#polling), a [home](../index.md), a [policy](../policies/access.md).',
      ].join('\n'),
      context(),
    );
    expect(body).toMatchInlineSnapshot(`
      "Read [the roles](../different_roles/) and [steps](../during_an_incident/#steps-for-scribe).

      [ic]: ../incident_commander/

      An MkDocs URL: [polling](../incident_commander/#polling), a [home](../index/), a [policy](../../policies/access/)."
    `);
    expect(problems).toEqual([]);
  });

  it('counts the folders of the entry\'s own ID, so the address works from an entry in a subfolder', () => {
    const { body } = rewriteLinks('[roles](../before/different_roles.md)', context({ page: { collection: 'runbooks', id: 'pagerduty/scribe' } }));
    expect(body).toBe('[roles](../../different_roles/)');
    expect(pageHref({ collection: 'runbooks', id: 'pagerduty/scribe' }, { collection: 'runbooks', id: 'pagerduty/deputy' })).toBe('../deputy/');
    expect(pageHref({ collection: 'runbooks', id: 'a/b' }, { collection: 'policies', id: 'access' })).toBe('../../../policies/access/');
    expect(pageHref({ collection: 'runbooks', id: 'scribe' }, { collection: 'runbooks', id: 'scribe' }, '#top')).toBe('#top');
  });

  it('carries the pictures and files a page shows beside its entry, linked from the entry\'s file', () => {
    const result = rewriteLinks(
      '![Badge](../img/badge.png "a badge") and [the slides](../assets/slides.pdf) and ![Spaced](<../img/my diagram.png>)',
      context({ page: { collection: 'runbooks', id: 'pagerduty/scribe' }, folder: 'pagerduty' }),
    );
    expect(result.body).toBe('![Badge](./img/badge.png "a badge") and [the slides](./assets/slides.pdf) and ![Spaced](<./img/my diagram.png>)');
    expect(result.files).toEqual([
      { source: 'img/badge.png', target: 'runbooks/pagerduty/img/badge.png' },
      { source: 'assets/slides.pdf', target: 'runbooks/pagerduty/assets/slides.pdf' },
      { source: 'img/my diagram.png', target: 'runbooks/pagerduty/img/my diagram.png' },
    ]);
    // A linked file is carried too, but the site only serves the pictures a page shows.
    expect(result.problems).toEqual([
      {
        line: 1,
        what: 'link ../assets/slides.pdf',
        why: 'the file was copied beside the entry, where the check finds it, but the site publishes only the pictures pages show (![…](…)) so far: until it serves linked files, also put it where readers can fetch it',
      },
    ]);
    // From an entry in a deeper folder than its files.
    expect(rewriteLinks('![x](../img/badge.png)', context({ page: { collection: 'runbooks', id: 'before/index' } })).body).toBe('![x](../img/badge.png)');
  });

  it('unlinks what leads nowhere, keeping the text, and reports each at its line', () => {
    const { body, problems } = rewriteLinks(
      ['See [the **missing** page](nowhere.md) and ![A lost *picture*](../img/gone.png).', '[up](../../../etc/passwd), [top](#top), [site](https://example.com/a.md)'].join('\n'),
      context(),
    );
    expect(body).toBe(['See the **missing** page and A lost picture.', 'up, [top](#top), [site](https://example.com/a.md)'].join('\n'));
    expect(problems).toEqual([
      { line: 1, what: 'link nowhere.md', why: 'no such page in the imported folder; unlinked, its text kept' },
      { line: 1, what: 'image ../img/gone.png', why: 'the picture is missing from the imported folder; replaced by its alt text' },
      { line: 2, what: 'link ../../../etc/passwd', why: 'it points outside the imported folder; unlinked, its text kept' },
    ]);
  });

  it('rewrites page links in raw HTML and reports files there, which the site does not carry', () => {
    const { body, problems } = rewriteLinks(
      ['<table>', '<tr><td>See <a href="/during/during_an_incident">During</a></td></tr>', '<tr><td><img src="../img/badge.png"></td></tr>', '</table>'].join('\n'),
      context(),
    );
    expect(body).toContain('<a href="../during_an_incident/">During</a>');
    expect(body).toContain('<img src="../img/badge.png">');
    expect(problems).toEqual([
      { line: 3, what: 'raw HTML src="../img/badge.png"', why: 'a file in raw HTML is not carried: write it as a Markdown image or link; left as written' },
    ]);
  });

  it('leaves code alone', () => {
    const text = ['```sh', 'cat [not a link](../before/different_roles.md)', '```', '', 'Inline `[x](../index.md)` too.'].join('\n');
    expect(rewriteLinks(text, context()).body).toBe(text);
  });
});
