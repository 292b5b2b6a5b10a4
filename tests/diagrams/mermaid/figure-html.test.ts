import { describe, expect, it } from 'vitest';
import { mermaidFigureHtml } from '../../../src/diagrams/mermaid/index.ts';

describe('the HTML in a Mermaid block\'s place', () => {
  it('is the drawn SVG in a figure', () => {
    expect(mermaidFigureHtml({ svg: '<svg role="img"></svg>' }, 12)).toBe('<figure class="mp-mermaid" tabindex="0"><svg role="img"></svg></figure>');
  });

  it('says where the block is and why it was not drawn, with the reason escaped', () => {
    expect(mermaidFigureHtml({ error: 'Parse error: expected <arrow> & got "x"' }, 12)).toBe(
      '<pre class="mp-mermaid-error">Diagram at line 12 could not be rendered: Parse error: expected &lt;arrow&gt; &amp; got "x"</pre>',
    );
    expect(mermaidFigureHtml(undefined, undefined)).toBe('<pre class="mp-mermaid-error">A diagram could not be rendered: unknown error</pre>');
  });
});
