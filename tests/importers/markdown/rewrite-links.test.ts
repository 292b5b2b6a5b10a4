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
        '[ic]: ../training/incident_commander.md',
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
    expect(problems).toEqual([{ line: 3, what: 'image ../img/badge.png', why: 'missing from the source; now points at /img/badge.png, its place in public/' }]);
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
});
