import { EXAMPLE_ROOT } from '../../helpers/fixtures.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/core/content/frontmatter.ts';
import { mdxFileSafetyProblems, mdxSafetyProblems } from '../../../src/core/markdown/mdx-safety.ts';

const ALLOW = { components: ['@astrojs/starlight/components'] } as const;
const IMPORTS = "import { Aside, Card, CardGrid, Icon, Tabs, TabItem } from '@astrojs/starlight/components';\n\n";

function problems(body: string, firstLine = 1) {
  return mdxSafetyProblems(body, firstLine, ALLOW);
}

/**
 * The modules the site's MDX compiler (Sätteri, as Astro runs it) makes the compiled chapter
 * import, besides the JSX runtime: proof that a case the checker refuses really runs code, and
 * that a case it allows really does not.
 */
function compiledImports(body: string): string[] {
  const code = mdxToJs(body, { jsxImportSource: 'astro', features: { rawHtml: true } }).code;
  return [...code.matchAll(/^\s*(?:import|export)\b[^;]*?from\s*"([^"]+)"/gm)].map((match) => match[1] ?? '').filter((module) => module !== 'astro/jsx-runtime');
}

/** Expects exactly one problem, on `line`, whose message matches `pattern`. */
function expectOne(body: string, line: number, pattern: RegExp) {
  const found = problems(body);
  expect(found, JSON.stringify(found, null, 1)).toHaveLength(1);
  expect(found[0]?.line).toBe(line);
  expect(found[0]?.message).toMatch(pattern);
  expect(found[0]?.hint).toMatch(/mdx\.components in content\/platform\.yaml|^MDX would refuse/);
}

describe('imports the old line scanner missed', () => {
  const hidden: readonly [string, string, number, string][] = [
    ['`from` inside a block comment', "import {Aside} /* from '@astrojs/starlight/components' */ from 'node:fs'\n", 1, 'node:fs'],
    ['`from` after a line comment', "import {Aside} // from '@astrojs/starlight/components'\n  from 'node:child_process'\n", 1, 'node:child_process'],
    ['the allowed name in a comment before the default import', "import /* '@astrojs/starlight/components' */ fs from 'fs'\n", 1, 'fs'],
    ['a comment between `from` and the module', "import {Aside} from /* '@astrojs/starlight/components' */ 'node:fs'\n", 1, 'node:fs'],
    ['two imports on one line', "import {Aside} from '@astrojs/starlight/components'; import fs from 'node:fs'\n", 1, 'node:fs'],
    ['two imports on one line without a space', "import {Aside} from '@astrojs/starlight/components';import {execSync} from 'child_process';\n", 1, 'child_process'],
    ['an import on the second line of a block', "import {Aside} from '@astrojs/starlight/components'\nimport {execSync} from 'node:child_process'\n", 2, 'node:child_process'],
    ['`from` on the next line', "import {Aside}\n  from 'node:fs'\n", 1, 'node:fs'],
    ['`from` and the module on separate lines', "import {\n  readFileSync\n}\nfrom\n'node:fs'\n", 1, 'node:fs'],
    ['a backtick info string, which is not a fence', "``` a`b\n\nimport fs from 'node:fs'\n", 3, 'node:fs'],
    ['a fence opened in a list item, which ends with it', "- ```\n\nimport fs from 'node:fs'\n", 3, 'node:fs'],
    ['a fence opened in a numbered list', "1. ```js\n\nimport fs from 'node:fs'\n", 3, 'node:fs'],
    ['a fence opened in a block quote', "> ```\n> x\n\nimport fs from 'node:fs'\n", 4, 'node:fs'],
    ['an escaped fence', "\\```\n\nimport fs from 'node:fs'\n\n```\n", 3, 'node:fs'],
    ['a fence of two backticks', "``\n\nimport fs from 'node:fs'\n\n``\n", 3, 'node:fs'],
    ['a zero-width space inside the fence', "`\u200b``\n\nimport fs from 'node:fs'\n", 3, 'node:fs'],
    ['a fence opened in a footnote', "[^1]: ```\n\nimport fs from 'node:fs'\n", 3, 'node:fs'],
    ['a fence in a table cell', "| a |\n| - |\n| ``` |\n\nimport fs from 'node:fs'\n", 5, 'node:fs'],
    ['an import right after a closed fence', "```js\ncode\n```\nimport fs from 'node:fs'\n", 4, 'node:fs'],
  ];
  it.each(hidden)('refuses %s, which the compiler does import', (_name, body, line, module) => {
    expect(compiledImports(body)).toContain(module);
    expectOne(body, line, new RegExp(`imports \`${module}\``));
  });
});

