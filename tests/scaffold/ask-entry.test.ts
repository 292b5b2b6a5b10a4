import { describe, expect, it } from 'vitest';
import { NEW_ENTRY_COLLECTIONS } from '../../src/cli/new-entry.ts';
import { type AskContext, askForEntry } from '../../src/scaffold/ask-entry.ts';
import { InputEndedError } from '../../src/scaffold/prompter.ts';
import { scriptedPrompter } from './scripted-prompter.ts';

function context(): AskContext & { said: () => string } {
  let said = '';
  return {
    collections: NEW_ENTRY_COLLECTIONS,
    owners: [
      { id: 'alex', kind: 'person' },
      { id: 'data-team', kind: 'team' },
      { id: 'platform-team', kind: 'team' },
      { id: 'sam', kind: 'person' },
    ],
    trustAnchor: 'platform-team',
    taken: (collection, id) => collection === 'runbooks' && id === 'api-runbook',
    entriesOf: (collection) => (collection === 'services' ? ['api', 'db'] : []),
    say: (text) => {
      said += text;
    },
    said: () => said,
  };
}

describe('askForEntry', () => {
  it('asks for collection, ID, title, kind and owner, offering the lists', async () => {
    const prompter = scriptedPrompter(['3', 'restore-database', 'Restore the ledger database', 'procedure', 'data-team']);
    const ctx = context();
    await expect(askForEntry(prompter, ctx)).resolves.toEqual({
      collection: 'runbooks',
      id: 'restore-database',
      title: 'Restore the ledger database',
      kind: 'procedure',
      owner: 'data-team',
      relations: {},
    });
    expect(prompter.questions).toMatchInlineSnapshot(`
      [
        "Collection (number or name): ",
        "ID, the file name without .md (e.g. restore-database): ",
        "Title [Restore database]: ",
        "Kind (runbook, procedure, standard, architecture) [runbook]: ",
        "Owner [platform-team, the trust anchor]: ",
      ]
    `);
    expect(ctx.said()).toMatchInlineSnapshot(`
      "Which collection does the new entry belong to?
         1. owners        Owners
         2. policies      Policies
         3. runbooks      Runbooks and standards
         4. services      Services
         5. deployments   Deployments
         6. incidents     Incidents
         7. case-studies  Case studies
         8. articles      Articles
         9. whitepaper    Whitepaper
      Existing owners: alex (person), data-team (team), platform-team (team), sam (person).
      "
    `);
  });

  it('takes the defaults on empty answers', async () => {
    const prompter = scriptedPrompter(['services', 'ledger', '', '']);
    await expect(askForEntry(prompter, context())).resolves.toEqual({
      collection: 'services',
      id: 'ledger',
      title: 'Ledger',
      kind: undefined,
      owner: 'platform-team',
      relations: {},
    });
  });

  it('asks again after a wrong answer, offering the slugged ID as the default', async () => {
    const prompter = scriptedPrompter(['runbok', 'runbooks', 'Restore DB', '', '', '', 'alx', 'alex']);
    const ctx = context();
    const answers = await askForEntry(prompter, ctx);
    expect(answers).toMatchObject({ collection: 'runbooks', id: 'restore-db', kind: 'runbook', owner: 'alex' });
    expect(prompter.questions.slice(2, 4)).toEqual(['ID, the file name without .md (e.g. restore-database): ', 'ID [restore-db]: ']);
    expect(ctx.said()).toContain('  "runbok" is not a collection. Did you mean runbooks? Answer with a number from the list or a name.\n');
    expect(ctx.said()).toContain('  "alx" is not one of them. Did you mean alex?\n');
  });

  it('refuses an ID the collection already has', async () => {
    const ctx = context();
    await askForEntry(scriptedPrompter(['runbooks', 'api-runbook', 'api-runbook-2', '', '', '']), ctx);
    expect(ctx.said()).toContain('content/runbooks/ already has an entry with the ID api-runbook; choose another ID.');
  });

  it('offers only people as an incident\'s commander, with a placeholder as the default', async () => {
    const prompter = scriptedPrompter(['incidents', 'db-outage', '', '', '']);
    const ctx = context();
    await expect(askForEntry(prompter, ctx)).resolves.toMatchObject({ collection: 'incidents', owner: undefined, relations: {} });
    expect(ctx.said()).toContain('Who can be the incident commander (a person): alex (person), sam (person).');
    expect(prompter.questions.at(-2)).toBe('Commander [leave empty for a TODO placeholder]: ');
  });

  it("offers only people as an article's author, never the trust anchor, a team", async () => {
    const prompter = scriptedPrompter(['articles', 'why-we-moved', '', 'data-team', 'alex']);
    const ctx = context();
    await expect(askForEntry(prompter, ctx)).resolves.toMatchObject({ collection: 'articles', owner: 'alex' });
    expect(ctx.said()).toContain('Who can be the author (a person): alex (person), sam (person).');
    expect(ctx.said()).toContain('"data-team" is not one of them.');
    expect(prompter.questions).toContain('Author [leave empty for a TODO placeholder]: ');
  });

  it('asks for the references the entry needs: an incident\'s services, from the existing ones', async () => {
    const prompter = scriptedPrompter(['incidents', 'db-outage', '', 'sam', 'api, dbb', 'api, DB']);
    const ctx = context();
    await expect(askForEntry(prompter, ctx)).resolves.toMatchObject({ collection: 'incidents', owner: 'sam', relations: { services: ['api', 'db'] } });
    expect(prompter.questions.at(-1)).toBe('Services (IDs separated by commas) [leave empty for a TODO placeholder]: ');
    expect(ctx.said()).toContain('Existing services: api, db.\n');
    expect(ctx.said()).toContain('  "dbb" is not one of them. Did you mean db?\n');
  });

  it('asks a deployment for its one service', async () => {
    const prompter = scriptedPrompter(['deployments', 'api-2-0-0', '', 'api, db', 'api']);
    const ctx = context();
    await expect(askForEntry(prompter, ctx)).resolves.toMatchObject({ collection: 'deployments', relations: { service: 'api' } });
    expect(ctx.said()).toContain('  service takes one ID; got 2.\n');
  });

  it('gives up after three wrong answers', async () => {
    const prompter = scriptedPrompter(['x', 'y', 'z']);
    await expect(askForEntry(prompter, context())).rejects.toThrowErrorMatchingInlineSnapshot(`[ScaffoldError: "z" is not a collection. Answer with a number from the list or a name. Gave up after 3 tries; nothing was written.]`);
  });

  it('stops when the input ends', async () => {
    await expect(askForEntry(scriptedPrompter(['runbooks']), context())).rejects.toBeInstanceOf(InputEndedError);
  });
});
