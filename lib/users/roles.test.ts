// The role ladder: member < facilitator < elder < admin, and a visitor below everyone.
import { describe, expect, it } from 'vitest';
import { atLeast, ROLES } from './roles';

describe('role ladder', () => {
  it('lists the roles from the least to the most rights', () => {
    expect(ROLES).toEqual(['MEMBER', 'FACILITATOR', 'ELDER', 'ADMIN']);
  });

  it('atLeast holds for the role itself and every role above it, never below', () => {
    const table = ROLES.map((role) => ROLES.map((min) => atLeast(role, min)));
    expect(table).toEqual([
      // min: MEMBER, FACILITATOR, ELDER, ADMIN
      [true, false, false, false], // MEMBER
      [true, true, false, false], // FACILITATOR
      [true, true, true, false], // ELDER
      [true, true, true, true], // ADMIN
    ]);
  });

  it('a visitor (no role) is below every role', () => {
    for (const min of ROLES) {
      expect(atLeast(null, min)).toBe(false);
      expect(atLeast(undefined, min)).toBe(false);
    }
  });
});
