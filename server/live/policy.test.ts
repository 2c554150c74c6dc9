// Live-room rights from the global role and the staff row together (F09, F10): a staff row only counts while
// the global role still backs it.
import { describe, expect, it } from 'vitest';
import { canHost, canModerate, effectiveStaff, needsAgreement, roomRole, type StaffRole } from './policy';

const as = (role: 'MEMBER' | 'FACILITATOR' | 'ELDER' | 'ADMIN') => ({ id: `u-${role}`, role });
const STAFF: StaffRole[] = ['HOST', 'FACILITATOR', null];

describe('effectiveStaff', () => {
  it('a host row needs an elder or admin; a facilitator row needs a facilitator or above', () => {
    // rows: staff role HOST, FACILITATOR, none; columns: MEMBER, FACILITATOR, ELDER, ADMIN
    const table = STAFF.map((staff) => (['MEMBER', 'FACILITATOR', 'ELDER', 'ADMIN'] as const).map((r) => effectiveStaff(as(r), staff)));
    expect(table).toEqual([
      [null, 'FACILITATOR', 'HOST', 'HOST'],
      [null, 'FACILITATOR', 'FACILITATOR', 'FACILITATOR'],
      [null, null, null, null],
    ]);
  });

  it('F10 a facilitator demoted to member loses the staff row’s rights; a host demoted to facilitator only facilitates', () => {
    expect(effectiveStaff(as('MEMBER'), 'FACILITATOR')).toBeNull();
    expect(effectiveStaff(as('MEMBER'), 'HOST')).toBeNull();
    expect(effectiveStaff(as('FACILITATOR'), 'HOST')).toBe('FACILITATOR');
  });
});

describe('roomRole', () => {
  it('admins are admins in every room; others get the role their backed staff row gives', () => {
    for (const staff of STAFF) expect(roomRole(as('ADMIN'), staff)).toBe('admin');
    expect(roomRole(as('ELDER'), 'HOST')).toBe('host');
    expect(roomRole(as('ELDER'), 'FACILITATOR')).toBe('facilitator');
    expect(roomRole(as('ELDER'), null)).toBe('member');
    expect(roomRole(as('FACILITATOR'), 'FACILITATOR')).toBe('facilitator');
    expect(roomRole(as('FACILITATOR'), null)).toBe('member');
    expect(roomRole(as('MEMBER'), 'HOST')).toBe('member');
    expect(roomRole(as('MEMBER'), null)).toBe('member');
  });
});

describe('canModerate / canHost / needsAgreement', () => {
  const cases = [
    { who: as('MEMBER'), staff: null, moderate: false, host: false, agreement: true },
    { who: as('MEMBER'), staff: 'FACILITATOR', moderate: false, host: false, agreement: true },
    { who: as('MEMBER'), staff: 'HOST', moderate: false, host: false, agreement: true },
    { who: as('FACILITATOR'), staff: null, moderate: false, host: false, agreement: true },
    { who: as('FACILITATOR'), staff: 'FACILITATOR', moderate: true, host: false, agreement: false },
    { who: as('FACILITATOR'), staff: 'HOST', moderate: true, host: false, agreement: false },
    { who: as('ELDER'), staff: null, moderate: false, host: false, agreement: true },
    { who: as('ELDER'), staff: 'FACILITATOR', moderate: true, host: false, agreement: false },
    { who: as('ELDER'), staff: 'HOST', moderate: true, host: true, agreement: false },
    { who: as('ADMIN'), staff: null, moderate: true, host: true, agreement: false },
    { who: as('ADMIN'), staff: 'FACILITATOR', moderate: true, host: true, agreement: false },
  ] as const;

  it.each(cases)('$who.role with staff row $staff', ({ who, staff, moderate, host, agreement }) => {
    expect(canModerate(who, staff)).toBe(moderate);
    expect(canHost(who, staff)).toBe(host);
    expect(needsAgreement(who, staff)).toBe(agreement);
  });
});
