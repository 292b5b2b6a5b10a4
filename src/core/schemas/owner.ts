import { z } from 'zod';
import type { ReferenceField } from './reference-field.ts';
import { entryBase, link, ref, refs } from './shared.ts';

/** A team or a person who owns parts of the platform. */
export const OwnerSchema = z.strictObject({
  ...entryBase,
  kind: z.enum(['team', 'person']).describe('Whether the owner is a team or a single person.'),
  contact: z
    .strictObject({
      email: z.email().optional().describe('Email address. Optional.'),
      chat: z.string().trim().optional().describe('Chat channel or handle, e.g. #payments. Optional.'),
      url: link().optional().describe('Team page or profile. Optional.'),
    })
    .refine((contact) => contact.email || contact.chat || contact.url, {
      message: 'give at least one way to reach the owner: email, chat or url',
    })
    .describe('How to reach the owner during working hours.'),
  escalation: z
    .strictObject({
      route: z
        .string()
        .trim()
        .min(1)
        .describe('How urgent issues reach the owner, e.g. a paging service or rotation name.'),
      url: link().optional().describe('Link to the rotation or paging policy. Optional.'),
      next: ref()
        .optional()
        .describe('ID of the owner to escalate to when this one does not answer. Optional.'),
    })
    .optional()
    .describe('On-call and escalation route. Teams need one; optional for people.'),
  role: z.string().trim().optional().describe('A person\'s role, e.g. Staff engineer. Optional.'),
  members: refs().describe('IDs of the people in a team. Defaults to none.'),
  parent: ref().optional().describe('ID of the team this team belongs to. Optional.'),
});

export type Owner = z.output<typeof OwnerSchema>;

export const ownerReferences: readonly ReferenceField[] = [
  { path: ['members', '*'], to: ['owners'], relation: 'hasMember' },
  { path: ['parent'], to: ['owners'], relation: 'childOf' },
  { path: ['escalation', 'next'], to: ['owners'], relation: 'escalatesTo' },
];
