import { z } from 'zod';
import type { ReferenceField } from './reference-field.ts';
import { link, ref } from './shared.ts';

/** The platform's identity: one file, `content/platform.yaml`. */
export const PlatformSchema = z.strictObject({
  name: z.string().trim().min(1).describe('Name of the platform, shown in the header and on the PDF cover.'),
  organization: z.string().trim().min(1).describe('Organization that runs the platform.'),
  description: z.string().trim().optional().describe('A sentence or two on what the platform is for. Optional.'),
  environment: z
    .string()
    .trim()
    .min(1)
    .describe('The environment this knowledge base describes, e.g. production.'),
  docsVersion: z.string().trim().min(1).describe('Version of this documentation set, e.g. 2026.11.'),
  trustAnchor: ref().describe('ID of the owner accountable for the whole platform (an entry in owners).'),
  url: link()
    .optional()
    .describe('Web address where the site is published, e.g. https://docs.example.com; used for the sitemap, the RSS feed and canonical links. Optional.'),
  repository: link()
    .optional()
    .describe('Web address of the content repository, used for "edit this page" links. Optional.'),
  editBranch: z
    .string()
    .trim()
    .default('main')
    .describe('Branch that edit links point at. Defaults to main.'),
  links: z
    .array(
      z.strictObject({
        label: z.string().trim().min(1).describe('Text of the link.'),
        url: link().describe('Where the link goes.'),
      }),
    )
    .default([])
    .describe('Links shown with the platform identity (status page, chat, portal). Defaults to none.'),
  whitepaper: z
    .strictObject({
      title: z
        .string()
        .trim()
        .min(1)
        .default('The Governed Multi-Plane Platform Operating Model')
        .describe('Title on the cover and in the PDF metadata.'),
      subtitle: z.string().trim().optional().describe('Line under the title on the cover. Optional.'),
      keywords: z
        .array(z.string().trim().min(1))
        .default(['platform engineering', 'governance', 'operating model'])
        .describe('Keywords written into the PDF metadata.'),
    })
    .default({ title: 'The Governed Multi-Plane Platform Operating Model', keywords: ['platform engineering', 'governance', 'operating model'] })
    .describe('Cover and metadata of the whitepaper PDF. Every field has a default.'),
  mdx: z
    .strictObject({
      trusted: z
        .array(z.string().trim().min(1))
        .default(['whitepaper'])
        .describe('Collections whose entries may be MDX, which runs code at build time. Defaults to [whitepaper].'),
      components: z
        .array(z.string().trim().min(1))
        .default(['@astrojs/starlight/components'])
        .describe('Modules MDX entries may import from. Defaults to [@astrojs/starlight/components].'),
    })
    .default({ trusted: ['whitepaper'], components: ['@astrojs/starlight/components'] })
    .describe('Where MDX is allowed and what it may import. Everywhere else entries are plain Markdown.'),
  defaultVisibility: z
    .enum(['internal', 'public'])
    .default('internal')
    .describe('Visibility of entries that do not set one. Defaults to internal.'),
});

export type Platform = z.output<typeof PlatformSchema>;

export const platformReferences: readonly ReferenceField[] = [
  { path: ['trustAnchor'], to: ['owners'], relation: 'anchoredBy' },
];
