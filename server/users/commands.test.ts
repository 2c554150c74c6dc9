// Account commands against real databases (SQLite always; PostgreSQL when TEST_POSTGRES_URL is set).
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/result';
import { db } from '../db/client';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { testDialects } from '../test/temp-databases';
import { banUser, changeRole, signUp, unbanUser, updateProfile } from './commands';
import { searchUsers, listAuditEntries } from './queries';

const dialects = testDialects('account commands');

const rejectsWith = async (p: Promise<unknown>, code: string) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  expect((err as AppError).code ?? 'validation_error').toBe(code);
};

describe.each(dialects)('account commands on $name', ({ make }) => {
  useDialectDatabase(make);

  it('signs up with a normalised email and an argon2id hash', async () => {
    const u = await signUp({ email: 'New.Person@Example.org', displayName: 'New Person', password: 'kettle orbit mango lantern', timeZone: 'America/New_York' });
    expect(u).toMatchObject({ email: 'new.person@example.org', role: 'MEMBER', timeZone: 'America/New_York' });
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a common password, a duplicate email and bad input, writing nothing', async () => {
    const before = await db().user.count();
    await rejectsWith(signUp({ email: 'x1@example.org', displayName: 'X', password: 'password1234' }), 'validation_error');
    await rejectsWith(signUp({ email: 'x2@example.org', displayName: 'Xa', password: 'password1234' }), 'validation_error');
    await rejectsWith(signUp({ email: 'NEW.person@example.org', displayName: 'Again', password: 'kettle orbit mango lantern' }), 'conflict');
    await rejectsWith(signUp({ email: { $ne: null }, displayName: 'Xa', password: 'kettle orbit mango lantern' }), 'validation_error');
    expect(await db().user.count()).toBe(before);
  });

  it('updates the profile; an invalid time zone changes nothing', async () => {
    const me = await makeActor();
    await updateProfile(me, { displayName: 'Renamed', timeZone: 'Asia/Tokyo' });
    await rejectsWith(updateProfile(me, { displayName: 'Other', timeZone: 'Nowhere/Else' }), 'validation_error');
    expect(await db().user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({ displayName: 'Renamed', timeZone: 'Asia/Tokyo' });
  });

  it('admin changes a role with an audit entry; a non-admin is forbidden and nothing is written', async () => {
    const admin = await makeActor('ADMIN');
    const member = await makeActor('MEMBER');
    const elder = await makeActor('ELDER');
    await rejectsWith(changeRole(elder, { userId: member.id, role: 'ADMIN' }), 'forbidden');
    await rejectsWith(changeRole(admin, { userId: admin.id, role: 'MEMBER' }), 'forbidden');
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe('MEMBER');
    expect(await db().auditEntry.count({ where: { targetId: member.id } })).toBe(0);

    const updated = await changeRole(admin, { userId: member.id, role: 'FACILITATOR' });
    expect(updated.role).toBe('FACILITATOR');
    const audit = await listAuditEntries(admin, { targetId: member.id });
    expect(audit).toMatchObject([{ action: 'user.role_changed', detail: 'MEMBER → FACILITATOR', actorName: admin.displayName }]);
  });

  it('ban needs a reason, bumps sessionVersion, is audited; unban restores sign-in', async () => {
    const admin = await makeActor('ADMIN');
    const member = await makeActor('MEMBER');
    await rejectsWith(banUser(admin, { userId: member.id, reason: '' }), 'validation_error');
    await rejectsWith(banUser(member, { userId: admin.id, reason: 'turnabout' }), 'forbidden');
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).bannedAt).toBeNull();

    await banUser(admin, { userId: member.id, reason: 'Harassed another member' });
    const banned = await db().user.findUniqueOrThrow({ where: { id: member.id } });
    expect(banned.bannedAt).not.toBeNull();
    expect(banned.banReason).toBe('Harassed another member');
    expect(banned.sessionVersion).toBe(member.sessionVersion + 1);

    await unbanUser(admin, { userId: member.id });
    const restored = await db().user.findUniqueOrThrow({ where: { id: member.id } });
    expect(restored.bannedAt).toBeNull();
    const actions = (await listAuditEntries(admin, { targetId: member.id })).map((a) => a.action);
    expect(actions).toEqual(['user.unbanned', 'user.banned']);
  });

  it('admins search by name or email, case-insensitively; members cannot list', async () => {
    const admin = await makeActor('ADMIN');
    await makeActor('MEMBER', 'Zephyrine Quill');
    const byName = await searchUsers(admin, { q: 'zephyrine' });
    expect(byName.users.map((u) => u.displayName)).toContain('Zephyrine Quill');
    const member = await makeActor('MEMBER');
    await rejectsWith(searchUsers(member, { q: '' }), 'forbidden');
  });
});
