import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../helpers/fixtures.ts';

/** Findings of the loader only: what a broken file reports about itself. */
function loaderFindings(fixture: string) {
  const report = checkFixture(fixture);
  const rules = [...new Set(report.content.findings.map((finding) => finding.rule))];
  return { report, findings: rules.flatMap((rule) => findingsOf(report, rule)) };
}

describe('loading content', () => {
  it('loads the valid platform without findings', () => {
    const { report, findings } = loaderFindings('valid');
    expect(findings).toEqual([]);
    expect(report.graph.entries.size).toBe(15);
    expect(report.errors + report.warnings).toBe(0);
  });

  it('names the missing field and its line', () => {
    expect(loaderFindings('missing-field').findings).toMatchInlineSnapshot(`
      [
        {
          "field": "owner",
          "file": "content/services/api.md",
          "hint": "Add \`owner:\` to the frontmatter (ID of the owner accountable for the service).",
          "line": 2,
          "message": "Required field \`owner\` is missing.",
          "severity": "error",
        },
      ]
    `);
  });

  it('suggests the known field for an unknown one', () => {
    expect(loaderFindings('unknown-field').findings).toMatchInlineSnapshot(`
      [
        {
          "field": "operations.backup",
          "file": "content/services/api.md",
          "hint": "Did you mean \`operations.backups\`? Rename the field, or remove it.",
          "line": 11,
          "message": "Unknown field \`operations.backup\`.",
          "severity": "error",
        },
      ]
    `);
  });

  it('suggests the allowed value for a misspelt one', () => {
    expect(loaderFindings('invalid-enum').findings).toMatchInlineSnapshot(`
      [
        {
          "field": "status",
          "file": "content/policies/change-policy.md",
          "hint": "Correct the value (Lifecycle of the policy: draft, active or retired).",
          "line": 4,
          "message": "Field \`status\` must be \`draft\`, \`active\` or \`retired\`; found \`actve\`. Did you mean \`active\`?",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects days that do not exist and durations it cannot read', () => {
    expect(loaderFindings('invalid-date').findings).toMatchInlineSnapshot(`
      [
        {
          "field": "effective",
          "file": "content/policies/change-policy.md",
          "hint": "Correct the value (Day the policy took or takes effect, YYYY-MM-DD).",
          "line": 6,
          "message": "Field \`effective\` is invalid: expected a calendar date written as YYYY-MM-DD, like 2026-03-01; found \`2026-02-30\`.",
          "severity": "error",
        },
        {
          "field": "review.cadence",
          "file": "content/policies/change-policy.md",
          "hint": "Correct the value (How often the policy is reviewed: 90d, 6m, 1y).",
          "line": 8,
          "message": "Field \`review.cadence\` is invalid: expected a duration such as 90d, 12w, 6m or 1y (days, weeks, months, years); found \`every year\`.",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports every wrong type of a file in one run', () => {
    expect(loaderFindings('wrong-type').findings).toMatchInlineSnapshot(`
      [
        {
          "field": "tier",
          "file": "content/services/db.md",
          "hint": "Correct the value (Criticality from 1 (most critical) to 4 (least)).",
          "line": 4,
          "message": "Field \`tier\` must be a number; found \`critical\`.",
          "severity": "error",
        },
        {
          "field": "dependsOn",
          "file": "content/services/db.md",
          "hint": "Correct the value (IDs of the services this one needs. Defaults to none).",
          "line": 6,
          "message": "Field \`dependsOn\` must be a list; found \`api\`.",
          "severity": "error",
        },
      ]
    `);
  });

  it('points at the line of a YAML syntax error', () => {
    expect(loaderFindings('malformed-yaml').findings).toMatchInlineSnapshot(`
      [
        {
          "file": "content/runbooks/api-runbook.md",
          "hint": "Check indentation (spaces, not tabs), colons after field names, and quotes around values that contain ": " or start with a special character.",
          "line": 6,
          "message": "The YAML cannot be parsed: missed comma between flow collection entries.",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports an empty file', () => {
    expect(loaderFindings('empty-file').findings).toMatchInlineSnapshot(`
      [
        {
          "file": "content/runbooks/empty.md",
          "hint": "Add frontmatter and a body (npm run new -- <collection> <id> writes a template), or delete the file.",
          "line": 1,
          "message": "The file is empty.",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a binary file', () => {
    expect(loaderFindings('binary-file').findings).toMatchInlineSnapshot(`
      [
        {
          "file": "content/runbooks/diagram.md",
          "hint": "Save it as UTF-8 Markdown; an image or other binary file belongs beside the entry that shows it, or in public/.",
          "line": 1,
          "message": "The file is not UTF-8 text.",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a file without frontmatter', () => {
    expect(loaderFindings('no-frontmatter').findings).toMatchInlineSnapshot(`
      [
        {
          "file": "content/runbooks/notes.md",
          "hint": "Start the file with a line "---", the entry's fields (at least title), and another "---" line. See the runbooks and standards section of the authoring guide.",
          "line": 1,
          "message": "The file has no frontmatter.",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports frontmatter that is never closed', () => {
    expect(loaderFindings('unclosed-frontmatter').findings).toMatchInlineSnapshot(`
      [
        {
          "file": "content/runbooks/notes.md",
          "hint": "Add a line with "---" after the last field.",
          "line": 1,
          "message": "The frontmatter opened on line 1 is never closed.",
          "severity": "error",
        },
      ]
    `);
  });

  it('reads files with a byte-order mark and CRLF line endings', () => {
    const { report, findings } = loaderFindings('bom-crlf');
    expect(findings).toEqual([]);
    expect(report.graph.get('owners/sam')?.title).toBe('Sam Roe');
  });

  it('warns about files a collection folder would ignore', () => {
    expect(loaderFindings('unsupported-file').findings).toMatchInlineSnapshot(`
      [
        {
          "file": "content/runbooks/notes.txt",
          "hint": "Rename it to .md if it is an entry; if it is an image or file for an entry, show or link it from that entry (![…](./notes.txt)); otherwise move it out of content/runbooks/, or prefix its name with _ to keep it here unpublished.",
          "line": 1,
          "message": "notes.txt is not a Markdown entry, and no entry shows or links it, so it would be ignored.",
          "severity": "warning",
        },
      ]
    `);
  });

  it('requires the platform file', () => {
    expect(loaderFindings('platform-missing').findings).toMatchInlineSnapshot(`
      [
        {
          "file": "content/platform.yaml",
          "hint": "Create content/platform.yaml with at least name, organization, environment, docsVersion and trustAnchor.",
          "line": 1,
          "message": "The content folder has no platform.yaml.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects settings that name rules or relations that do not exist', () => {
    expect(findingsOf(checkFixture('governance-settings'), 'governance-unknown-rule')).toMatchInlineSnapshot(`
      [
        {
          "field": "severity.runbook-sectons",
          "file": "content/governance.yaml",
          "hint": "Did you mean \`runbook-sections\`?",
          "line": 3,
          "message": "\`runbook-sectons\` is not a rule.",
          "severity": "error",
        },
        {
          "field": "scorecard.levels[0].checks[1].via",
          "file": "content/governance.yaml",
          "hint": "Did you mean \`coveredBy\`?",
          "line": 7,
          "message": "\`coverdBy\` is not a relation.",
          "severity": "error",
        },
      ]
    `);
  });

  it('does not report references to a file that failed to load', () => {
    const report = checkFixture('missing-field');
    expect(report.findings.map((finding) => finding.rule)).toEqual(['field-missing']);
  });
});

describe('MDX', () => {
  it('is refused outside the trusted collections', () => {
    expect(findingsOf(checkFixture('mdx-untrusted'), 'mdx-untrusted')).toMatchInlineSnapshot(`
      [
        {
          "file": "content/runbooks/interactive.mdx",
          "hint": "Rename it to .md and remove any imports, exports or {expressions}; if this collection must allow MDX, a maintainer can add "runbooks" to mdx.trusted in content/platform.yaml.",
          "line": 1,
          "message": "interactive.mdx is MDX, which is allowed only in content/whitepaper/.",
          "severity": "error",
        },
      ]
    `);
  });

  it('may only import allowlisted components, and never export code', () => {
    expect(findingsOf(checkFixture('mdx-import'), 'mdx-import')).toMatchInlineSnapshot(`
      [
        {
          "file": "content/whitepaper/introduction.mdx",
          "hint": "Import components with \`import { Name } from '…'\` from exactly \`@astrojs/starlight/components\`. Maintainers set that list in mdx.components in content/platform.yaml.",
          "line": 8,
          "message": "MDX imports \`node:fs\`: a Node.js built-in module, which could read files or run programs.",
          "severity": "error",
        },
        {
          "file": "content/whitepaper/introduction.mdx",
          "hint": "Remove it: an MDX chapter may only import components and show them. Code belongs in a component module on the allowlist (mdx.components in content/platform.yaml).",
          "line": 9,
          "message": "MDX may not export code: \`export const secret = readFileSync('/etc/passwd', 'utf8');\`.",
          "severity": "error",
        },
      ]
    `);
  });

  it('loads in a trusted collection when it imports only allowed components', () => {
    const report = checkFixture('mdx-trusted');
    expect(report.findings).toEqual([]);
    expect(report.graph.get('whitepaper/introduction')?.file).toBe('content/whitepaper/introduction.mdx');
  });
});
