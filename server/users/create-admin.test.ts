// createAdmin (what `npm run admin:create` calls) against real databases (SQLite always; PostgreSQL when
// TEST_POSTGRES_URL is set).
import { expect, it } from 'vitest';
import { verifyPassword } from '../auth/password';
import { db } from '../db/client';
import { toErrorBody } from '../errors';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { createAdmin } from './commands';

const PASSWORD = 'quiet-harbor-lantern-7392';

async function errorOf(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected a failure').toBeInstanceOf(Error);
  return toErrorBody(err);
}

const auditAbout = (targetId: string) =>
  db().auditEntry.findMany({ where: { targetId }, select: { actorId: true, action: true, targetType: true, reason: true, detail: true } });

describeDialects('createAdmin', ({ make }) => {
  useDialectDatabase(make);

  it('creates an admin with a folded name key and an argon2id hash, audited with no actor (the command line)', async () => {
    const admin = await createAdmin({ email: 'Owner@Example.org', displayName: 'Olu Owner', password: PASSWORD });
    expect(admin.email).toBe('owner@example.org');
    const row = await db().user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(row).toMatchObject({ role: 'ADMIN', displayName: 'Olu Owner', nameKey: 'olu owner', bannedAt: null });
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
    expect(await auditAbout(admin.id)).toEqual([
      { actorId: null, action: 'user.admin_created', targetType: 'user', reason: null, detail: 'npm run admin:create' },
    ]);
  });

  it('an existing account (same email) is made admin: new password, ban lifted, every session ended, audited', async () => {
    const member = await makeActor('MEMBER', 'Bea Banned');
    await db().user.update({ where: { id: member.id }, data: { bannedAt: new Date(), banReason: 'mistake' } });
    const res = await createAdmin({ email: member.email, displayName: 'Ignored For Existing', password: PASSWORD });
    expect(res.id).toBe(member.id);
    const row = await db().user.findUniqueOrThrow({ where: { id: member.id } });
    expect(row).toMatchObject({ role: 'ADMIN', displayName: 'Bea Banned', bannedAt: null, banReason: null, sessionVersion: member.sessionVersion + 1 });
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
    expect((await auditAbout(member.id)).map((e) => e.action)).toEqual(['user.admin_created']);
  });

  it('a taken (look-alike) name, a weak or common password or a bad email is refused with a clear error; nothing written', async () => {
    await createAdmin({ email: 'marisol@example.org', displayName: 'Marisol Ortega', password: PASSWORD });
    const before = { users: await db().user.count(), audit: await db().auditEntry.count() };
    const taken = await errorOf(createAdmin({ email: 'new-owner@example.org', displayName: 'MARISOL  ortega', password: PASSWORD }));
    expect(taken.code).toBe('conflict');
    expect(taken.fields?.displayName).toMatch(/already has that display name/);
    const common = await errorOf(createAdmin({ email: 'new-owner@example.org', displayName: 'New Owner', password: 'password1234' }));
    expect(common.code).toBe('validation_error');
    expect(common.fields?.password).toMatch(/too common/);
    expect((await errorOf(createAdmin({ email: 'new-owner@example.org', displayName: 'New Owner', password: 'short-pw-91' }))).fields?.password).toMatch(
      /at least 12/,
    );
    expect((await errorOf(createAdmin({ email: 'not an email', displayName: 'New Owner', password: PASSWORD }))).code).toBe('validation_error');
    expect((await errorOf(createAdmin({ email: 'new-owner@example.org', displayName: 'New Owner', password: PASSWORD, role: 'MEMBER' }))).code).toBe(
      'validation_error',
    );
    expect({ users: await db().user.count(), audit: await db().auditEntry.count() }).toEqual(before);
  });
});
