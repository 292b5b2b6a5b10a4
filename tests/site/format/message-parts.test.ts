import { describe, expect, it } from 'vitest';
import { messageParts } from '../../../src/site/format/message-parts.ts';

describe('the parts of a finding message on a page', () => {
  it('makes backticked names code and writes days in the site format', () => {
    expect(messageParts('Runbook `ledger-failover` was due on 2026-12-01 (last reviewed 2025-12-01).')).toEqual([
      { text: 'Runbook ', code: false },
      { text: 'ledger-failover', code: true },
      { text: ' was due on 1 Dec 2026 (last reviewed 1 Dec 2025).', code: false },
    ]);
  });

  it('leaves dates inside code and inside IDs alone', () => {
    expect(messageParts('`2026-08-12-dispatch-8-4-0` and deploy-2026-08-12 and 2026-08-12-x').map((part) => part.text)).toEqual([
      '2026-08-12-dispatch-8-4-0',
      ' and deploy-2026-08-12 and 2026-08-12-x',
    ]);
  });

  it('leaves something shaped like a day that is none as written', () => {
    expect(messageParts('effective: 2026-13-45')[0]!.text).toBe('effective: 2026-13-45');
  });
});
