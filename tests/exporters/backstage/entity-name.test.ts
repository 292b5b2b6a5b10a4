import { describe, expect, it } from 'vitest';
import { entityNameFor, isValidEntityName, tagFor } from '../../../src/exporters/backstage/entity-name.ts';

describe('entityNameFor', () => {
  it('keeps an ID Backstage accepts', () => {
    expect(entityNameFor('route-planner')).toEqual({ name: 'route-planner', reasons: [] });
    expect(entityNameFor('api_v2.internal')).toEqual({ name: 'api_v2.internal', reasons: [] });
  });

  it('drops accents and turns other characters into hyphens', () => {
    expect(entityNameFor('café-orders')).toEqual({
      name: 'cafe-orders',
      reasons: ['it has characters other than letters, digits, -, _ and .'],
    });
    expect(entityNameFor('runbooks/restore db').name).toBe('runbooks-restore-db');
  });

  it('trims separators Backstage does not allow at the ends', () => {
    expect(entityNameFor('queue-').name).toBe('queue');
    expect(entityNameFor('_private_').name).toBe('private');
  });

  it('shortens long IDs with a hash, so that two long IDs stay apart', () => {
    const a = entityNameFor(`${'a'.repeat(70)}-one`);
    const b = entityNameFor(`${'a'.repeat(70)}-two`);
    expect(a.name).toHaveLength(63);
    expect(a.name).not.toBe(b.name);
    expect(a.reasons).toEqual(['it is longer than 63 characters']);
    expect(entityNameFor(`${'a'.repeat(70)}-one`)).toEqual(a);
    expect(isValidEntityName(a.name)).toBe(true);
  });

  it('names an ID with nothing usable by its hash', () => {
    expect(entityNameFor('日本').name).toMatch(/^entry-[0-9a-f]{8}$/);
  });
});

describe('tagFor', () => {
  it('keeps a valid tag and lower-cases the rest', () => {
    expect(tagFor('ci-cd')).toBe('ci-cd');
    expect(tagFor('Order Flow')).toBe('order-flow');
    expect(tagFor('C#')).toBe('c#');
    expect(tagFor('!!!')).toBeUndefined();
  });
});
