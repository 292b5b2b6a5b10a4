import { describe, expect, it } from 'vitest';
import { changeText, describeOutcome, headline } from '../../../src/core/collections/outcomes.ts';

const outcome = (before: number, after: number, better: 'lower' | 'higher' = 'lower') => ({ name: 'p95 latency', before, after, unit: 'ms', better });

describe('outcomes as read', () => {
  it('are improved when they move the way the outcome says is better, regressed when not', () => {
    expect(describeOutcome(outcome(840, 310)).change).toBe('improved');
    expect(describeOutcome(outcome(310, 840)).change).toBe('regressed');
    expect(describeOutcome(outcome(91.2, 93.5, 'higher')).change).toBe('improved');
    expect(describeOutcome(outcome(93.5, 91.2, 'higher')).change).toBe('regressed');
    expect(describeOutcome(outcome(5, 5)).change).toBe('unchanged');
  });

  it('give their relative change, with a decimal under 10%', () => {
    expect(changeText(describeOutcome(outcome(840, 310)))).toBe('−63%');
    expect(changeText(describeOutcome(outcome(91.2, 93.5, 'higher')))).toBe('+2.5%');
    expect(changeText(describeOutcome(outcome(340, 0.4)))).toBe('−99.9%');
    expect(changeText(describeOutcome(outcome(0, 4)))).toBeUndefined();
  });

  it('read as a headline on the index', () => {
    expect(headline(outcome(840, 310))).toBe('p95 latency: 840 → 310 ms (improved, −63%)');
    expect(headline(outcome(0, 4))).toBe('p95 latency: 0 → 4 ms (regressed)');
  });
});
