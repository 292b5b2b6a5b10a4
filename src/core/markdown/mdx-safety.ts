import { builtinModules } from 'node:module';
import { Parser } from 'acorn';
import jsx from 'acorn-jsx';
import type * as E from 'estree-jsx';
import yaml from 'js-yaml';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { mdxToMdast } from 'satteri';

/** One part of an MDX body that could run code when the site is built, or that does not parse. */
export interface MdxSafetyProblem {
  /** 1-based line in the file (not in the body). */
  readonly line: number;
  /** 1-based column, when the parser knows it. */
  readonly column?: number;
  /** What was refused, naming the code. */
  readonly message: string;
  /** What is allowed instead, and who sets the allowlist. */
  readonly hint: string;
}

export interface MdxAllowlist {
  /** Modules MDX may import from, exactly as written in `mdx.components` of content/platform.yaml. */
  readonly components: readonly string[];
}

/**
 * Decides whether an MDX body can run code at build time, with the parsers that compile it, and
 * returns one problem per refused construct (an empty list means the body is safe). Never throws:
 * a body that cannot be parsed, or a failure of the checker itself, is a problem too.
 *
 * What MDX may contain:
 * - `import { A, B as C } from 'm'` and `import D from 'm'`, where `m` is exactly one of
 *   `allow.components`. Subpaths (`m/Foo.astro`) are refused: @astrojs/mdx resolves an import that
 *   a package does not export as a path relative to the chapter (`./m/Foo.astro`), so a pull
 *   request could ship the file it "imports from the package". Relative, absolute, URL and
 *   built-in (`fs`, `node:fs`) modules are refused even when listed.
 * - No `export` and no other statement.
 * - In `{…}` and JSX attribute values: literals (text, numbers, true/false/null, templates whose
 *   parts are literals), arrays and objects of those, and JSX. An attribute value may also be an
 *   imported name or a property of one (`icon={Icons.Star}`); nothing else may name a variable,
 *   because every global of the build (`process`, `globalThis`, `require`…) is reachable by name.
 * - JSX elements named after imported components (`<Tabs.Item>` too), or lowercase HTML elements
 *   other than those that run code or load other documents (`<script>`, `<iframe>`, `<object>`,
 *   `<embed>`, `<style>`, `<base>`, `<meta>`, `<link>`…); no event handler (`on…`),
 *   `dangerouslySetInnerHTML` or `set:` attributes, no `javascript:` URLs.
 * - Markdown images with a local path only when the path is an image file: Astro compiles
 *   `![](./x)` in MDX to `import x from './x'`, which would run a JavaScript file.
 */
export function mdxSafetyProblems(body: string, firstLine: number, allow: MdxAllowlist): MdxSafetyProblem[] {
  try {
    return new MdxSafetyCheck(body, firstLine, allow).run();
  } catch (cause) {
    // Fail closed: a chapter the checker cannot read is not known to be safe.
    return [
      {
        line: firstLine,
        message: `The MDX could not be checked for code (${cause instanceof Error ? cause.message : String(cause)}), so it is refused.`,
        hint: 'This is a bug in Multiplane; please report it with the chapter. Meanwhile, renaming the file to .md makes it plain Markdown.',
      },
    ];
  }
}

// @astrojs/mdx cuts the frontmatter with this expression (from @astrojs/internal-helpers'
// frontmatter.ts), which ends it at the first line that merely starts with --- or +++, and
// compiles the rest. Copied, so the check reads exactly the body that is compiled.
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;
const ASTRO_FRONTMATTER_TYPE = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/;

/**
 * Checks a whole .mdx file as Astro compiles it: the body is what remains after Astro's own
 * frontmatter cut (line numbers are the file's), and a `layout` in the frontmatter, which Astro
 * imports as a module, is refused. Prefer this to `mdxSafetyProblems` when the file text is at
 * hand: a loader that splits frontmatter differently from Astro would check another body.
 */