describe('code fences and comments stay code, not imports', () => {
  const fenced: readonly [string, string][] = [
    ['a backtick fence', "```js\nimport fs from 'node:fs'\n```\n"],
    ['a tilde fence', "~~~\nimport { execSync } from 'node:child_process'\n~~~\n"],
    ['a fence indented by three spaces', "   ```\nimport fs from 'node:fs'\n   ```\n"],
    ['a four-space indent, which MDX reads as a fence too', "    ```\n\nimport fs from 'node:fs'\n"],
    ['a longer fence not closed by a shorter one', "````md\n```\nimport fs from 'node:fs'\n```\n````\n"],
    ['a closing line with text after it, which does not close', "```\nx\n``` trailing\nimport fs from 'node:fs'\n```\n"],
    ['a tilde fence holding backticks', "~~~ js\n\n````\nimport fs from 'node:fs'\n~~~\n"],
    ['a fence inside a component', `${IMPORTS}<Aside>\n\n\`\`\`js\nimport fs from 'node:fs'\n\`\`\`\n\n</Aside>\n`],
    ['an import line inside a paragraph', "Write\nimport fs from 'node:fs'\nin your code.\n"],
    ['inline code', "Run `import('node:fs')` and `{process.env}`.\n"],
    ['an MDX comment holding an import', "{/* import fs from 'node:fs' */}\n"],
    ['an MDX comment in a component', `${IMPORTS}<Aside>{/* import x from 'node:fs'; process.exit() */}</Aside>\n`],
    ['a line comment in an expression', "{// import fs from 'node:fs'\n}\n"],
    ['an escaped brace', "Use \\{process.env\\} carefully.\n"],
  ];
  it.each(fenced)('allows %s', (_name, body) => {
    expect(compiledImports(body).filter((module) => module !== ALLOW.components[0])).toEqual([]);
    expect(problems(body)).toEqual([]);
  });
});

describe('HTML comments, which MDX does not allow', () => {
  const comments: readonly [string, string, number][] = [
    ['holding an import', "<!-- import fs from 'node:fs' -->\n", 1],
    ['inline in text', 'Some text <!-- import fs from "node:fs" --> more.\n', 1],
    ['on a later line', "# Title\n\nText.\n\n<!--\nimport fs from 'node:fs'\n-->\n", 5],
  ];
  it.each(comments)('refuses an HTML comment %s as one parse problem at its line', (_name, body, line) => {
    expectOne(body, line, /cannot be compiled.*Unexpected character `!`/);
  });

  it.each([
    ['an unclosed expression', 'Text {process.env\n\nmore\n', 1],
    ['an unclosed component', `${IMPORTS}<Aside>\n\ntext\n`, 3],
    ['a bare < in text', 'a < b and 1 <2\n', 1],
    ['invalid JavaScript in an expression', '{1 +}\n', 1],
    ['invalid JavaScript in an import', "import { from 'x'\n", 1],
    ['a statement where only imports and exports may be', "import fs from 'node:fs'\n===\n", 2],
    ['import attributes, which MDX cannot parse', "import x from '@astrojs/starlight/components' with { type: 'json' }\n", 1],
  ] as const)('refuses %s as one parse problem', (_name, body, line) => {
    const found = problems(body, 10);
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(10 + line - 1);
    expect(found[0]?.message).toMatch(/^This MDX cannot be compiled/);
  });
});

