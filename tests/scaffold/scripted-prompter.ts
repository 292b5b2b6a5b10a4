import { InputEndedError, type Prompter } from '../../src/scaffold/prompter.ts';

/** A prompter that answers from a script and records the questions, as a person at a terminal would. */
export function scriptedPrompter(answers: readonly string[]): Prompter & { questions: string[]; closed: () => boolean } {
  const queue = [...answers];
  const questions: string[] = [];
  let closed = false;
  return {
    questions,
    closed: () => closed,
    async ask(question) {
      questions.push(question);
      const answer = queue.shift();
      if (answer === undefined) throw new InputEndedError();
      return answer.trim();
    },
    close() {
      closed = true;
    },
  };
}