export function mdxFileSafetyProblems(text: string, allow: MdxAllowlist): MdxSafetyProblem[] {
  const raw = ASTRO_FRONTMATTER.exec(text)?.[1];
  if (raw === undefined) return mdxSafetyProblems(text, 1, allow);
  const delimiter = ASTRO_FRONTMATTER_TYPE.exec(text)?.[1] ?? '---';
  // Blanked rather than removed, as Astro does ("empty-with-spaces"), so lines keep their numbers.
  const body = text.replace(`${delimiter}${raw}${delimiter}`, () => `   ${raw.replace(/[^\r\n]/g, ' ')}   `);
  const problems: MdxSafetyProblem[] = [];
  const hint = 'Remove it: MDX chapters use the site\'s layout. Frontmatter is YAML between --- lines, with the fields the collection defines.';
  if (delimiter === '+++') {
    problems.push({ line: 1, message: 'The MDX file has TOML (+++) frontmatter, which Multiplane does not read but Astro would.', hint });
  } else {
    let data: unknown;
    try {
      data = yaml.load(raw);
    } catch {
      // Astro fails on the same YAML before compiling anything; the loader reports the syntax.
    }
    if (data && typeof data === 'object' && Object.hasOwn(data, 'layout')) {
      const line = raw.slice(0, Math.max(0, raw.search(/^["']?layout["']?\s*:/m))).split('\n').length;
      problems.push({ line, message: 'The frontmatter sets `layout`, which Astro imports and runs as a module.', hint });
    }
  }
  return [...problems, ...mdxSafetyProblems(body, 1, allow)];
}

/** The mdast node shapes both parsers produce, as far as this check reads them. */
interface MdNode {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string | null;
  readonly url?: string;
  readonly identifier?: string;
  readonly attributes?: readonly MdAttribute[];
  readonly children?: readonly MdNode[];
  readonly position?: { readonly start: { readonly line: number; readonly column: number } } | undefined;
  readonly data?: { readonly estree?: E.Program | null | undefined } | undefined;
}

interface MdAttribute {
  readonly type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  readonly name?: string;
  readonly value?: string | null | { readonly type: string; readonly value: string; readonly data?: { readonly estree?: E.Program | null | undefined } | undefined };
  readonly position?: MdNode['position'];
  readonly data?: { readonly estree?: E.Program | null | undefined } | undefined;
}

/** Where an ESTree came from: the text its offsets index, and how its lines map to the body. */
interface Source {
  readonly text: string;
  /** Body line and column (1-based) of an ESTree position. */
  place(node: E.Node): { line: number; column?: number };
}

type Context = 'child' | 'attribute' | 'data' | 'template';

const CODE_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

// Properties that lead from any value to the code behind it (`x.constructor.constructor` is
// `Function`) or change what an object is.
const FORBIDDEN_PROPERTIES = new Set(['constructor', 'prototype', 'caller', 'callee', 'arguments']);

// Elements that run code, load another document or change how the page loads; the Markdown
// sanitizer removes the same ones from raw HTML.
const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base', 'meta', 'link', 'noscript', 'template']);

// Attributes holding a URL (and the SVG animation attributes that can set one).
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'background', 'ping', 'data', 'codebase', 'xlink:href', 'xlinkhref', 'to', 'from', 'values', 'by']);

// The formats Astro's image service reads; anything else imported from Markdown is a JS module.
const IMAGE_FILE = /\.(?:avif|gif|jpe?g|png|svg|tiff|webp)$/i;

const BUILTINS = new Set(builtinModules);

const JsxParser = Parser.extend(jsx());

class MdxSafetyCheck {
  private readonly problems: MdxSafetyProblem[] = [];
  private readonly seen = new Set<string>();
  /** Local names bound by allowed imports. */
  private readonly imported = new Set<string>();
  private readonly allowList: string;
  private readonly body: string;
  private readonly firstLine: number;
  private readonly allow: MdxAllowlist;

  constructor(body: string, firstLine: number, allow: MdxAllowlist) {
    this.body = body;
    this.firstLine = firstLine;
    this.allow = allow;
    this.allowList = allow.components.length ? allow.components.map((module) => `\`${module}\``).join(', ') : 'no module';
  }

  run(): MdxSafetyProblem[] {
    // Deep nesting is refused before parsing: micromark slows down with the square of the depth
    // of quotes, lists, emphasis and elements, and Sätteri's JavaScript parser (oxc) recurses
    // natively and kills the whole process on code nested some thousands deep.
    const deep = tooDeep(this.body);
    if (deep) return [this.nestingProblem(deep)];

    // Two parsers: micromark's mdxjs is MDX's reference parser and gives each piece of code its
    // ESTree; Sätteri is the compiler the site's build actually uses (Astro's markdown.processor).
    // A body must parse with both, and every piece of code either one finds is checked, so that a
    // construct one of them reads as text cannot hide code from the other.
    let reference: MdNode;
    let compiler: MdNode;
    try {
      reference = fromMarkdown(this.body, { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] }) as unknown as MdNode;
    } catch (cause) {
      return [this.parseProblem(cause)];
    }
    const depth = codeNodes(reference).reduce((deepest, node) => Math.max(deepest, estreeDepth(node)), 0);
    if (depth > MAX_NESTING) return [this.nestingProblem(`code ${depth} levels deep`)];
    try {
      compiler = mdxToMdast(this.body, { features: { gfm: true, rawHtml: true, smartPunctuation: true, frontmatter: false } }) as unknown as MdNode;
    } catch (cause) {
      return [this.parseProblem(cause)];
    }

    const referenceNodes = codeNodes(reference);
    const known = new Set(referenceNodes.map(nodeKey));
    const compilerOnly = codeNodes(compiler).filter((node) => !known.has(nodeKey(node)));

    // Imports first: they are hoisted, so a name may be used above its import.
    for (const node of referenceNodes) if (node.type === 'mdxjsEsm') this.checkEsm(this.referenceTree(node), node);
    for (const node of compilerOnly) if (node.type === 'mdxjsEsm') this.checkEsm(this.parsedValue(node), node);
    for (const node of referenceNodes) if (node.type !== 'mdxjsEsm') this.checkMdNode(node, (held) => this.referenceTree(held));
    for (const node of compilerOnly) if (node.type !== 'mdxjsEsm') this.checkMdNode(node, (held, element) => this.parsedValue(held, element));

    this.checkImages(reference);
    this.checkImages(compiler);
    return this.problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  }

  // ---- Parsing ------------------------------------------------------------------------------

  private nestingProblem(what: string): MdxSafetyProblem {
    return {
      line: this.firstLine,
      message: `The MDX nests ${what}, deeper than it can be checked safely, so it is refused.`,
      hint: `Flatten it: at most ${MAX_NESTING} levels of brackets or elements, ${MAX_PREFIX} characters of quote and list markers before a line, and runs of ${MAX_NESTING} * or _. Generated content belongs in a data file read by a component on the allowlist (mdx.components in content/platform.yaml).`,
    };
  }

  private parseProblem(cause: unknown): MdxSafetyProblem {
    const error = cause as { message?: string; reason?: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line?: number; column?: number } } };
    let reason = String(error.reason ?? error.message ?? cause);
    let line = error.line ?? error.place?.line ?? error.place?.start?.line;
    let column = error.column ?? error.place?.column ?? error.place?.start?.column;
    // Sätteri puts the place in the message: "3:1: Unexpected character … (mdx-jsx:…)".
    const prefix = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(reason);
    if (prefix) {
      line ??= Number(prefix[1]);
      column ??= Number(prefix[2]);
      reason = reason.slice(prefix[0].length);
    }
    // mdast-util-mdx-jsx puts it at the end instead: "Expected a closing tag for `<Aside>` (3:1-3:8)".
    const suffix = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(reason);
    if (suffix) {
      line ??= Number(suffix[1]);
      column ??= Number(suffix[2]);
    }
    reason = reason.replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '').split('\n')[0] ?? reason;
    // An unfinished import is reported where the parser gave up, which may be past the last line.
    line = Math.min(line ?? 1, this.body.split('\n').length);
    return {
      line: this.firstLine + line - 1,
      ...(column ? { column } : {}),
      message: `This MDX cannot be compiled, so it cannot be checked for code: ${reason.replace(/\.?$/, '.')}`,
      hint: 'MDX would refuse to build it too. Fix the syntax at this line: in MDX, write \\< and \\{ for a literal < or {, and comments as {/* … */} (HTML comments <!-- --> are not allowed).',
    };
  }

  /** The ESTree micromark attached to a node, with positions in the body. */
  private referenceTree(node: MdNode | MdAttribute): { program: E.Program; source: Source } | undefined {
    const value = node.type === 'mdxJsxAttribute' ? (node as MdAttribute).value : undefined;
    const program = typeof value === 'object' && value ? value.data?.estree : node.data?.estree;
    if (!program) return undefined;
    return { program, source: { text: this.body, place: (at) => (at.loc ? { line: at.loc.start.line, column: at.loc.start.column + 1 } : { line: 1 }) } };
  }

  /**
   * The ESTree of a node only Sätteri found, parsed from its text. Sätteri keeps no positions for
   * attributes, so their problems are placed at the element.
   */
  private parsedValue(node: MdNode | MdAttribute, element?: MdNode): { program: E.Program; source: Source } | undefined {
    const start = node.position?.start ?? element?.position?.start ?? { line: 1, column: 1 };
    const exact = node.position !== undefined;
    let text: string;
    if (node.type === 'mdxjsEsm') text = String(node.value ?? '');
    else if (node.type === 'mdxJsxExpressionAttribute') text = `({${String(node.value ?? '')}\n})`;
    else {
      const raw = node.type === 'mdxJsxAttribute' ? (node as MdAttribute).value : node.value;
      const code = typeof raw === 'object' && raw ? String((raw as { value?: unknown }).value ?? '') : String(raw ?? '');
      text = isOnlyComments(code) ? code : `(${code}\n)`;
    }
    let program: E.Program;
    try {
      program = JsxParser.parse(text, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as unknown as E.Program;
    } catch {
      return undefined;
    }
    const place = (at: E.Node) => {
      const loc = at.loc?.start ?? { line: 1, column: 0 };
      if (!exact) return { line: start.line };
      return loc.line === 1 ? { line: start.line, column: start.column + loc.column } : { line: start.line + loc.line - 1, column: loc.column + 1 };
    };
    return { program, source: { text, place } };
  }

  // ---- ESM ----------------------------------------------------------------------------------

  private checkEsm(tree: { program: E.Program; source: Source } | undefined, node: MdNode): void {
    if (!tree) {
      this.report({ line: node.position?.start.line ?? 1 }, `MDX code \`${snippet(String(node.value ?? ''))}\` could not be read, so it is refused.`, this.esmHint());
      return;
    }
    for (const statement of tree.program.body) {
      const at = tree.source.place(statement);
      const text = `\`${snippet(slice(tree.source.text, statement))}\``;
      if (statement.type !== 'ImportDeclaration') {
        const what = statement.type.startsWith('Export') ? 'may not export code' : 'may not contain statements';
        this.report(at, `MDX ${what}: ${text}.`, 'Remove it: an MDX chapter may only import components and show them. Code belongs in a component module on the allowlist (mdx.components in content/platform.yaml).');
        continue;
      }
      const source = String(statement.source.value);
      const refusal = this.refusedModule(source);
      if (refusal) {
        this.report(at, `MDX imports \`${source}\`: ${refusal}.`, this.esmHint());
        continue;
      }
      const declaration = statement as E.ImportDeclaration & { attributes?: readonly unknown[]; phase?: string };
      if (declaration.attributes?.length || declaration.phase) {
        this.report(at, `MDX imports \`${source}\` with import attributes or a phase: ${text}.`, this.esmHint());
        continue;
      }
      if (statement.specifiers.length === 0) {
        this.report(at, `MDX imports \`${source}\` only to run it: ${text}.`, this.esmHint());
        continue;
      }
      const namespace = statement.specifiers.find((specifier) => specifier.type === 'ImportNamespaceSpecifier');
      if (namespace) {
        this.report(at, `MDX imports all of \`${source}\` as \`${namespace.local.name}\`; only named and default imports are allowed.`, this.esmHint());
        continue;
      }
      for (const specifier of statement.specifiers) this.imported.add(specifier.local.name);
    }
  }

  /** Why a module may not be imported, or undefined when it may. */
  private refusedModule(source: string): string | undefined {
    if (/^[./\\]/.test(source) || source.includes('\\')) return 'a file path; only the modules on the allowlist may be imported';
    if (source.startsWith('node:') || BUILTINS.has(source.split('/')[0] ?? source)) return 'a Node.js built-in module, which could read files or run programs';
    if (/^[a-z][a-z0-9+.-]*:/i.test(source) && !this.allow.components.includes(source)) return 'not a module on the allowlist';
    if (this.allow.components.includes(source)) {
      if (source.split('/').some((segment) => segment === '.' || segment === '..' || segment === '') || /[?#\0]|^(?:data|file|https?):/i.test(source)) {
        return 'on the allowlist, but not a package name, so it is refused anyway';
      }
      return undefined;
    }
    if (this.allow.components.some((module) => source.startsWith(`${module}/`))) {
      return 'a file inside an allowed module; only the listed modules themselves may be imported';
    }
    return 'not a module on the allowlist';
  }

  private esmHint(): string {
    return `Import components with \`import { Name } from '…'\` from exactly ${this.allowList}. Maintainers set that list in mdx.components in content/platform.yaml.`;
  }

  // ---- Expressions and JSX ------------------------------------------------------------------

  private expressionHint(): string {
    return `In MDX, {…} and attribute values may hold only literals (text, numbers, true/false/null, arrays and objects of them, templates without code), JSX elements, and components imported from ${this.allowList}, which maintainers set in mdx.components in content/platform.yaml. Anything that computes belongs in such a component.`;
  }

  private checkMdNode(node: MdNode, treeOf: (node: MdNode | MdAttribute, element?: MdNode) => { program: E.Program; source: Source } | undefined): void {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      const tree = treeOf(node);
      if (!tree) return this.unreadable(node, line);
      const expression = single(tree.program);
      if (expression) this.checkExpression(expression, 'child', tree.source);
      return;
    }
    // A JSX element written in Markdown: its name and attributes; its children are separate nodes.
    const tag = node.name ?? null;
    const at = { line, ...(node.position ? { column: node.position.start.column } : {}) };
    this.checkTagName(tag, at);
    for (const attribute of node.attributes ?? []) {
      const place = attribute.position ? { line: attribute.position.start.line, column: attribute.position.start.column } : at;
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        const tree = treeOf(attribute, node);
        const spread = tree && single(tree.program);
        const argument = spread?.type === 'ObjectExpression' && spread.properties[0]?.type === 'SpreadElement' ? spread.properties[0].argument : undefined;
        if (!tree || !argument) this.report(place, `The attribute \`{${snippet(String(attribute.value ?? ''))}}\` of \`<${tag ?? ''}>\` could not be read, so it is refused.`, this.expressionHint());
        else this.checkSpreadAttribute(tag, argument, tree.source);
        continue;
      }
      const name = attribute.name ?? '';
      if (!this.checkAttributeName(tag, name, place)) continue;
      const value = attribute.value;
      if (typeof value === 'string') this.checkAttributeString(tag, name, value, place);
      else if (value && typeof value === 'object') {
        const tree = treeOf(attribute, node);
        const expression = tree && single(tree.program);
        if (!tree || !expression) this.report(place, `The value of \`${name}\` on \`<${tag ?? ''}>\` is empty or could not be read.`, this.expressionHint());
        else this.checkAttributeExpression(tag, name, expression, tree.source);
      }
    }
  }

  private unreadable(node: MdNode, line: number): void {
    this.report({ line }, `The MDX expression \`{${snippet(String(node.value ?? ''))}}\` could not be read, so it is refused.`, this.expressionHint());
  }

  /** Checks an expression in a context; reports the outermost refused part only. */
  private checkExpression(node: E.Node, context: Context, source: Source): void {
    const refuse = (what: string) => this.report(source.place(node), `MDX refuses \`${snippet(slice(source.text, node))}\`: it ${what}.`, this.expressionHint());
    switch (node.type) {
      case 'Literal':
        if ('regex' in node && node.regex) refuse('creates a regular expression');
        return;
      case 'TemplateLiteral':
        for (const part of node.expressions) {
          if (part.type === 'TemplateLiteral' || (part.type === 'Literal' && !('regex' in part && part.regex))) this.checkExpression(part, 'template', source);
          else return refuse('puts code in a template; only literal parts such as ${1} are allowed');
        }
        return;
      case 'UnaryExpression':
        if ((node.operator === '-' || node.operator === '+') && node.argument.type === 'Literal' && typeof node.argument.value === 'number') return;
        return refuse(`applies \`${node.operator}\``);
      case 'ArrayExpression':
        if (context === 'template') return refuse('turns an array into text');
        for (const element of node.elements) {
          if (!element) continue;
          if (element.type === 'SpreadElement') {
            if (element.argument.type !== 'ArrayExpression') return refuse('spreads a value that is not an array literal');
            this.checkExpression(element.argument, 'data', source);
          } else this.checkExpression(element, 'data', source);
        }
        return;
      case 'ObjectExpression':
        if (context === 'template') return refuse('turns an object into text');
        for (const property of node.properties) {
          if (property.type === 'SpreadElement') {
            if (property.argument.type !== 'ObjectExpression') return refuse('spreads a value that is not an object literal');
            this.checkExpression(property.argument, 'data', source);
            continue;
          }
          if (property.kind !== 'init' || property.method) return refuse('defines a getter, setter or method');
          if (property.computed) return refuse('computes a property name');
          const key = propertyName(property.key);
          if (key === '__proto__') return refuse('sets `__proto__`');
          this.checkExpression(property.value, 'data', source);
        }
        return;
      case 'JSXElement':
      case 'JSXFragment':
        if (context === 'template') return refuse('turns JSX into text');
        return this.checkJsx(node, source);
      case 'Identifier':
        if (node.name === 'undefined' && context !== 'template') return;
        if (context === 'attribute' && this.imported.has(node.name)) return;
        if (this.imported.has(node.name)) return refuse(`uses \`${node.name}\` as a value; write it as an element, <${node.name} />, or pass it as an attribute value`);
        return refuse(`uses \`${node.name}\`, which is not imported from an allowed module`);
      case 'MemberExpression': {
        const problem = this.memberProblem(node, context);
        if (problem) refuse(problem);
        return;
      }
      default:
        return refuse(describe(node));
    }
  }

  /** Why a member access is refused: only `Imported.name.name` in attribute values passes. */
  private memberProblem(node: E.MemberExpression, context: Context): string | undefined {
    let current: E.Node = node;
    while (current.type === 'MemberExpression') {
      if (current.computed) return 'reads a computed property (`[…]`)';
      if (current.optional) return 'uses optional chaining (`?.`)';
      const name = propertyName(current.property);
      if (name !== undefined && (FORBIDDEN_PROPERTIES.has(name) || name.startsWith('__'))) return `reads \`${name}\`, which leads to the code behind a value`;
      current = current.object;
    }
    if (current.type !== 'Identifier' || !this.imported.has(current.name)) {
      const root = current.type === 'Identifier' ? `\`${current.name}\`` : current.type === 'ThisExpression' ? '`this`' : 'a value';
      return `reads a property of ${root}, which is not imported from an allowed module`;
    }
    if (context !== 'attribute') return 'uses an imported value outside an attribute; write it as an element or pass it as an attribute value';
    return undefined;
  }

  private checkJsx(node: E.JSXElement | E.JSXFragment, source: Source): void {
    if (node.type === 'JSXElement') {
      const tag = jsxName(node.openingElement.name);
      const at = source.place(node);
      this.checkTagName(tag, at);
      for (const attribute of node.openingElement.attributes) {
        const place = source.place(attribute);
        if (attribute.type === 'JSXSpreadAttribute') {
          this.checkSpreadAttribute(tag, attribute.argument, source);
          continue;
        }
        const name = jsxName(attribute.name);
        if (!this.checkAttributeName(tag, name, place)) continue;
        const value = attribute.value;
        if (!value) continue;
        if (value.type === 'Literal') this.checkAttributeString(tag, name, String(value.value), place);
        else if (value.type === 'JSXExpressionContainer') {
          if (value.expression.type !== 'JSXEmptyExpression') this.checkAttributeExpression(tag, name, value.expression, source);
        } else this.checkJsx(value, source);
      }
    }
    for (const child of node.children) {
      if (child.type === 'JSXText') continue;
      if (child.type === 'JSXExpressionContainer') {
        if (child.expression.type !== 'JSXEmptyExpression') this.checkExpression(child.expression, 'child', source);
      } else if (child.type === 'JSXSpreadChild') {
        const spread = child as unknown as E.Node;
        this.report(source.place(spread), `MDX refuses \`${snippet(slice(source.text, spread))}\`: it spreads children.`, this.expressionHint());
      } else this.checkJsx(child, source);
    }
  }

  private checkTagName(tag: string | null, at: { line: number; column?: number }): void {
    if (tag === null) return;
    const hint = `Use components imported from ${this.allowList} (maintainers set the list in mdx.components in content/platform.yaml) or plain HTML elements that do not run code.`;
    if (tag.includes('.')) {
      const [root = '', ...path] = tag.split('.');
      const bad = path.find((name) => FORBIDDEN_PROPERTIES.has(name) || name.startsWith('__'));
      if (!this.imported.has(root)) this.report(at, `The element \`<${tag}>\` uses \`${root}\`, which is not imported from an allowed module.`, hint);
      else if (bad) this.report(at, `The element \`<${tag}>\` reads \`${bad}\`, which leads to the code behind a value.`, hint);
      return;
    }
    if (this.imported.has(tag)) return;
    const local = tag.includes(':') ? tag.slice(tag.indexOf(':') + 1) : tag;
    // MDX compiles lowercase and hyphenated names to plain elements, anything else to a variable.
    if (/^[a-z]/.test(tag) || tag.includes('-') || tag.includes(':')) {
      if (FORBIDDEN_ELEMENTS.has(local.toLowerCase())) this.report(at, `The element \`<${tag}>\` is refused in MDX: it runs code, loads another document or changes how the page loads.`, hint);
      return;
    }
    this.report(at, `The element \`<${tag}>\` is not imported from an allowed module.`, hint);
  }

  /** Reports a refused attribute name; true when the name is acceptable. */
  private checkAttributeName(tag: string | null, name: string, at: { line: number; column?: number }): boolean {
    const local = (name.includes(':') ? name.slice(name.indexOf(':') + 1) : name).toLowerCase();
    let why: string | undefined;
    if (/^on./i.test(local)) why = 'event handlers run code';
    else if (local === 'dangerouslysetinnerhtml' || /^set:/i.test(name)) why = 'it inserts HTML that nothing checks';
    if (!why) return true;
    this.report(at, `The attribute \`${name}\` of \`<${tag ?? ''}>\` is refused in MDX: ${why}.`, 'Remove the attribute. Interactive behaviour belongs in a component on the allowlist (mdx.components in content/platform.yaml).');
    return false;
  }

  private checkAttributeString(tag: string | null, name: string, value: string, at: { line: number; column?: number }): void {
    if (!URL_ATTRIBUTES.has(name.toLowerCase())) return;
    // Browsers ignore controls and whitespace inside a scheme ("java\tscript:").
    // eslint-disable-next-line no-control-regex
    const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
    if (/^(?:javascript|vbscript):/i.test(compact)) {
      this.report(at, `The attribute \`${name}\` of \`<${tag ?? ''}>\` is a script URL, which runs code in the page.`, 'Link to an http(s) address or a page of the site instead; anything interactive belongs in a component on the allowlist (mdx.components in content/platform.yaml).');
    }
  }

  private checkAttributeExpression(tag: string | null, name: string, expression: E.Node, source: Source): void {
    if (expression.type === 'Literal' && typeof expression.value === 'string') this.checkAttributeString(tag, name, expression.value, source.place(expression));
    if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) this.checkAttributeString(tag, name, expression.quasis.map((quasi) => quasi.value.cooked ?? '').join(''), source.place(expression));
    this.checkExpression(expression, 'attribute', source);
  }

  /** `{...{a: 1}}` on an element: only an object literal, whose keys are checked as attributes. */
  private checkSpreadAttribute(tag: string | null, argument: E.Node, source: Source): void {
    const at = source.place(argument);
    if (argument.type !== 'ObjectExpression') {
      this.report(at, `MDX refuses the attributes \`{...${snippet(slice(source.text, argument))}}\` of \`<${tag ?? ''}>\`: only an object literal may be spread.`, this.expressionHint());
      return;
    }
    for (const property of argument.properties) {
      if (property.type === 'Property' && property.kind === 'init' && !property.computed && !property.method) {
        const key = propertyName(property.key);
        if (key !== undefined && !this.checkAttributeName(tag, key, source.place(property))) continue;
        if (key !== undefined && property.value.type === 'Literal' && typeof property.value.value === 'string') this.checkAttributeString(tag, key, property.value.value, source.place(property));
      }
    }
    this.checkExpression(argument, 'data', source);
  }

  // ---- Images -------------------------------------------------------------------------------

  /** Local images in MDX become imports; only image files may be imported that way. */
  private checkImages(tree: MdNode): void {
    const definitions = new Map<string, string>();
    walk(tree, (node) => {
      if (node.type === 'definition' && node.identifier !== undefined && node.url !== undefined && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    });
    walk(tree, (node) => {
      const url = node.type === 'image' ? node.url : node.type === 'imageReference' && node.identifier !== undefined ? definitions.get(node.identifier) : undefined;
      if (!url) return;
      let path = url;
      try {
        path = decodeURI(url);
      } catch {
        // Astro decodes the same way; a malformed address fails its build before anything runs.
      }
      // Mirrors Astro's image collection: URLs and root paths are left alone, the rest imported.
      if (!path || URL.canParse(path) || path.startsWith('/')) return;
      if (!/[?#]/.test(path) && IMAGE_FILE.test(path)) return;
      const start = node.position?.start;
      this.report(
        { line: start?.line ?? 1, ...(start ? { column: start.column } : {}) },
        `The image \`${snippet(url)}\` is refused: MDX imports a local image as a module when the site is built, and this path is not an image file.`,
        'Point the image at a .png, .jpg, .jpeg, .gif, .webp, .avif, .svg or .tiff file (without ? or #), or at an https:// address. Code may come only from the components in mdx.components in content/platform.yaml.',
      );
    });
  }

  // ---- Reporting ----------------------------------------------------------------------------

  private report(at: { line: number; column?: number }, message: string, hint: string): void {
    const line = this.firstLine + at.line - 1;
    // Both parsers may find the same piece of code; say it once.
    const key = `${line}\n${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push({ line, ...(at.column ? { column: at.column } : {}), message, hint });
  }
}

const MAX_NESTING = 500;
const MAX_PREFIX = 256;

/**
 * Describes the first nesting beyond the limits, read naively from the text (code blocks and
 * strings included, so the count can only be too high): brackets, elements, emphasis runs, and
 * the quote and list markers before a line.
 */
function tooDeep(text: string): string | undefined {
  let brackets = 0;
  let elements = 0;
  let run = 0;
  let lineStart = true;
  let prefix = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (lineStart) {
      // Spaces, tabs, > and list markers (- * + 1. 1)) before the text of a line.
      const marker = code === 32 || code === 9 || code === 62 || ((code === 45 || code === 42 || code === 43) && (next === 32 || next === 9)) || (code >= 48 && code <= 57) || ((code === 46 || code === 41) && (next === 32 || next === 9));
      if (marker) {
        if (++prefix > MAX_PREFIX) return `a line behind more than ${MAX_PREFIX} characters of quote and list markers`;
      } else lineStart = false;
    }
    if (code === 10) {
      lineStart = true;
      prefix = 0;
    }
    // ( [ { open and ) ] } close; <x opens an element, </ and /> close one.
    if (code === 40 || code === 91 || code === 123) brackets++;
    else if ((code === 41 || code === 93 || code === 125) && brackets > 0) brackets--;
    else if (code === 60 && ((next >= 65 && next <= 90) || (next >= 97 && next <= 122))) elements++;
    else if (((code === 60 && next === 47) || (code === 47 && next === 62)) && elements > 0) elements--;
    run = code === 42 || code === 95 ? run + 1 : 0;
    if (brackets > MAX_NESTING) return `brackets more than ${MAX_NESTING} levels deep`;
    if (elements > MAX_NESTING) return `elements more than ${MAX_NESTING} levels deep`;
    if (run > MAX_NESTING) return `a run of more than ${MAX_NESTING} * or _`;
  }
  return undefined;
}

/** How deep the ESTree micromark attached to a node goes, measured without recursion. */
function estreeDepth(node: MdNode): number {
  const roots: unknown[] = [node.data?.estree];
  for (const attribute of node.attributes ?? []) roots.push(attribute.data?.estree, typeof attribute.value === 'object' && attribute.value ? attribute.value.data?.estree : undefined);
  let deepest = 0;
  const stack: [unknown, number][] = roots.filter(Boolean).map((root) => [root, 1]);
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    deepest = Math.max(deepest, depth);
    if (depth > MAX_NESTING) break;
    for (const [key, child] of Object.entries(value as object)) {
      if (key === 'loc' || key === 'range' || key === 'comments' || !child || typeof child !== 'object') continue;
      stack.push([child, depth + (Array.isArray(child) ? 0 : 1)]);
    }
  }
  return deepest;
}

/** Every node that holds code, anywhere in the tree. */
function codeNodes(tree: MdNode): MdNode[] {
  const nodes: MdNode[] = [];
  walk(tree, (node) => {
    if (CODE_NODES.has(node.type)) nodes.push(node);
  });
  return nodes;
}

function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** Identifies a piece of code the same way in both parsers' trees. */
function nodeKey(node: MdNode): string {
  const start = node.position?.start;
  const attributes = (node.attributes ?? []).map((attribute) => [
    attribute.type,
    attribute.name ?? null,
    typeof attribute.value === 'object' && attribute.value ? `{${attribute.value.value}}` : (attribute.value ?? null),
  ]);
  return JSON.stringify([node.type, start?.line, start?.column, node.name ?? null, typeof node.value === 'string' ? node.value : null, attributes]);
}

function isOnlyComments(code: string): boolean {
  return /^(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*(?:\n|$))*$/.test(code);
}

/** The one expression of an expression's program, or undefined for an empty one (`{/* … *\/}`). */
function single(program: E.Program): E.Expression | undefined {
  const [statement] = program.body;
  return statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
}

function propertyName(key: E.Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal') return String(key.value);
  return undefined;
}

function jsxName(name: E.JSXIdentifier | E.JSXMemberExpression | E.JSXNamespacedName): string {
  if (name.type === 'JSXIdentifier') return name.name;
  if (name.type === 'JSXNamespacedName') return `${name.namespace.name}:${name.name.name}`;
  return `${jsxName(name.object)}.${name.property.name}`;
}

function slice(text: string, node: E.Node): string {
  const range = node as E.Node & { start?: number; end?: number };
  return range.start !== undefined && range.end !== undefined ? text.slice(range.start, range.end) : node.type;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** What a refused kind of expression does, in words. */
function describe(node: E.Node): string {
  switch (node.type) {
    case 'CallExpression':
      return 'calls a function';
    case 'ImportExpression':
      return 'loads a module with import()';
    case 'NewExpression':
      return 'creates an object with `new`';
    case 'ThisExpression':
      return 'uses `this`';
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return 'defines a function';
    case 'ClassExpression':
      return 'defines a class';
    case 'TaggedTemplateExpression':
      return 'calls a function through a tagged template';
    case 'AssignmentExpression':
      return 'assigns a value';
    case 'UpdateExpression':
      return 'changes a value';
    case 'AwaitExpression':
      return 'waits for a promise';
    case 'YieldExpression':
      return 'yields a value';
    case 'SequenceExpression':
      return 'evaluates several expressions';
    case 'ConditionalExpression':
      return 'chooses a value with `?:`';
    case 'LogicalExpression':
    case 'BinaryExpression':
      return `computes a value with \`${node.operator}\``;
    case 'ChainExpression':
      return 'uses optional chaining (`?.`)';
    case 'MetaProperty':
      return `reads \`${node.meta.name}.${node.property.name}\``;
    default:
      return `uses code (${node.type})`;
  }
}