describe('expressions that run code', () => {
  const dynamicImports = [
    "{import('node:child_process')}",
    "{await import('node:fs')}",
    "{[import('node:fs')]}",
    "{{a: import('node:fs')}}",
    '{`${import("fs")}`}',
    "{<div>{import('node:fs')}</div>}",
    `${IMPORTS}<Card title={import('node:fs')} />`,
    `${IMPORTS}<Aside>{import('node:fs')}</Aside>`,
    'Inline {import("node:fs")} in a sentence.',
  ];
  it.each(dynamicImports)('refuses a dynamic import: %s', (body) => {
    const found = problems(body);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/import\(|waits for a promise|puts code in a template/);
  });

  const builtins = [
    "{process.getBuiltinModule('node:fs')}",
    "{process.getBuiltinModule('node:fs').readFileSync('/etc/passwd', 'utf8')}",
    "{process['getBuiltinModule']('fs')}",
    '{process.getBuiltinModule}',
    "{globalThis.process.getBuiltinModule('fs')}",
    `${IMPORTS}<Card title={process.env.HOME} />`,
    '{process}',
    "{process?.getBuiltinModule?.('fs')}",
  ];
  it.each(builtins)('refuses reaching Node built-ins through process: %s', (body) => {
    const found = problems(body);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/process|calls a function|optional chaining/);
  });

  const refused: readonly [string, RegExp][] = [
    ['{(() => 1)()}', /calls a function/],
    ['{(function () { return 1 })()}', /calls a function/],
    ['{() => 1}', /defines a function/],
    ['{function x() {}}', /defines a function/],
    ['{class {}}', /defines a class/],
    ['{globalThis.process}', /`globalThis`, which is not imported/],
    ['{globalThis}', /`globalThis`, which is not imported/],
    ['{global.process}', /`global`, which is not imported/],
    ['{window.location}', /`window`, which is not imported/],
    ["{this.constructor.constructor('return process')()}", /calls a function/],
    ['{this.constructor}', /reads `constructor`/],
    ['{this}', /uses `this`/],
    ['{[].constructor.constructor}', /reads `constructor`/],
    ["{''.constructor.prototype}", /reads `prototype`/],
    ['{({}).__proto__}', /reads `__proto__`/],
    ['{{__proto__: null}}', /sets `__proto__`/],
    ['{`a ${process.env.HOME}`}', /puts code in a template/],
    ['{`a ${1 + 1}`}', /puts code in a template/],
    ['{`${[]}`}', /puts code in a template/],
    ['{String.raw`x`}', /tagged template/],
    ['{x`y`}', /tagged template/],
    ['{new Function()}', /`new`/],
    ["{new Function('return process')()}", /calls a function/],
    ["{eval('1')}", /calls a function/],
    ['{eval}', /`eval`, which is not imported/],
    ['{Function}', /`Function`, which is not imported/],
    ["{require('x')}", /calls a function/],
    ['{require}', /`require`, which is not imported/],
    ['{module.exports}', /`module`, which is not imported/],
    ['{x = 1}', /assigns a value/],
    ['{x++}', /changes a value/],
    ['{a, b}', /several expressions/],
    ['{true ? 1 : 2}', /chooses a value/],
    ['{1 + 1}', /computes a value with `\+`/],
    ["{'a' in {}}", /computes a value with `in`/],
    ['{!true}', /applies `!`/],
    ['{typeof x}', /applies `typeof`/],
    ['{void 0}', /applies `void`/],
    ['{/x/}', /regular expression/],
    ['{import.meta.url}', /import\.meta/],
    ['{[...x]}', /spreads a value that is not an array literal/],
    ['{{...x}}', /spreads a value that is not an object literal/],
    ['{{get x() { return 1 }}}', /getter, setter or method/],
    ['{{[k]: 1}}', /computes a property name/],
    ['{Aside}', /not imported/],
  ];
  it.each(refused)('refuses %s', (body, pattern) => {
    const found = problems(body);
    expect(found, JSON.stringify(found)).toHaveLength(1);
    expect(found[0]?.message).toMatch(pattern);
    expect(found[0]).toMatchObject({ line: 1, column: 2 });
  });

  it('refuses an imported component used as a value rather than an element', () => {
    expectOne(`${IMPORTS}{Aside}`, 3, /uses `Aside` as a value/);
    expectOne(`${IMPORTS}{Aside.name}`, 3, /outside an attribute/);
  });

  it('names the file line and column of the refused code', () => {
    const found = problems('# Title\n\nSome {process.env.SECRET} text.\n', 20);
    expect(found).toEqual([
      {
        line: 22,
        column: 7,
        message: 'MDX refuses `process.env.SECRET`: it reads a property of `process`, which is not imported from an allowed module.',
        hint: "In MDX, {…} and attribute values may hold only literals (text, numbers, true/false/null, arrays and objects of them, templates without code), JSX elements, and components imported from `@astrojs/starlight/components`, which maintainers set in mdx.components in content/platform.yaml. Anything that computes belongs in such a component.",
      },
    ]);
  });
});

