// Session revocation against real databases: a signed-out session id is refused where sessionVersion is checked;
// other sessions of the same person are not; expired rows are pruned, live ones kept.
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { getConfig } from '../config';
import { db } from '../db/client';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { actorFromClaims, claimsFromToken } from './actor';
import { pruneRevokedSessions, revokeSession, revokeSignedOutToken, revokeThenSignOut } from './sessions';

describeDialects('session revocation', ({ make }) => {
  useDialectDatabase(make);

  it('a revoked session id is refused; another session of the same person still works', async () => {
    const me = await makeActor();
    const mint = (sid: string) => encode({ token: { sub: me.id, sv: me.sessionVersion, sid }, secret: getConfig().authSecret, maxAge: 3600 });
    const copied = await claimsFromToken(await mint('session-one'));
    const other = await claimsFromToken(await mint('session-two'));
    expect(copied).toEqual({ userId: me.id, sessionVersion: me.sessionVersion, sid: 'session-one' });
    expect(await actorFromClaims(copied)).toMatchObject({ id: me.id });

    await revokeSession({ sid: 'session-one', userId: me.id });
    expect(await actorFromClaims(copied)).toBeNull();
    expect(await actorFromClaims(other)).toMatchObject({ id: me.id });
    // Signing out twice (two tabs) is harmless.
    await revokeSignedOutToken({ sub: me.id, sid: 'session-one' });
    expect(await db().revokedSession.count({ where: { userId: me.id } })).toBe(1);
  });

  it('the row lives 30 days from sign-out (the longest a refreshed copy of the token can live)', async () => {
    const me = await makeActor();
    const now = new Date('2026-03-01T00:00:00Z');
    await revokeSession({ sid: 'thirty-days', userId: me.id }, now);
    const row = await db().revokedSession.findUniqueOrThrow({ where: { id: 'thirty-days' } });
    expect(row.expiresAt.toISOString()).toBe('2026-03-31T00:00:00.000Z');
  });

  it('a token from before session ids existed ends every session of that account on sign-out', async () => {
    const me = await makeActor();
    const legacy = { userId: me.id, sessionVersion: me.sessionVersion };
    expect(await actorFromClaims(legacy)).not.toBeNull();
    await revokeSignedOutToken({ sub: me.id });
    expect(await actorFromClaims(legacy)).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: me.id } })).sessionVersion).toBe(me.sessionVersion + 1);
  });

  describe('sign-out (POST /api/auth/signout)', () => {
    const signOutRequest = (token: string) =>
      new Request('http://localhost:3000/api/auth/signout', { method: 'POST', headers: { cookie: `other=1; next-auth.session-token=${token}` } });
    const mintFor = (me: { id: string; sessionVersion: number }, sid: string) =>
      encode({ token: { sub: me.id, sv: me.sessionVersion, sid }, secret: getConfig().authSecret, maxAge: 3600 });

    it('revokes the session before next-auth clears the cookie', async () => {
      const me = await makeActor();
      const token = await mintFor(me, 'route-signout');
      let revokedWhenHandedOn: boolean | null = null;
      const res = await revokeThenSignOut(signOutRequest(token), async () => {
        revokedWhenHandedOn = (await db().revokedSession.count({ where: { id: 'route-signout' } })) === 1;
        return new Response('cleared', { status: 200 });
      });
      expect(res.status).toBe(200);
      expect(revokedWhenHandedOn).toBe(true);
      expect(await actorFromClaims(await claimsFromToken(token))).toBeNull();
    });

    it('a revocation that fails answers 503 and never hands on to next-auth (the cookie is not cleared)', async () => {
      const me = await makeActor();
      const token = await mintFor(me, 'route-signout-broken');
      let handedOn = false;
      // A real database failure: the table is away while the sign-out runs.
      await db().$executeRaw`ALTER TABLE "RevokedSession" RENAME TO "RevokedSessionAway"`;
      let res: Response;
      try {
        res = await revokeThenSignOut(signOutRequest(token), async () => {
          handedOn = true;
          return new Response('cleared', { status: 200 });
        });
      } finally {
        await db().$executeRaw`ALTER TABLE "RevokedSessionAway" RENAME TO "RevokedSession"`;
      }
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/still signed in/),
      });
      expect(handedOn).toBe(false);
      // Nothing was revoked, and the person can try again.
      expect(await actorFromClaims(await claimsFromToken(token))).toMatchObject({ id: me.id });
      expect((await revokeThenSignOut(signOutRequest(token), async () => new Response(null, { status: 200 }))).status).toBe(200);
      expect(await actorFromClaims(await claimsFromToken(token))).toBeNull();
    });
  });

  it('pruning removes expired rows only', async () => {
    const me = await makeActor();
    const now = new Date();
    await db().revokedSession.create({ data: { id: 'expired-row', userId: me.id, expiresAt: new Date(now.getTime() - 1000) } });
    await db().revokedSession.create({ data: { id: 'live-row', userId: me.id, expiresAt: new Date(now.getTime() + 60_000) } });
    expect(await pruneRevokedSessions(now)).toBeGreaterThanOrEqual(1);
    expect(await db().revokedSession.findUnique({ where: { id: 'expired-row' } })).toBeNull();
    expect(await db().revokedSession.findUnique({ where: { id: 'live-row' } })).not.toBeNull();
  });
});
