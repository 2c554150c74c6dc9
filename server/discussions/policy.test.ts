// Discussion permissions: members cannot create or edit; elders edit what they host; admins everything.
import { describe, expect, it } from 'vitest';
import { canCancelDiscussion, canCreateDiscussion, canEditDiscussion, canRsvp, canSeeAttendees, canViewDiscussion, rsvpOpen } from './policy';

const member = { id: 'm', role: 'MEMBER' as const };
const facilitator = { id: 'f', role: 'FACILITATOR' as const };
const elder = { id: 'e', role: 'ELDER' as const };
const otherElder = { id: 'e2', role: 'ELDER' as const };
const admin = { id: 'a', role: 'ADMIN' as const };
const startsAt = new Date('2026-11-19T19:00:00Z');
const d = {
  createdById: 'e',
  visibility: 'MEMBERS' as const,
  status: 'SCHEDULED' as const,
  startsAt,
  durationMinutes: 60,
  staff: [
    { userId: 'e', role: 'HOST' as const },
    { userId: 'f', role: 'FACILITATOR' as const },
  ],
};

describe('discussion policy', () => {
  it('only elders and admins create discussions', () => {
    expect([null, member, facilitator, elder, admin].map(canCreateDiscussion)).toEqual([false, false, false, true, true]);
  });

  it('members, facilitators and other elders cannot edit; the hosting elder and admins can', () => {
    expect(canEditDiscussion(member, d)).toBe(false);
    expect(canEditDiscussion(facilitator, d)).toBe(false);
    expect(canEditDiscussion(otherElder, d)).toBe(false);
    expect(canEditDiscussion(null, d)).toBe(false);
    expect(canEditDiscussion(elder, d)).toBe(true);
    expect(canEditDiscussion(admin, d)).toBe(true);
    expect(canEditDiscussion(otherElder, { ...d, staff: [...d.staff, { userId: 'e2', role: 'HOST' }] })).toBe(true);
    // A member listed as host (role changed since) does not gain edit rights.
    expect(canEditDiscussion(member, { ...d, staff: [{ userId: 'm', role: 'HOST' }] })).toBe(false);
  });

  it('cancelling needs edit rights and a discussion that has not ended', () => {
    expect(canCancelDiscussion(elder, d)).toBe(true);
    expect(canCancelDiscussion(elder, { ...d, status: 'ENDED' })).toBe(false);
    expect(canCancelDiscussion(elder, { ...d, status: 'CANCELLED' })).toBe(false);
    expect(canCancelDiscussion(member, d)).toBe(false);
  });

  it('members-only discussions are hidden from visitors', () => {
    expect(canViewDiscussion(null, d)).toBe(false);
    expect(canViewDiscussion(member, d)).toBe(true);
    expect(canViewDiscussion(null, { visibility: 'PUBLIC' })).toBe(true);
  });

  it('attendee lists: hosts, facilitators and admins only', () => {
    expect(canSeeAttendees(elder, d)).toBe(true);
    expect(canSeeAttendees(facilitator, d)).toBe(true);
    expect(canSeeAttendees(admin, d)).toBe(true);
    expect(canSeeAttendees(member, d)).toBe(false);
    expect(canSeeAttendees(otherElder, d)).toBe(false);
    expect(canSeeAttendees(null, d)).toBe(false);
  });

  it('RSVPs are open until the discussion ends, never when cancelled', () => {
    expect(rsvpOpen(d, new Date('2026-11-19T19:59:00Z'))).toBe(true);
    expect(rsvpOpen(d, new Date('2026-11-19T20:00:00Z'))).toBe(false);
    expect(rsvpOpen({ ...d, status: 'CANCELLED' }, new Date('2026-11-01T00:00:00Z'))).toBe(false);
    expect(canRsvp(null, { ...d, visibility: 'PUBLIC' }, new Date('2026-11-01T00:00:00Z'))).toBe(false);
    expect(canRsvp(member, d, new Date('2026-11-01T00:00:00Z'))).toBe(true);
  });
});
