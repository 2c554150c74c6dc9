import { describe, expect, it } from 'vitest';
import { canReadAuditLog, canReadDiscussionAudit } from './policy';

describe('audit policy', () => {
  it('only admins read the audit log', () => {
    expect(canReadAuditLog({ id: 'a', role: 'ADMIN' })).toBe(true);
    for (const role of ['MEMBER', 'FACILITATOR', 'ELDER'] as const) expect(canReadAuditLog({ id: 'x', role })).toBe(false);
    expect(canReadAuditLog(null)).toBe(false);
  });

  it("a discussion's log: its hosts and admins (issue 9 item 7), not its facilitators, members or a demoted host", () => {
    expect(canReadDiscussionAudit({ id: 'h', role: 'ELDER' }, 'HOST')).toBe(true);
    expect(canReadDiscussionAudit({ id: 'a', role: 'ADMIN' }, null)).toBe(true);
    expect(canReadDiscussionAudit({ id: 'f', role: 'FACILITATOR' }, 'FACILITATOR')).toBe(false);
    expect(canReadDiscussionAudit({ id: 'e', role: 'ELDER' }, 'FACILITATOR')).toBe(false);
    expect(canReadDiscussionAudit({ id: 'e', role: 'ELDER' }, null)).toBe(false);
    expect(canReadDiscussionAudit({ id: 'm', role: 'MEMBER' }, null)).toBe(false);
    // A host demoted to facilitator or member keeps the staff row until someone edits it, but not the right.
    expect(canReadDiscussionAudit({ id: 'd', role: 'FACILITATOR' }, 'HOST')).toBe(false);
    expect(canReadDiscussionAudit({ id: 'd', role: 'MEMBER' }, 'HOST')).toBe(false);
    expect(canReadDiscussionAudit(null, 'HOST')).toBe(false);
  });
});
