import type { Plane } from '../schemas/shared.ts';
import { formatList } from '../text/closest.ts';
import type { Severity } from './finding.ts';

/** Documentation of a rule or diagnostic, shared by the CLI, the site and the authoring guide. */
export interface RuleDocs {
  /** Stable ID; never renamed once published, because findings and docs link to it. */
  readonly id: string;
  readonly title: string;
  readonly plane: Plane;
  readonly severity: Severity;
  /** What the rule checks and why it matters. */
  readonly description: string;
}

/**
 * A problem found while reading content, with the wording of its findings: what happened and how
 * to fix it, from the facts of one occurrence. Modelled on Astro's `errors-data.ts`: the words of
 * every message live here, and `createFinding` (create-finding.ts) is the one way to turn a
 * diagnostic and its facts into a finding.
 */
export interface Diagnostic<P> extends RuleDocs {
  message(params: P): string;
  hint(params: P): string;
}

/** The facts of a diagnostic, for callers that build its params. */
export type ParamsOf<D> = D extends Diagnostic<infer P> ? P : never;

// Problems found while reading files are errors by default: the entry cannot be trusted at all.
// They belong to the Identity plane because they decide whether an entry exists at all.
function diagnostic<P = Record<string, never>>(
  spec: Omit<Diagnostic<P>, 'plane' | 'severity'> & { readonly severity?: Severity },
): Diagnostic<P> {
  return { plane: 'identity', severity: 'error', ...spec };
}

const code = (text: string) => `\`${text}\``;
const list = (items: readonly string[]) => items.join(', ');
/** ` (what the field holds)`, from the field's own documentation, or nothing. */
const about = (documentation: string | undefined) => (documentation ? ` (${documentation.replace(/\.$/, '')})` : '');

/** What a value was, as a message quotes it: short, and never the whole of a long value. */
export type Found = string;

