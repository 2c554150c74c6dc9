import { describe, expect, it } from 'vitest';
import { canBan, canChangeRole, canManageUsers } from './policy';

const admin = { id: 'a', role: 'ADMIN' as const };
const admin2 = { id: 'a2', role: 'ADMIN' as const };
const member = { id: 'm', role: 'MEMBER' as const };
const elder = { id: 'e', role: 'ELDER' as const };

describe('user policy', () => {
  it('only admins manage users', () => {
    expect(canManageUsers(admin)).toBe(true);
    for (const who of [member, elder, { id: 'f', role: 'FACILITATOR' as const }, null]) expect(canManageUsers(who)).toBe(false);
  });

  it('admins change others’ roles, never their own; others never', () => {
    expect(canChangeRole(admin, member)).toBe(true);
    expect(canChangeRole(admin, admin)).toBe(false);
    expect(canChangeRole(elder, member)).toBe(false);
    expect(canChangeRole(null, member)).toBe(false);
  });

  it('admins ban members and elders, not themselves or other admins', () => {
    expect(canBan(admin, member)).toBe(true);
    expect(canBan(admin, elder)).toBe(true);
    expect(canBan(admin, admin)).toBe(false);
    expect(canBan(admin, admin2)).toBe(false);
    expect(canBan(member, elder)).toBe(false);
  });
});
