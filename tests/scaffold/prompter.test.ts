import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputEndedError, readlinePrompter } from '../../src/scaffold/prompter.ts';

/** Streams standing in for a terminal: each question written out gets the next answer typed in. */
function terminal(answers: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
    if (shown.endsWith(': ')) {
      const answer = answers.shift();
      if (answer === undefined) input.end();
      else input.write(`${answer}\n`);
    }
  });
  return { input, output, shown: () => shown };
}

describe('readlinePrompter', () => {
  it('shows each question and returns the trimmed answer', async () => {
    const { input, output, shown } = terminal(['  runbooks ', 'restore-database']);
    const prompter = readlinePrompter(input, output);
    await expect(prompter.ask('Collection: ')).resolves.toBe('runbooks');
    await expect(prompter.ask('ID: ')).resolves.toBe('restore-database');
    prompter.close();
    expect(shown()).toContain('Collection: ');
    expect(shown()).toContain('ID: ');
  });

  it('rejects when the input ends before an answer', async () => {
    const { input, output } = terminal([]);
    const prompter = readlinePrompter(input, output);
    await expect(prompter.ask('Collection: ')).rejects.toBeInstanceOf(InputEndedError);
    await expect(prompter.ask('ID: ')).rejects.toBeInstanceOf(InputEndedError);
  });

  it('keeps answers pasted ahead of their questions, showing each with its question', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => {
      shown += chunk.toString();
    });
    // Everything arrives at once, before the first question is asked.
    input.write('runbooks\nrestore-database\n\nprocedure\n');
    const prompter = readlinePrompter(input, output);
    await expect(prompter.ask('Collection: ')).resolves.toBe('runbooks');
    await expect(prompter.ask('ID: ')).resolves.toBe('restore-database');
    await expect(prompter.ask('Title [Restore database]: ')).resolves.toBe('');
    await expect(prompter.ask('Kind: ')).resolves.toBe('procedure');
    input.end();
    await expect(prompter.ask('Owner: ')).rejects.toBeInstanceOf(InputEndedError);
    prompter.close();
    expect(shown).toContain('ID: restore-database\n');
    expect(shown).toContain('Kind: procedure\n');
  });
});