describe('import and export statements', () => {
  const refusedImports: readonly [string, RegExp][] = [
    ["import fs from 'node:fs'", /`node:fs`: a Node\.js built-in module/],
    ["import { readFileSync } from 'fs'", /`fs`: a Node\.js built-in module/],
    ["import { execSync } from 'child_process'", /`child_process`: a Node\.js built-in/],
    ["import x from 'fs/promises'", /`fs\/promises`: a Node\.js built-in/],
    ["import x from './local.js'", /`\.\/local\.js`: a file path/],
    ["import x from '../../src/core/index.ts'", /a file path/],
    ["import x from '/etc/passwd'", /a file path/],
    ["import { A } from '@astrojs/starlight/components/../../../x'", /a file inside an allowed module/],
    ["import A from '@astrojs/starlight/components/Aside.astro'", /a file inside an allowed module/],
    ["import { A } from '@astrojs/starlight'", /not a module on the allowlist/],
    ["import { A } from '@astrojs/starlight/componentsX'", /not a module on the allowlist/],
    ["import x from 'data:text/javascript,process.exit(1)'", /not a module on the allowlist/],
    ["import x from 'https://example.com/x.js'", /not a module on the allowlist/],
    ["import x from 'left-pad'", /not a module on the allowlist/],
    ["import * as S from '@astrojs/starlight/components'", /as `S`; only named and default imports/],
    ["import '@astrojs/starlight/components'", /only to run it/],
  ];
  it.each(refusedImports)('refuses %s', (statement, pattern) => {
    expectOne(`${statement}\n\nText.\n`, 1, pattern);
  });

  const exports: readonly [string, RegExp][] = [
    ['export const secret = 1', /may not export code: `export const secret = 1`/],
    ["export const a = require('x')", /may not export code/],
    ['export default function Layout() { return null }', /may not export code/],
    ['export default 1', /may not export code/],
    ["export * from 'node:fs'", /may not export code: `export \* from 'node:fs'`/],
    ["export { readFileSync } from 'node:fs'", /may not export code/],
    ["export { Aside } from '@astrojs/starlight/components'", /may not export code/],
    ['export function getStaticPaths() {}', /may not export code/],
  ];
  it.each(exports)('refuses %s', (statement, pattern) => {
    expectOne(`${statement}\n\nText.\n`, 1, pattern);
  });

  it('reports every refused statement of a block, each at its own line', () => {
    const found = problems("import { Aside } from '@astrojs/starlight/components'\nimport fs from 'node:fs'\nexport const x = fs\n", 7);
    expect(found.map((problem) => problem.line)).toEqual([8, 9]);
  });

  it('refuses dangerous modules even when a maintainer lists them', () => {
    for (const module of ['node:fs', 'fs', './components.js', '../x']) {
      const found = mdxSafetyProblems(`import x from '${module}'\n`, 1, { components: [module] });
      expect(found, module).toHaveLength(1);
    }
  });

  it('allows exactly the listed modules, whatever the list', () => {
    const allow = { components: ['@astrojs/starlight/components', 'astro:assets', '@org/docs-components'] };
    const body = "import { Aside } from '@astrojs/starlight/components'\nimport { Image } from 'astro:assets'\nimport Chart, { Legend as Key } from '@org/docs-components'\n\n<Aside><Chart /><Key /><Image src=\"x.png\" alt=\"\" /></Aside>\n";
    expect(mdxSafetyProblems(body, 1, allow)).toEqual([]);
    expect(mdxSafetyProblems(body, 1, { components: [] }).map((problem) => problem.message)).toEqual([
      'MDX imports `@astrojs/starlight/components`: not a module on the allowlist.',
      'MDX imports `astro:assets`: not a module on the allowlist.',
      'MDX imports `@org/docs-components`: not a module on the allowlist.',
      'The element `<Aside>` is not imported from an allowed module.',
      'The element `<Chart>` is not imported from an allowed module.',
      'The element `<Key>` is not imported from an allowed module.',
      'The element `<Image>` is not imported from an allowed module.',
    ]);
  });
});

