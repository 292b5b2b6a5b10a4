import { INDEX_PAGES_FOLDER } from '../../content/entry-id.ts';
import { COLLECTION_NAMES } from '../../schemas/index.ts';
import { defineRule } from '../rule.ts';

export const reservedId = defineRule({
  id: 'reserved-id',
  title: 'An ID starts with the index pages folder',
  plane: 'control',
  severity: 'error',
  description: `A long collection index continues on pages such as \`/deployments/${INDEX_PAGES_FOLDER}/2/\`, so no entry ID may start with \`${INDEX_PAGES_FOLDER}/\`: its page and an index page would have the same address.`,
  collections: COLLECTION_NAMES,
  check(entry) {
    if (!entry.id.startsWith(`${INDEX_PAGES_FOLDER}/`)) return [];
    return [
      {
        line: 1,
        message: `This file has the ID \`${entry.key}\`, whose address is kept for the pages of the ${entry.collection} index.`,
        hint: `Rename the folder \`${INDEX_PAGES_FOLDER}/\` inside content/${entry.collection}/ (for example to \`pages/\`), or move the file out of it, and update references to it.`,
      },
    ];
  },
});
