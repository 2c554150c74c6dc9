import { describe, expect, it } from 'vitest';
import { canReadAuditLog } from './policy';

describe('audit policy', () => {
  it('only admins read the audit log', () => {
    expect(canReadAuditLog({ id: 'a', role: 'ADMIN' })).toBe(true);
    for (const role of ['MEMBER', 'FACILITATOR', 'ELDER'] as const) expect(canReadAuditLog({ id: 'x', role })).toBe(false);
    expect(canReadAuditLog(null)).toBe(false);
  });
});
