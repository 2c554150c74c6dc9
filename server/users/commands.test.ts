// Account commands against real databases (SQLite always; PostgreSQL when TEST_POSTGRES_URL is set).
import { expect, it } from 'vitest';
import { AppError } from '@/lib/result';
import { listAuditEntries } from '../audit/queries';
import { verifyPassword } from '../auth/password';
import { db } from '../db/client';
import { toErrorBody } from '../errors';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { backfillNameKeys, banUser, changePassword, changeRole, signOutEverywhere, signUp, unbanUser, updateProfile } from './commands';
import { searchUsers } from './queries';

// The sign-up limiter lives in this process for the whole file (both dialects): every test signs up from its own IP.
let ips = 0;
const freshIp = () => `198.51.100.${++ips}`;

const rejectsWith = async (p: Promise<unknown>, code: string) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  expect((err as AppError).code ?? 'validation_error').toBe(code);
};

describeDialects('account commands', ({ make }) => {
  useDialectDatabase(make);

  it('signs up with a normalised email and an argon2id hash', async () => {
    const u = await signUp(
      { email: 'New.Person@Example.org', displayName: 'New Person', password: 'kettle orbit mango lantern', timeZone: 'America/New_York' },
      { ip: freshIp() },
    );
    expect(u).toMatchObject({ email: 'new.person@example.org', role: 'MEMBER', timeZone: 'America/New_York' });
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a common password, a duplicate email and bad input, writing nothing', async () => {
    const before = await db().user.count();
    await rejectsWith(signUp({ email: 'x1@example.org', displayName: 'X', password: 'password1234' }, { ip: freshIp() }), 'validation_error');
    await rejectsWith(signUp({ email: 'x2@example.org', displayName: 'Xa', password: 'password1234' }, { ip: freshIp() }), 'validation_error');
    await rejectsWith(signUp({ email: 'NEW.person@example.org', displayName: 'Again', password: 'kettle orbit mango lantern' }, { ip: freshIp() }), 'conflict');
    await rejectsWith(signUp({ email: { $ne: null }, displayName: 'Xa', password: 'kettle orbit mango lantern' }, { ip: freshIp() }), 'validation_error');
    expect(await db().user.count()).toBe(before);
  });

  it("display names: a name equal to another member's once folded is refused on sign-up and profile edit, nothing written", async () => {
    const pw = 'kettle orbit mango lantern';
    const first = await signUp({ email: 'marisol@example.org', displayName: 'Marisol Ortega', password: pw }, { ip: freshIp() });
    const before = await db().user.count();
    // Case, spacing, punctuation, zero-width, full-width letters, capital I for l, 0 for o (Cyrillic look-alikes mixed
    // into Latin are refused earlier: one alphabet per name).
    for (const copy of ['marisol ortega', '  MARISOL   ORTEGA ', 'Marisol_Ortega', 'Mari\u200bsol Ortega', 'Ｍａｒｉｓｏｌ Ortega', 'MarisoI 0rtega']) {
      const err = await signUp({ email: `copy${before}-${copy.length}@example.org`, displayName: copy, password: pw }, { ip: freshIp() }).then(
        () => null,
        (e: AppError) => e,
      );
      expect(err, copy).toBeInstanceOf(AppError);
      expect(err!.code).toBe('conflict');
      expect(err!.fields?.displayName).toMatch(/already has that display name/);
    }
    expect(await db().user.count()).toBe(before);

    const other = await makeActor('MEMBER', 'Someone Else');
    await rejectsWith(updateProfile(other, { displayName: 'MARISOL ortega', timeZone: 'Asia/Tokyo' }), 'conflict');
    expect(await db().user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ displayName: 'Someone Else', timeZone: 'UTC' });
    // The owner may change the case or spacing of their own name.
    const meActor = { ...other, id: first.id, displayName: first.displayName };
    await updateProfile(meActor, { displayName: 'MARISOL ORTEGA', timeZone: 'UTC' });
    expect((await db().user.findUniqueOrThrow({ where: { id: first.id } })).nameKey).toBe('marlsol ortega');
  });

  it('display names: role words are refused with a field error on sign-up and profile edit, nothing written', async () => {
    const before = await db().user.count();
    for (const name of ['Admin', 'Ada (admin)', 'The Moderator', 'facilitator sam', 'Rowan Elder', 'Host Bea', 'adm1n', 'a d m i n']) {
      const err = await signUp(
        { email: `role-${name.length}-${before}@example.org`, displayName: name, password: 'kettle orbit mango lantern' },
        { ip: freshIp() },
      ).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, name).toBeInstanceOf(Error);
      expect(toErrorBody(err).fields?.displayName, name).toMatch(/role words/);
    }
    expect(await db().user.count()).toBe(before);
    const me = await makeActor('MEMBER', 'Plain Name');
    await rejectsWith(updateProfile(me, { displayName: 'Plain Name (moderator)', timeZone: 'UTC' }), 'validation_error');
    expect((await db().user.findUniqueOrThrow({ where: { id: me.id } })).displayName).toBe('Plain Name');
  });

  it('display names: two members racing for look-alike names, exactly one gets it', async () => {
    const pw = 'kettle orbit mango lantern';
    const results = await Promise.allSettled([
      signUp({ email: 'race1@example.org', displayName: 'Quentin Race', password: pw }, { ip: freshIp() }),
      signUp({ email: 'race2@example.org', displayName: 'quentin  RACE', password: pw }, { ip: freshIp() }),
      updateProfile(await makeActor(), { displayName: 'QuentIn Race', timeZone: 'UTC' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('conflict');
    expect(await db().user.count({ where: { nameKey: 'quentln race' } })).toBe(1);
  });

  it('existing users without a name key get one at start-up; a colliding later name keeps none', async () => {
    const a = await db().user.create({ data: { email: 'legacy-a@example.org', displayName: 'Legacy Lou', passwordHash: 'x' } });
    const b = await db().user.create({ data: { email: 'legacy-b@example.org', displayName: 'legacy  lou', passwordHash: 'x' } });
    expect(await backfillNameKeys()).toBeGreaterThanOrEqual(1);
    const keys = (await db().user.findMany({ where: { id: { in: [a.id, b.id] } }, select: { nameKey: true } })).map((u) => u.nameKey);
    expect(keys.filter((k) => k === 'legacy lou')).toHaveLength(1);
    expect(keys.filter((k) => k === null)).toHaveLength(1);
    expect(await backfillNameKeys()).toBe(0); // idempotent
  });

  it('sign-up is throttled per IP: the 6th account in an hour is refused, nothing written; other IPs are not affected', async () => {
    const pw = 'kettle orbit mango lantern';
    const ip = freshIp();
    for (let i = 1; i <= 5; i++) await signUp({ email: `burst${i}@example.org`, displayName: `Burst Person ${i}`, password: pw }, { ip });
    const before = await db().user.count();
    const err = await signUp({ email: 'burst6@example.org', displayName: 'Burst Person Six', password: pw }, { ip }).then(
      () => null,
      (e: AppError) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err!.code).toBe('rate_limited');
    expect(err!.message).toMatch(/Too many new accounts from your network/);
    expect(await db().user.count()).toBe(before);
    expect(await db().user.findUnique({ where: { email: 'burst6@example.org' } })).toBeNull();
    await signUp({ email: 'burst6@example.org', displayName: 'Burst Person Six', password: pw }, { ip: freshIp() });
  });

  it('sign-up throttle: a refusal because the name is taken does not use up the hour', async () => {
    const pw = 'kettle orbit mango lantern';
    const ip = freshIp();
    await signUp({ email: 'taken-name@example.org', displayName: 'Taken Tamsin', password: pw }, { ip: freshIp() });
    for (let i = 0; i < 6; i++) await rejectsWith(signUp({ email: `tt${i}@example.org`, displayName: 'Taken Tamsin', password: pw }, { ip }), 'conflict');
    for (let i = 1; i <= 5; i++) await signUp({ email: `tt-ok${i}@example.org`, displayName: `Tamsin Other ${i}`, password: pw }, { ip });
  });

  it('password change: needs the current password, follows the sign-up rules, ends every session', async () => {
    const pw = 'kettle orbit mango lantern';
    const u = await signUp({ email: 'changer@example.org', displayName: 'Changer', password: pw }, { ip: freshIp() });
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    const me = { ...u, role: 'MEMBER' as const, sessionVersion: row.sessionVersion };
    await rejectsWith(changePassword(me, { currentPassword: 'wrong password here', newPassword: 'river candle piano mossy' }), 'validation_error');
    await rejectsWith(changePassword(me, { currentPassword: pw, newPassword: 'short' }), 'validation_error');
    await rejectsWith(changePassword(me, { currentPassword: pw, newPassword: 'password1234' }), 'validation_error');
    await rejectsWith(changePassword(me, { currentPassword: pw, newPassword: pw }), 'validation_error');
    expect(await db().user.findUniqueOrThrow({ where: { id: u.id } })).toEqual(row);

    await changePassword(me, { currentPassword: pw, newPassword: 'river candle piano mossy' });
    const after = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.sessionVersion).toBe(row.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, 'river candle piano mossy')).toBe(true);
    expect(await verifyPassword(after.passwordHash, pw)).toBe(false);
    // The session that changed it is over too: its version is stale.
    await rejectsWith(changePassword(me, { currentPassword: 'river candle piano mossy', newPassword: 'another fine password' }), 'unauthenticated');
  });

  it('password change throttle: after 5 wrong current passwords in 15 minutes the 6th try is refused without a password check, nothing changed', async () => {
    // From the security review: at most 5 wrong current passwords per 15 minutes per user.
    const pw = 'kettle orbit mango lantern';
    const u = await signUp({ email: `guessed-${++ips}@example.org`, displayName: `Guessed ${ips}`, password: pw }, { ip: freshIp() });
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    const me = { ...u, role: 'MEMBER' as const, sessionVersion: row.sessionVersion };
    const next = 'river candle piano mossy';
    const attempt = (currentPassword: string) =>
      changePassword(me, { currentPassword, newPassword: next }).then(
        () => null,
        (e: AppError) => e,
      );
    /** Waits out the account's own (seconds-long) delay, as the owner would, until an attempt is not refused for it. */
    const afterDelay = async (currentPassword: string) => {
      for (;;) {
        const err = await attempt(currentPassword);
        const wait = /in (\d+) seconds?\.$/.exec(err?.message ?? '');
        if (err?.code !== 'rate_limited' || !wait) return err;
        await new Promise((r) => setTimeout(r, Number(wait[1]) * 1000 + 100));
      }
    };
    for (let i = 1; i <= 5; i++) expect((await afterDelay(`wrong guess ${i} here`))?.code).toBe('validation_error');
    // The 6th, even with the right password and the account's short delay over: refused, for minutes.
    const sixth = await afterDelay(pw);
    expect(sixth).toBeInstanceOf(AppError);
    expect(sixth!.code).toBe('rate_limited');
    expect(sixth!.message).toMatch(/^Too many wrong current passwords\. Please try again in \d+ minutes\.$/);
    expect(sixth!.fields?.currentPassword).toBe(sixth!.message);
    expect(await db().user.findUniqueOrThrow({ where: { id: u.id } })).toEqual(row);
  });

  it('sign out everywhere bumps sessionVersion', async () => {
    const me = await makeActor();
    await signOutEverywhere(me);
    expect((await db().user.findUniqueOrThrow({ where: { id: me.id } })).sessionVersion).toBe(me.sessionVersion + 1);
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
    const audit = (await listAuditEntries(admin, { targetId: member.id })).entries;
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
    const actions = (await listAuditEntries(admin, { targetId: member.id })).entries.map((a) => a.action);
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