describe('JSX elements and attributes', () => {
  const refused: readonly [string, number, RegExp][] = [
    ['<button onClick={() => fetch("x")}>x</button>', 1, /attribute `onClick` of `<button>`.*event handlers/],
    ['<img src="x.png" onerror="alert(1)" />', 1, /attribute `onerror`/],
    [`${IMPORTS}<Card title="x" onMouseOver={1} />`, 3, /attribute `onMouseOver` of `<Card>`/],
    ['<div dangerouslySetInnerHTML={{__html: "<script>x</script>"}} />', 1, /dangerouslySetInnerHTML/],
    ['<div set:html="<script>x</script>" />', 1, /set:html/],
    ['<a href="javascript:alert(1)">x</a>', 1, /script URL/],
    ['<a href="java\tscript:alert(1)">x</a>', 1, /script URL/],
    ["<a href={'javascript:alert(1)'}>x</a>", 1, /script URL/],
    ['<script>{"alert(1)"}</script>', 1, /`<script>` is refused/],
    ['<iframe src="https://example.com" />', 1, /`<iframe>` is refused/],
    ['<style>{"body{display:none}"}</style>', 1, /`<style>` is refused/],
    ['<object data="x.swf" />', 1, /`<object>` is refused/],
    ['<base href="https://evil.example/" />', 1, /`<base>` is refused/],
    ['<svg:script>x</svg:script>', 1, /`<svg:script>` is refused/],
    ['<Foo />', 1, /`<Foo>` is not imported/],
    ['<Foo.Bar />', 1, /`<Foo.Bar>` uses `Foo`, which is not imported/],
    [`${IMPORTS}<Tabs.constructor />`, 3, /reads `constructor`/],
    [`${IMPORTS}<Card {...process.env} />`, 3, /only an object literal may be spread/],
    [`${IMPORTS}<Card {...{ onClick: 'x' }} />`, 3, /attribute `onClick` of `<Card>`/],
    [`${IMPORTS}<Card title={\`\${process.env.HOME}\`} />`, 3, /puts code in a template/],
    [`${IMPORTS}<Card title={Aside()} />`, 3, /calls a function/],
    [`${IMPORTS}<Card title={Aside.constructor} />`, 3, /reads `constructor`/],
    [`${IMPORTS}<Card title={Aside['x']} />`, 3, /computed property/],
    [`${IMPORTS}<Card>{<div onClick={1} />}</Card>`, 3, /attribute `onClick` of `<div>`/],
    [`${IMPORTS}<Card title={<a href="javascript:x">y</a>} />`, 3, /script URL/],
  ];
  it.each(refused)('refuses %s', (body, line, pattern) => {
    expectOne(body, line, pattern);
  });
});

describe('Markdown images, which MDX imports as modules', () => {
  it.each([
    ['![x](./_payload.mjs)', 1],
    ['![x](_payload.js)', 1],
    ['![x](../../src/cli/check.ts)', 1],
    ['![x](./a.png?raw)', 1],
    ['![x](./payload.mjs#.png)', 1],
    ['![x][ref]\n\n[ref]: ./_payload.mjs', 1],
    ['Text.\n\n![x](%2E%2E/x.mjs)', 3],
  ] as const)('refuses %s', (body, line) => {
    // Astro's MDX processor adds the import (hast-images-to-component in @astrojs/markdown-satteri),
    // so Sätteri alone does not show it.
    expectOne(body, line, /image .* is refused/);
  });

  it.each(['![x](./diagram.png)', '![x](diagram.SVG)', '![x](https://example.com/x.js)', '![x](/images/x.js)', '![x][missing]', '[a link](./x.mjs)'])('allows %s', (body) => {
    expect(problems(body)).toEqual([]);
  });
});

