import { describe, expect, it } from 'vitest';
import { rewriteLinks } from '../../../src/importers/markdown/rewrite-links.ts';

const pages: Record<string, string> = {
  'index.md': '/runbooks/index/',
  'before/different_roles.md': '/runbooks/different_roles/',
  'during/during_an_incident.md': '/runbooks/during_an_incident/',
  'training/incident_commander.md': '/runbooks/incident_commander/',
};
const context = {
  from: 'training/scribe.md',
  hrefOf: (path: string) => pages[path],
  exists: (path: string) => path === 'assets/slides.pdf',
};

describe('rewriteLinks', () => {
  it('points links between imported pages at their entries, anchors kept', () => {
    const { body, problems } = rewriteLinks(
      [
        'Read [the roles](../before/different_roles.md) and [steps](../during/during_an_incident.md/#steps-for-scribe).',
        '',
        // A definition cannot interrupt a paragraph: it stands apart.
        '[ic]: ../training/incident_commander.md',
        '',
        'An MkDocs URL: [polling](/training/incident_commander/#polling), a [home](../index.md).',
        '[![Badge](../img/badge.png)](../before/different_roles.md)',
      ].join('\n'),
      context,
    );
    expect(body).toMatchInlineSnapshot(`
      "Read [the roles](/runbooks/different_roles/) and [steps](/runbooks/during_an_incident/#steps-for-scribe).

      [ic]: /runbooks/incident_commander/

      An MkDocs URL: [polling](/runbooks/incident_commander/#polling), a [home](/runbooks/index/).
      [![Badge](/img/badge.png)](/runbooks/different_roles/)"
    `);
    expect(problems).toEqual([{ line: 5, what: 'image ../img/badge.png', why: 'missing from the source; now points at /img/badge.png, its place in public/' }]);
  });

  it('leaves external links, anchors and code alone', () => {
    const text = [
      '[site](https://example.com/a.md) [mail](mailto:x@example.com) [here](#top) [empty]()',
      '`[not](../before/different_roles.md)` and ``[nor](x.md)``',
      '```',
      '[in code](../before/different_roles.md)',
      '```',
    ].join('\n');
    expect(rewriteLinks(text, context)).toEqual({ body: text, problems: [] });
  });

  it('reports links that lead nowhere and files that are not pages', () => {
    const { body, problems } = rewriteLinks('[gone](../nowhere.md) [slides](../assets/slides.pdf) [out](../../outside.md)', context);
    expect(body).toBe('[gone](../nowhere.md) [slides](/assets/slides.pdf) [out](../../outside.md)');
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "line": 0,
          "what": "link ../nowhere.md",
          "why": "no such page in the imported folder; left as written",
        },
        {
          "line": 0,
          "what": "link ../assets/slides.pdf",
          "why": "not Markdown, so not imported; now points at /assets/slides.pdf: copy the file to public/assets/slides.pdf",
        },
        {
          "line": 0,
          "what": "link ../../outside.md",
          "why": "it points outside the imported folder; left as written",
        },
      ]
    `);
  });

  it('reads indented blocks as prose (MkDocs admonitions), fenced ones as code', () => {
    const text = [
      '!!! note "Roles"',
      '    See [the roles](../before/different_roles.md).',
      '',
      '    And [steps](../during/during_an_incident.md), in a second paragraph CommonMark takes for code.',
      '',
      '~~~',
      '[fenced](../before/different_roles.md)',
      '~~~',
    ].join('\n');
    const { body } = rewriteLinks(text, context);
    expect(body.split('\n')).toEqual([
      '!!! note "Roles"',
      '    See [the roles](/runbooks/different_roles/).',
      '',
      '    And [steps](/runbooks/during_an_incident/), in a second paragraph CommonMark takes for code.',
      '',
      '~~~',
      '[fenced](../before/different_roles.md)',
      '~~~',
    ]);
  });

  it('rewrites where the parser finds a destination: angle brackets, titles and reference definitions kept', () => {
    const text = ['[a](<../index.md> "Home") and [b][ref].', '', '[ref]: ../index.md#top \'Top\'', 'Text [c]: ../index.md is prose.'].join('\n');
    expect(rewriteLinks(text, context).body).toBe(
      ['[a](/runbooks/index/ "Home") and [b][ref].', '', "[ref]: /runbooks/index/#top 'Top'", 'Text [c]: ../index.md is prose.'].join('\n'),
    );
  });

  it('reports the body line of a problem in indented prose', () => {
    const { problems } = rewriteLinks(['Intro.', '', '- item', '', '      [gone](../nowhere.md)'].join('\n'), context);
    expect(problems).toEqual([{ line: 4, what: 'link ../nowhere.md', why: 'no such page in the imported folder; left as written' }]);
  });
});