/** The ways a field's value can be wrong, each with its own message. */
export type InvalidField =
  | { readonly kind: 'value'; readonly allowed: readonly string[]; readonly guess?: string | undefined }
  | { readonly kind: 'type'; readonly expected: string }
  | { readonly kind: 'shape' }
  | { readonly kind: 'too-few'; readonly minimum: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-small'; readonly minimum: string }
  | { readonly kind: 'too-big'; readonly maximum: string }
  | { readonly kind: 'other'; readonly detail: string };

/** Problems found while reading and validating files, before any governance rule runs. */
export const DIAGNOSTICS = {
  fileUnreadable: diagnostic<{ reason: 'broken-link' | 'unreadable'; code: string }>({
    id: 'file-unreadable',
    title: 'File cannot be read',
    description: 'The file exists but could not be read, usually because of its permissions.',
    message: ({ reason, code }) => (reason === 'broken-link' ? 'The file is a link to something that does not exist.' : `The file cannot be read (${code}).`),
    hint: ({ reason }) => (reason === 'broken-link' ? 'Delete the broken link.' : 'Check its permissions, or delete it.'),
  }),
  fileBinary: diagnostic({
    id: 'file-binary',
    title: 'File is not text',
    description: 'Entries must be UTF-8 text. Binary files (images, archives) belong beside the entry that shows them, or in public/, not as entries.',
    message: () => 'The file is not UTF-8 text.',
    hint: () => 'Save it as UTF-8 Markdown; an image or other binary file belongs beside the entry that shows it, or in public/.',
  }),
  fileEmpty: diagnostic({
    id: 'file-empty',
    title: 'File is empty',
    description: 'An empty file defines no entry; fill it in or delete it.',
    message: () => 'The file is empty.',
    hint: () => 'Add frontmatter and a body (npm run new -- <collection> <id> writes a template), or delete the file.',
  }),
  fileTooLarge: diagnostic<{ megabytes: string; limit: number }>({
    id: 'file-too-large',
    title: 'File is too large',
    description: 'Entries are read whole into memory and rendered into pages; very large files are almost always generated data or a mistake.',
    message: ({ megabytes, limit }) => `The file is ${megabytes} MB; entries may be at most ${limit} MB.`,
    hint: () => 'Split it into several entries, or move generated data out of content/.',
  }),
  fileOutsideContent: diagnostic<{ target: string; linked?: boolean }>({
    id: 'file-outside-content',
    title: 'Link points outside content/',
    description:
      'A symbolic link inside content/, or a path in an entry, points outside the content folder. Content must live inside content/ so that it is reviewed like the rest, and the build publishes no file from elsewhere.',
    message: ({ target, linked }) =>
      linked ? `The body shows or links ${code(target)}, which is outside the content folder.` : `This file is a link to ${target}, which is outside the content folder.`,
    hint: ({ linked }) =>
      linked
        ? 'Put the file beside the entry (or an image in public/) and link it from there.'
        : 'Copy the file into content/ instead of linking to it, or delete the link.',
  }),
  fileUnsupported: diagnostic<{ name: string; reason: 'not-markdown' | 'not-regular'; folder: string }>({
    id: 'file-unsupported',
    title: 'File is not an entry',
    severity: 'warning',
    description:
      'Collection folders hold Markdown entries (.md), and the images and files those entries show or link. Any other file there would be silently ignored, so it is reported; pipes, sockets and devices are never read.',
    message: ({ name, reason }) =>
      reason === 'not-regular'
        ? `${name} is not a regular file (a pipe, socket or device), so it is not read.`
        : `${name} is not a Markdown entry, and no entry shows or links it, so it would be ignored.`,
    hint: ({ name, reason, folder }) =>
      reason === 'not-regular'
        ? 'Replace it with a Markdown file, or remove it from content/.'
        : `Rename it to .md if it is an entry; if it is an image or file for an entry, show or link it from that entry (![…](./${name})); otherwise move it out of content/${folder}/, or prefix its name with _ to keep it here unpublished.`,
  }),
  fileMissing: diagnostic<{ url: string; shown: string; image: boolean; where: 'beside' | 'public'; folder: string }>({
    id: 'file-missing',
    title: 'Linked file does not exist',
    description:
      'An entry shows an image or links a file by its path (beside the entry, or in public/) that does not exist: the page would show a broken picture or link, and a missing image beside the entry would stop the build.',
    message: ({ url, shown, image }) => `The body ${image ? 'shows the image' : 'links the file'} ${code(url)}, which does not exist (${shown}).`,
    hint: ({ where, folder }) =>
      where === 'public' ? 'Put the file in public/ at that path, or correct the address.' : `Put the file beside the entry (${folder}/), or correct the path; it is relative to the entry's file.`,
  }),
  frontmatterMissing: diagnostic<{ label: string }>({
    id: 'frontmatter-missing',
    title: 'Frontmatter is missing',
    description: 'Every entry starts with YAML frontmatter between two --- lines.',
    message: () => 'The file has no frontmatter.',
    hint: ({ label }) => `Start the file with a line "---", the entry's fields (at least title), and another "---" line. See the ${label} section of the authoring guide.`,
  }),
  frontmatterUnclosed: diagnostic({
    id: 'frontmatter-unclosed',
    title: 'Frontmatter is not closed',
    description: 'The opening --- line has no closing --- line, so the whole file would be read as YAML.',
    message: () => 'The frontmatter opened on line 1 is never closed.',
    hint: () => 'Add a line with "---" after the last field.',
  }),
  frontmatterYaml: diagnostic<{ reason: string; tooDeep: boolean }>({
    id: 'frontmatter-yaml',
    title: 'Frontmatter is not valid YAML',
    description: 'The frontmatter could not be parsed as YAML.',
    message: ({ reason }) => `The YAML cannot be parsed: ${reason}.`,
    hint: ({ tooDeep }) =>
      tooDeep
        ? 'Flatten the value: frontmatter lists and fields may nest at most 100 levels deep.'
        : 'Check indentation (spaces, not tabs), colons after field names, and quotes around values that contain ": " or start with a special character.',
  }),
  frontmatterNotObject: diagnostic<{ shape: 'a list' | 'empty' | 'a single value' }>({
    id: 'frontmatter-not-object',
    title: 'Frontmatter is not a set of fields',
    description: 'The frontmatter must be a YAML mapping of field names to values.',
    message: ({ shape }) => `The frontmatter is ${shape}, not a set of fields.`,
    hint: () => 'Write one field per line as `name: value`, starting with `title:`.',
  }),
  fieldMissing: diagnostic<{ field: string; name: string; parent: string | undefined; documentation: string | undefined }>({
    id: 'field-missing',
    title: 'Required field is missing',
    description: 'A field the collection requires is not set.',
    message: ({ field }) => `Required field ${code(field)} is missing.`,
    hint: ({ name, parent, documentation }) => `Add ${code(`${name}:`)} ${parent ? `under ${code(`${parent}:`)}` : 'to the frontmatter'}${about(documentation)}.`,
  }),
  fieldUnknown: diagnostic<{ field: string; suggestion: string | undefined; known: readonly string[] }>({
    id: 'field-unknown',
    title: 'Unknown field',
    description: 'The collection does not define this field; it is usually a typo of one that it does.',
    message: ({ field }) => `Unknown field ${code(field)}.`,
    hint: ({ suggestion, known }) =>
      suggestion ? `Did you mean ${code(suggestion)}? Rename the field, or remove it.` : `Remove it, or use one of the known fields: ${list(known.map(code))}.`,
  }),
  fieldInvalid: diagnostic<{ field: string; found: Found; problem: InvalidField; documentation: string | undefined }>({
    id: 'field-invalid',
    title: 'Field has an invalid value',
    description: 'A field is set to a value of the wrong type or outside the allowed values.',
    message: ({ field, found, problem }) => {
      const name = `Field ${code(field)}`;
      switch (problem.kind) {
        case 'value':
          return `${name} must be ${formatList(problem.allowed.map(code))}; found ${found}.${problem.guess ? ` Did you mean ${code(problem.guess)}?` : ''}`;
        case 'type':
          return `${name} must be ${problem.expected}; found ${found}.`;
        case 'shape':
          return `${name} has a value of the wrong shape; found ${found}.`;
        case 'too-few':
          return `${name} needs at least ${problem.minimum} item${problem.minimum === 1 ? '' : 's'}.`;
        case 'empty':
          return `${name} must not be empty.`;
        case 'too-small':
          return `${name} must be at least ${problem.minimum}; found ${found}.`;
        case 'too-big':
          return `${name} must be at most ${problem.maximum}; found ${found}.`;
        case 'other':
          return `${name} is invalid: ${problem.detail}; found ${found}.`;
      }
    },
    hint: ({ documentation }) => `Correct the value${about(documentation)}.`,
  }),
  platformMissing: diagnostic({
    id: 'platform-missing',
    title: 'Platform file is missing',
    description: 'content/platform.yaml names the platform and its trust anchor; everything else hangs off it.',
    message: () => 'The content folder has no platform.yaml.',
    hint: () => 'Create content/platform.yaml with at least name, organization, environment, docsVersion and trustAnchor.',
  }),
  secretDetected: diagnostic<{ kind: string; messageId: string; detail: string }>({
    id: 'secret-detected',
    title: 'Credential in content',
    description:
      'A file contains something that looks like a credential: a cloud key, a token, a private key or a connection string with a password. Published content must never carry secrets; the value is masked in every report.',
    message: ({ kind, messageId, detail }) => `A credential (${kind}: ${messageId}) is written in this file: ${detail}.`,
    hint: () =>
      'Delete it from the file (and from its git history), rotate the credential, and refer to where it is stored instead (e.g. the name of the secret in your vault).',
  }),
  secretSuppressed: diagnostic<{ directive: string; rules: readonly string[]; kinds: readonly string[]; lines: readonly number[] }>({
    id: 'secret-suppressed',
    title: 'Secret scan suppressed',
    severity: 'notice',
    description:
      'A secretlint-disable comment hides something the secret scanner would report. The check still passes, so that placeholders can be documented, but the suppression is shown: a reviewer must confirm that what it hides is not a real credential.',
    message: ({ directive, rules, kinds, lines }) =>
      `A secret scan was suppressed here (${directive}${rules.length ? ` for ${rules.join(', ')}` : ''}): it hides what looks like a credential (${kinds.join(', ')}) on line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}. A reviewer must confirm it is a placeholder.`,
    hint: () =>
      'If it is a placeholder, make that obvious (AKIAIOSFODNN7EXAMPLE, https://user:password@host, ${DB_PASSWORD}) and remove the comment: placeholders pass without one. If it is real, delete it, rotate it and remove the comment.',
  }),
  mdxUntrusted: diagnostic<{ name: string; collection: string; trusted: readonly string[] }>({
    id: 'mdx-untrusted',
    title: 'MDX outside a trusted folder',
    description:
      'MDX runs code when the site is built, so a pull request adding MDX could run code in CI. MDX is allowed only in the folders the platform marks as trusted (the whitepaper by default); elsewhere entries are plain Markdown.',
    message: ({ name, trusted }) => `${name} is MDX, which is allowed only in ${trusted.length ? trusted.map((folder) => `content/${folder}/`).join(', ') : 'no folder'}.`,
    hint: ({ collection }) =>
      `Rename it to .md and remove any imports, exports or {expressions}; if this collection must allow MDX, a maintainer can add "${collection}" to mdx.trusted in content/platform.yaml.`,
  }),
  // The MDX checker knows dozens of ways code can hide in MDX (mdx-safety.ts); it words each.
  mdxImport: diagnostic<{ message: string; hint: string }>({
    id: 'mdx-import',
    title: 'MDX could run code',
    description:
      'Trusted MDX may import only the components on the allowlist, show them with literal props, and nothing else: no exports, no code in expressions, no other modules. Anything else would run arbitrary code at build time.',
    message: ({ message }) => message,
    hint: ({ hint }) => hint,
  }),
  mermaidDiagram: diagnostic<{ detail: string }>({
    id: 'mermaid-diagram',
    title: 'Mermaid diagram does not parse',
    description:
      "A ```mermaid block must be a diagram Mermaid can read; otherwise the page would show an error where the diagram belongs. The check runs Mermaid's own parser, so it reports what the build would.",
    message: ({ detail }) => `The Mermaid diagram does not parse: ${detail}`,
    hint: () => 'Correct the diagram so that Mermaid can read it (https://mermaid.js.org/intro/syntax-reference.html); try it at https://mermaid.live.',
  }),
  governanceUnknownRule: diagnostic<{ kind: 'rule' | 'relation'; id: string; suggestion: string | undefined; known: readonly string[] }>({
    id: 'governance-unknown-rule',
    title: 'Unknown rule in governance settings',
    description: 'content/governance.yaml names a rule or relation that does not exist, so the setting would have no effect.',
    message: ({ kind, id }) => `${code(id)} is not a ${kind}.`,
    hint: ({ kind, suggestion, known }) =>
      suggestion ? `Did you mean ${code(suggestion)}?` : kind === 'rule' ? `Known rules: ${list(known)}.` : 'Use a relation such as coveredBy, deployedBy or affectedBy.',
  }),
} as const;