describe('chapters that are safe', () => {
  const valid: readonly [string, string][] = [
    ['plain text', '# The operating model\n\nPlatforms need **governance** and _proof_.\n'],
    ['a table', '| Plane | Owner |\n| --- | --- |\n| Control | platform-team |\n| Proof | audit |\n'],
    ['lists, links and images', '- one\n- [two](https://example.com)\n\n1. three\n\n![Diagram](./loop.png)\n'],
    ['an Aside with literal props', `${IMPORTS}<Aside type="tip" title="Why">Why platforms need an operating model.</Aside>\n`],
    ['Cards in a CardGrid', `${IMPORTS}<CardGrid>\n  <Card title="Control" icon="setting">Policies.</Card>\n  <Card title={'Proof'} icon="approve-check">Evidence.</Card>\n</CardGrid>\n`],
    ['Tabs and TabItems', `${IMPORTS}<Tabs syncKey="os">\n  <TabItem label="macOS">brew install x</TabItem>\n  <TabItem label="Linux" icon="linux">apt install x</TabItem>\n</Tabs>\n`],
    ['an Icon passed as a prop', `${IMPORTS}<Card title="x" icon={Icon} />\n`],
    ['a member of an import as a prop', `${IMPORTS}<Card title="x" icon={Icon.name} />\n`],
    ['literal expressions', "{' '}{\"—\"}{1}{-1}{true}{null}{undefined}{`plain`}{`n = ${1}`}\n"],
    ['arrays and objects', `${IMPORTS}<Card title="x" data={[1, 'a', { b: [true, null], 'c-d': -2, ...{ e: 1 } }, ...[3]]} />\n`],
    ['JSX in props and children', `${IMPORTS}<Card title={<em>Plane</em>}>{<strong>bold</strong>}<></></Card>\n`],
    ['plain HTML elements', '<details>\n  <summary>More</summary>\n  <div className="note" id="x" aria-label="note">Text <kbd>Ctrl</kbd> <a href="https://example.com">link</a></div>\n</details>\n'],
    ['a literal object spread as attributes', `${IMPORTS}<Card {...{ title: 'x', icon: 'star' }} />\n`],
    ['a Mermaid block', '```mermaid\nflowchart LR\n  Governance --> Execution --> Operations --> Proof\n```\n'],
    ['an empty body', ''],
  ];
  it.each(valid)('allows %s', (_name, body) => {
    expect(problems(body)).toEqual([]);
    expect(compiledImports(body).filter((module) => module !== ALLOW.components[0])).toEqual([]);
  });
});

describe('the fixtures and the example content', () => {
  const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
  const check = (path: string) => {
    const split = splitFrontmatter(readFileSync(path, 'utf8'));
    return mdxSafetyProblems(split.body, split.bodyLine, ALLOW);
  };

  it('mdx-import: refuses the node:fs import and the export, and allows the import in a code block', () => {
    const found = check(join(fixtures, 'mdx-import/content/whitepaper/introduction.mdx'));
    expect(found.map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 8, message: 'MDX imports `node:fs`: a Node.js built-in module, which could read files or run programs.' },
      { line: 9, message: "MDX may not export code: `export const secret = readFileSync('/etc/passwd', 'utf8');`." },
    ]);
  });

  it('mdx-trusted: allows a chapter with an Aside and a Mermaid block', () => {
    expect(check(join(fixtures, 'mdx-trusted/content/whitepaper/introduction.mdx'))).toEqual([]);
  });

  it('mdx-untrusted: refuses the computed expression (the folder is refused anyway)', () => {
    expect(check(join(fixtures, 'mdx-untrusted/content/runbooks/interactive.mdx')).map((problem) => problem.line)).toEqual([12]);
  });

  it('every .mdx file of the example content is safe', () => {
    const content = join(EXAMPLE_ROOT, 'content');
    const files = readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'));
    // The example ships Markdown chapters today; any MDX chapter added later is checked here.
    for (const file of files) expect(check(join(content, file)), file).toEqual([]);
  });

  it('the example whitepaper chapters would be safe as MDX too: real prose raises nothing', () => {
    const folder = join(EXAMPLE_ROOT, 'content', 'whitepaper');
    const chapters = readdirSync(folder).filter((file) => /\.mdx?$/.test(file));
    expect(chapters.length).toBeGreaterThan(5);
    for (const file of chapters) expect(check(join(folder, file)), file).toEqual([]);
  });
});

