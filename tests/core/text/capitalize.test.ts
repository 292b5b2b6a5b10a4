import { expect, it } from 'vitest';
import { capitalize } from '../../../src/core/text/capitalize.ts';

it('upper-cases the first character only, and leaves an empty text empty', () => {
  expect(capitalize('runbook kind')).toBe('Runbook kind');
  expect(capitalize('')).toBe('');
});
