import { describe, expect, it } from 'vitest';
import { readComplyDocument } from '../../../src/importers/comply/read-document.ts';

describe('readComplyDocument', () => {
  it('reads metadata without an opening fence, as comply writes it', () => {
    expect(readComplyDocument('name: Password Policy\nacronym: PWP\n---\n\n# Policy\n\n---\n\nMore.\n')).toEqual({
      ok: true,
      // The body starts on line 4, after the `---` on line 3; reports name lines of the file.
      document: { metadata: { name: 'Password Policy', acronym: 'PWP' }, body: '\n# Policy\n\n---\n\nMore.\n', bodyLine: 4 },
    });
  });

  it('reads metadata with an opening fence too', () => {
    expect(readComplyDocument('---\nname: Fenced\n---\nBody\n')).toEqual({ ok: true, document: { metadata: { name: 'Fenced' }, body: 'Body\n', bodyLine: 4 } });
  });

  it('keeps a file without metadata whole as its body', () => {
    const text = '# Heading\n\nProse.\n\n---\n\nAfter a rule.\n';
    expect(readComplyDocument(text)).toEqual({ ok: true, document: { metadata: undefined, body: text, bodyLine: 1 } });
    expect(readComplyDocument('Just prose: with a colon\n')).toEqual({ ok: true, document: { metadata: undefined, body: 'Just prose: with a colon\n', bodyLine: 1 } });
  });

  it('reads a file that is only metadata', () => {
    expect(readComplyDocument('name: Only Metadata\n')).toEqual({ ok: true, document: { metadata: { name: 'Only Metadata' }, body: '', bodyLine: 1 } });
  });

  it('says why metadata cannot be read', () => {
    expect(readComplyDocument('name: Broken\nsatisfies: [CC6.1\n---\nBody\n')).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": "its metadata cannot be read as YAML: unexpected end of the stream within a flow collection on line 3",
      }
    `);
    expect(readComplyDocument('---\nname: Unclosed\n')).toEqual({ ok: false, reason: 'its metadata block opened on line 1 is never closed with a --- line' });
  });
});