describe('whole files, read as Astro compiles them', () => {
  it('numbers problems by file line', () => {
    const found = mdxFileSafetyProblems("---\ntitle: Intro\norder: 1\n---\n\nimport fs from 'node:fs'\n", ALLOW);
    expect(found.map((problem) => problem.line)).toEqual([6]);
  });

  it('refuses a layout, which Astro imports as a module', () => {
    const found = mdxFileSafetyProblems('---\ntitle: Intro\nlayout: ./_evil.mjs\n---\n\nText.\n', ALLOW);
    expect(found).toMatchObject([{ line: 3, message: 'The frontmatter sets `layout`, which Astro imports and runs as a module.' }]);
  });

  it('refuses TOML frontmatter, which the loader does not read', () => {
    expect(mdxFileSafetyProblems('+++\ntitle = "x"\n+++\n\nText.\n', ALLOW)).toHaveLength(1);
  });

  it('checks the body after Astro’s cut, which ends at a line that only starts with ---', () => {
    // The loader would read lines 2–5 as frontmatter; Astro compiles everything after line 3.
    const text = "---\ntitle: Intro\n---x\n\nimport fs from 'node:fs'\n\n---\n\nText.\n";
    expect(mdxSafetyProblems(splitFrontmatter(text).body, splitFrontmatter(text).bodyLine, ALLOW)).toEqual([]);
    expect(mdxFileSafetyProblems(text, ALLOW).map((problem) => problem.line)).toEqual([5]);
  });

  it('checks a file without frontmatter whole', () => {
    expect(mdxFileSafetyProblems('{process.exit(1)}\n', ALLOW)).toHaveLength(1);
  });
});

describe('robustness', () => {
  // Each of the first three kills the process inside Sätteri's native parser if it gets there.
  it.each([
    ['brackets nested 20,000 deep', `{${'['.repeat(20_000)}${']'.repeat(20_000)}}`],
    ['an export nested 20,000 deep', `export const a = ${'['.repeat(20_000)}${']'.repeat(20_000)}`],
    ['JSX nested 50,000 deep in an expression', `{${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}}`],
    ['many elements', '<div>'.repeat(3000) + '</div>'.repeat(3000)],
    ['a block quote nested 50,000 deep', `${'>'.repeat(50_000)} x`],
    ['a NUL byte', 'a\u0000b {1}'],
    ['a lone surrogate', 'a \ud800 b'],
    ['only whitespace', ' \n\t\n'],
  ])('never throws on %s', (_name, body) => {
    expect(() => problems(body)).not.toThrow();
    expect(Array.isArray(problems(body))).toBe(true);
  });

  it.each([
    ['brackets', (n: number) => `{${'['.repeat(n)}${']'.repeat(n)}}`, /brackets more than 500 levels deep/],
    ['elements', (n: number) => `${'<a>'.repeat(n)}x${'</a>'.repeat(n)}`, /elements more than 500 levels deep/],
    ['block quotes', (n: number) => `${'> '.repeat(n)}x`, /more than 256 characters of quote and list markers/],
    ['lists', (n: number) => Array.from({ length: n }, (_, level) => `${'  '.repeat(level)}- x`).join('\n'), /more than 256 characters/],
    ['emphasis', (n: number) => `${'*'.repeat(n)}x${'*'.repeat(n)}`, /a run of more than 500/],
  ] as const)('refuses %s nested deeper than it can check, and says so', (_name, make, pattern) => {
    expect(problems(make(100))).toEqual([]);
    const found = problems(`${make(600)}\n`, 5);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 5, message: expect.stringMatching(pattern) });
  });

  it('fails closed when the input is not even text', () => {
    const found = mdxSafetyProblems(undefined as unknown as string, 4, ALLOW);
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(4);
  });
});
