import type { Plane } from '../schemas/shared.ts';
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

// Problems found while reading files are errors by default: the entry cannot be trusted at all.
function diagnostic(id: string, title: string, description: string, severity: Severity = 'error'): RuleDocs {
  return { id, title, plane: 'identity', severity, description };
}

/**
 * Problems found while reading and validating files, before any governance rule runs.
 * They belong to the Identity plane because they decide whether an entry exists at all.
 */
export const DIAGNOSTICS = {
  fileUnreadable: diagnostic('file-unreadable', 'File cannot be read', 'The file exists but could not be read, usually because of its permissions.'),
  fileBinary: diagnostic('file-binary', 'File is not text', 'Entries must be UTF-8 text. Binary files (images, archives) belong in public/, not in a collection folder.'),
  fileEmpty: diagnostic('file-empty', 'File is empty', 'An empty file defines no entry; fill it in or delete it.'),
  fileTooLarge: diagnostic('file-too-large', 'File is too large', 'Entries are read whole into memory and rendered into pages; very large files are almost always generated data or a mistake.'),
  fileOutsideContent: diagnostic('file-outside-content', 'Link points outside content/', 'A symbolic link inside content/ points outside it. Content must live inside content/ so that it is reviewed like the rest.'),
  fileUnsupported: diagnostic('file-unsupported', 'File is not an entry', 'Collection folders hold Markdown entries (.md). Other files there would be silently ignored, so they are reported.', 'warning'),
  fileMissing: diagnostic('file-missing', 'Linked file does not exist', 'An entry shows an image or links a file by its path (beside the entry, or in public/) that does not exist: the page would show a broken picture or link, and the build would stop on the image.'),
  frontmatterMissing: diagnostic('frontmatter-missing', 'Frontmatter is missing', 'Every entry starts with YAML frontmatter between two --- lines.'),
  frontmatterUnclosed: diagnostic('frontmatter-unclosed', 'Frontmatter is not closed', 'The opening --- line has no closing --- line, so the whole file would be read as YAML.'),
  frontmatterYaml: diagnostic('frontmatter-yaml', 'Frontmatter is not valid YAML', 'The frontmatter could not be parsed as YAML.'),
  frontmatterNotObject: diagnostic('frontmatter-not-object', 'Frontmatter is not a set of fields', 'The frontmatter must be a YAML mapping of field names to values.'),
  fieldMissing: diagnostic('field-missing', 'Required field is missing', 'A field the collection requires is not set.'),
  fieldUnknown: diagnostic('field-unknown', 'Unknown field', 'The collection does not define this field; it is usually a typo of one that it does.'),
  fieldInvalid: diagnostic('field-invalid', 'Field has an invalid value', 'A field is set to a value of the wrong type or outside the allowed values.'),
  platformMissing: diagnostic('platform-missing', 'Platform file is missing', 'content/platform.yaml names the platform and its trust anchor; everything else hangs off it.'),
  secretDetected: diagnostic('secret-detected', 'Credential in content', 'A file contains something that looks like a credential: a cloud key, a token, a private key or a connection string with a password. Published content must never carry secrets; the value is masked in every report.'),
  secretSuppressed: diagnostic('secret-suppressed', 'Secret scan suppressed', 'A secretlint-disable comment hides something the secret scanner would report. The check still passes, so that placeholders can be documented, but the suppression is shown: a reviewer must confirm that what it hides is not a real credential.', 'notice'),
  mdxUntrusted: diagnostic('mdx-untrusted', 'MDX outside a trusted folder', 'MDX runs code when the site is built, so a pull request adding MDX could run code in CI. MDX is allowed only in the folders the platform marks as trusted (the whitepaper by default); elsewhere entries are plain Markdown.'),
  mdxImport: diagnostic('mdx-import', 'MDX imports a module that is not allowed', 'MDX may only import the components on the allowlist, and may not export code: anything else would run arbitrary code at build time.'),
  mermaidDiagram: diagnostic('mermaid-diagram', 'Mermaid diagram does not parse', 'A ```mermaid block must be a diagram Mermaid can read; otherwise the page would show an error where the diagram belongs. The check runs Mermaid\'s own parser, so it reports what the build would.'),
  governanceUnknownRule: diagnostic('governance-unknown-rule', 'Unknown rule in governance settings', 'content/governance.yaml names a rule that does not exist, so the setting would have no effect.'),
} as const satisfies Record<string, RuleDocs>;
