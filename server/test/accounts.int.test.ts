// Account security against the real server: bans cut a user off everywhere at once (F11) and cross-site
// writes are refused (F14). Bans go through the admin page's real server action, as the browser sends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicUser } from '@/server/users/commands';
import { connectSocket, cookieHeader, DEMO_PASSWORD, rawRequest, signIn, startServer, type TestServer, type TestSocket, waitFor } from './harness';
import { auditFor, callAction, handshakeOutcome, openDb, SESSION_COOKIE, userByEmail } from './int-helpers';

const HOSTILE_ORIGINS = [
  ['a hostile Origin', 'https://evil.example'],
  ['Origin: null', 'null'],
  ['no Origin', null],
] as const;

// One server for the whole file (starting one costs seconds of CPU). The two blocks below change different people
// (the first renames dara and bans alex; the second signs eli and sam out, changes jordan's password), and only the
// second creates accounts, so the sign-up budget per IP it tests is still its own.
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

describe('accounts', () => {
  let admin: string;
  let adminId: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    const a = await signIn(server, 'admin@example.org', DEMO_PASSWORD);
    expect(a.ok).toBe(true);
    admin = a.cookie;
    adminId = userByEmail(server, 'admin@example.org').id;
  });
  afterAll(() => {
    for (const s of sockets) s.close();
  });

  describe('F14 cross-site writes', () => {
    let dara: string;
    beforeAll(async () => {
      const d = await signIn(server, 'dara@example.org', DEMO_PASSWORD);
      expect(d.ok).toBe(true);
      dara = d.cookie;
    });

    it('F14 control: a same-origin server action writes (so the refusals below are meaningful)', async () => {
      const res = await callAction<PublicUser>(server, '/profile', 'updateProfileAction', [{ displayName: 'Dara Same Origin', timeZone: 'UTC' }], {
        cookie: dara,
      });
      expect(res.status).toBe(200);
      expect(res.result).toMatchObject({ ok: true, data: { displayName: 'Dara Same Origin' } });
      expect(userByEmail(server, 'dara@example.org')).toMatchObject({ displayName: 'Dara Same Origin', timeZone: 'UTC' });
    });

    for (const [label, origin] of HOSTILE_ORIGINS) {
      it(`F14 a server action with ${label} is refused with 403 and writes nothing`, async () => {
        const before = userByEmail(server, 'dara@example.org');
        const res = await callAction(server, '/profile', 'updateProfileAction', [{ displayName: 'Pwned Dara', timeZone: 'Asia/Tokyo' }], {
          cookie: dara,
          origin,
        });
        expect(res.status).toBe(403);
        expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(userByEmail(server, 'dara@example.org')).toEqual(before);
      });

      it(`F14 an admin ban action with ${label} is refused with 403 and bans nobody`, async () => {
        const chen = userByEmail(server, 'chen@example.org');
        const res = await callAction(server, '/admin/users', 'banUserAction', [{ userId: chen.id, reason: 'csrf attempt' }], { cookie: admin, origin });
        expect(res.status).toBe(403);
        expect(userByEmail(server, 'chen@example.org')).toEqual(chen);
        expect(auditFor(server, chen.id)).toEqual([]);
      });

      it(`F14 a credentials sign-in POST with ${label} is refused with 403 and sets no session`, async () => {
        const csrf = await rawRequest(`${server.url}/api/auth/csrf`);
        const csrfCookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
        const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
        const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie };
        if (origin !== null) headers.origin = origin;
        const res = await rawRequest(`${server.url}/api/auth/callback/credentials`, {
          method: 'POST',
          headers,
          body: new URLSearchParams({ csrfToken, email: 'eli@example.org', password: DEMO_PASSWORD, json: 'true' }).toString(),
        });
        expect(res.status).toBe(403);
        expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect((res.headers['set-cookie'] ?? []).join('\n')).not.toContain('session-token');
      });
    }

    it('F14 GET /api/auth/signout does not sign out; a cross-site POST sign-out is refused', async () => {
      const get = await rawRequest(`${server.url}/api/auth/signout`, { headers: { cookie: dara } });
      expect(get.status).toBeLessThan(400);
      expect((get.headers['set-cookie'] ?? []).join('\n')).not.toContain(SESSION_COOKIE);

      const csrf = await rawRequest(`${server.url}/api/auth/csrf`, { headers: { cookie: dara } });
      const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
      const csrfCookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
      const post = await rawRequest(`${server.url}/api/auth/signout`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', cookie: [dara, csrfCookie].filter(Boolean).join('; ') },
        body: new URLSearchParams({ csrfToken, json: 'true' }).toString(),
      });
      expect(post.status).toBe(403);
      expect((post.headers['set-cookie'] ?? []).join('\n')).not.toContain(SESSION_COOKIE);

      // The session still works for pages, server actions and sockets.
      expect((await rawRequest(`${server.url}/profile`, { headers: { cookie: dara } })).status).toBe(200);
      const res = await callAction<PublicUser>(server, '/profile', 'updateProfileAction', [{ displayName: 'Dara Still Here', timeZone: 'UTC' }], {
        cookie: dara,
      });
      expect(res.result).toMatchObject({ ok: true });
      expect(await handshakeOutcome(server, { cookie: dara })).toBe('CONNECTED');
    });
  });

  describe('F11 a ban cuts the user off everywhere', () => {
    let alex: string;
    let alexId: string;
    let s1: TestSocket;
    let s2: TestSocket;
    let recovering: TestSocket;
    let bystander: TestSocket;

    beforeAll(async () => {
      const a = await signIn(server, 'alex@example.org', DEMO_PASSWORD);
      expect(a.ok).toBe(true);
      alex = a.cookie;
      alexId = userByEmail(server, 'alex@example.org').id;
      const bea = await signIn(server, 'bea@example.org', DEMO_PASSWORD);
      bystander = await connectSocket(server, { cookie: bea.cookie });
      s1 = await connectSocket(server, { cookie: alex, transports: ['websocket'] });
      s2 = await connectSocket(server, { cookie: alex, transports: ['polling'] });
      recovering = await connectSocket(server, { cookie: alex });
      sockets.push(bystander, s1, s2, recovering);
    });

    it('F11 a non-admin cannot ban: forbidden, nothing written', async () => {
      const bea = await signIn(server, 'bea@example.org', DEMO_PASSWORD);
      const before = userByEmail(server, 'alex@example.org');
      const res = await callAction(server, '/admin/users', 'banUserAction', [{ userId: alexId, reason: 'member tries to ban' }], { cookie: bea.cookie });
      expect(res.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(userByEmail(server, 'alex@example.org')).toEqual(before);
      expect(auditFor(server, alexId)).toEqual([]);
      expect(s1.connected && s2.connected).toBe(true);
    });

    it('F11 control: a user in good standing reconnects after a network drop, as a fresh socket (no recovery state)', async () => {
      // A broadcast to the user's room would give the socket a recovery offset; then the network drops.
      const changed = waitFor(recovering, 'account:changed');
      const res = await callAction(server, '/profile', 'updateProfileAction', [{ displayName: 'Alex', timeZone: 'America/Chicago' }], { cookie: alex });
      expect(res.result).toMatchObject({ ok: true });
      await changed;
      await dropAndReconnect(recovering);
      // Recovery is off on purpose (README: "Reconnects"): rooms are never restored from before a rights change.
      expect(recovering.recovered).toBeFalsy();
      // Drop it again; it will try to recover after the ban below.
      const down = waitFor(recovering, 'disconnect');
      recovering.io.engine.close();
      await down;
      expect(recovering.connected).toBe(false);
    });

    it('F11 both sockets get account:suspended and are disconnected within 2 s; the audit entry is written', async () => {
      const before = userByEmail(server, 'alex@example.org');
      const events = [s1, s2].map((s) => {
        const suspended = waitFor(s, 'account:suspended', 2000).then(() => Date.now());
        const gone = waitFor<string>(s, 'disconnect', 2000).then((reason) => ({ reason, at: Date.now() }));
        return Promise.all([suspended, gone]);
      });
      const t0 = Date.now();
      const res = await callAction<PublicUser>(server, '/admin/users', 'banUserAction', [{ userId: alexId, reason: 'spamming the circle' }], { cookie: admin });
      expect(res.result).toMatchObject({ ok: true, data: { id: alexId } });
      for (const [suspendedAt, gone] of await Promise.all(events)) {
        expect(suspendedAt - t0).toBeLessThan(2000);
        expect(gone.at - t0).toBeLessThan(2000);
        expect(gone.reason).toBe('io server disconnect');
      }
      expect(s1.connected || s2.connected).toBe(false);

      const after = userByEmail(server, 'alex@example.org');
      expect(after.bannedAt).not.toBeNull();
      expect(after.banReason).toBe('spamming the circle');
      expect(after.sessionVersion).toBe(before.sessionVersion + 1);
      expect(auditFor(server, alexId)).toEqual([
        { actorId: adminId, action: 'user.banned', targetType: 'user', targetId: alexId, reason: 'spamming the circle' },
      ]);

      // Other users are untouched.
      expect(bystander.connected).toBe(true);
      expect((await bystander.timeout(2000).emitWithAck('time:sync', {})).ok).toBe(true);
    });

    it('F11 connection-state recovery re-runs auth: the dropped socket cannot recover after the ban', async () => {
      const outcome = await new Promise<string>((resolve) => {
        recovering.once('connect', () => resolve('CONNECTED'));
        recovering.once('connect_error', (err) => resolve(err.message));
        recovering.connect();
      });
      expect(outcome).toBe('unauthenticated');
      expect(recovering.connected).toBe(false);
    });

    it('F11 the old cookie is refused: new sockets, page loads, server actions', async () => {
      for (const transport of ['websocket', 'polling'] as const) {
        expect(await handshakeOutcome(server, { cookie: alex, transports: [transport] })).toBe('unauthenticated');
      }
      const page = await rawRequest(`${server.url}/profile`, { headers: { cookie: alex } });
      expect(page.status).toBeGreaterThanOrEqual(300);
      expect(page.status).toBeLessThan(400);
      expect(page.headers.location).toMatch(/^\/signin\?callbackUrl=%2Fprofile/);

      const before = userByEmail(server, 'alex@example.org');
      const res = await callAction(server, '/profile', 'updateProfileAction', [{ displayName: 'Banned Alex', timeZone: 'UTC' }], { cookie: alex });
      expect(res.result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(userByEmail(server, 'alex@example.org')).toEqual(before);
    });

    it('F11 signing in again is refused with account_suspended', async () => {
      const again = await signIn(server, 'alex@example.org', DEMO_PASSWORD);
      expect(again.ok).toBe(false);
      expect(again.error).toBe('account_suspended');
      expect(Object.keys(again.jar).some((k) => k.includes('session-token'))).toBe(false);
    });

    it('F11 unbanning lets them sign in again; the pre-ban session stays dead', async () => {
      const res = await callAction<PublicUser>(server, '/admin/users', 'unbanUserAction', [{ userId: alexId }], { cookie: admin });
      expect(res.result).toMatchObject({ ok: true, data: { id: alexId } });
      const row = userByEmail(server, 'alex@example.org');
      expect(row.bannedAt).toBeNull();
      expect(row.banReason).toBeNull();
      expect(auditFor(server, alexId).map((e) => e.action)).toEqual(['user.banned', 'user.unbanned']);

      const again = await signIn(server, 'alex@example.org', DEMO_PASSWORD);
      expect(again.ok).toBe(true);
      expect(await handshakeOutcome(server, { cookie: again.cookie })).toBe('CONNECTED');
      expect((await rawRequest(`${server.url}/profile`, { headers: { cookie: again.cookie } })).status).toBe(200);
      // The cookie from before the ban carries the old sessionVersion.
      expect(await handshakeOutcome(server, { cookie: alex })).toBe('unauthenticated');
      expect(cookieHeader(again.jar)).not.toBe(alex);
    });
  });
});

describe('issue 7: sessions you can end, names, sign-up throttle', () => {
  const sockets: TestSocket[] = [];
  const PW = DEMO_PASSWORD;

  afterAll(() => {
    for (const s of sockets) s.close();
  });

  const signOut = async (cookie: string) => {
    const csrf = await rawRequest(`${server.url}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const csrfCookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    return rawRequest(`${server.url}/api/auth/signout`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', cookie: [cookie, csrfCookie].filter(Boolean).join('; ') },
      body: new URLSearchParams({ csrfToken, json: 'true' }).toString(),
    });
  };
  const pageStatus = async (cookie: string) => (await rawRequest(`${server.url}/profile`, { headers: { cookie } })).status;
  const revokedRows = (userId: string) => {
    const db = openDb(server);
    try {
      return db.prepare('SELECT id, expiresAt FROM "RevokedSession" WHERE userId = ?').all(userId) as { id: string; expiresAt: number }[];
    } finally {
      db.close();
    }
  };
  const userCount = () => {
    const db = openDb(server);
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM "User"').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('sign-out revokes the session server-side: a copied cookie stops working for pages, actions and sockets', async () => {
    const eli = userByEmail(server, 'eli@example.org');
    const session = await signIn(server, 'eli@example.org', PW);
    const otherDevice = await signIn(server, 'eli@example.org', PW);
    expect(session.ok && otherDevice.ok).toBe(true);
    const copied = session.cookie; // what an attacker copied from the browser
    // Control: the copy works before sign-out, over every transport.
    expect(await pageStatus(copied)).toBe(200);
    const live = await connectSocket(server, { cookie: copied });
    sockets.push(live);
    const dropped = waitFor<string>(live, 'disconnect');

    const out = await signOut(session.cookie);
    expect(out.status).toBe(200);
    expect((out.headers['set-cookie'] ?? []).join('\n')).toContain(`${SESSION_COOKIE}=;`);

    // The copy's open socket is dropped at once; the copy can neither load a page, nor act, nor connect.
    expect(await dropped).toBe('io server disconnect');
    const page = await rawRequest(`${server.url}/profile`, { headers: { cookie: copied } });
    expect(page.status).toBeGreaterThanOrEqual(300);
    expect(page.status).toBeLessThan(400);
    expect(page.headers.location).toMatch(/^\/signin/);
    const before = userByEmail(server, 'eli@example.org');
    const act = await callAction(server, '/profile', 'updateProfileAction', [{ displayName: 'Eli Copied', timeZone: 'UTC' }], { cookie: copied });
    expect(act.result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(userByEmail(server, 'eli@example.org')).toEqual(before);
    for (const transport of ['websocket', 'polling'] as const) {
      expect(await handshakeOutcome(server, { cookie: copied, transports: [transport] })).toBe('unauthenticated');
    }
    // Nor can the copy be refreshed into a token that would outlive the revocation.
    const refresh = await rawRequest(`${server.url}/api/auth/session`, { headers: { cookie: copied } });
    expect(JSON.parse(refresh.body)).toEqual({});
    expect((refresh.headers['set-cookie'] ?? []).join('\n')).not.toMatch(new RegExp(`${SESSION_COOKIE}=[^;]`));

    // The row lasts as long as the token could (30 days), and the other device is still signed in.
    const rows = revokedRows(eli.id);
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].expiresAt) - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect(await pageStatus(otherDevice.cookie)).toBe(200);
    expect(await handshakeOutcome(server, { cookie: otherDevice.cookie })).toBe('CONNECTED');
  });

  it('"sign out everywhere" ends every session of the account, this one included, and drops its sockets', async () => {
    const a = await signIn(server, 'sam@example.org', PW);
    const b = await signIn(server, 'sam@example.org', PW);
    const sa = await connectSocket(server, { cookie: a.cookie });
    const sb = await connectSocket(server, { cookie: b.cookie });
    sockets.push(sa, sb);
    const gone = Promise.all([waitFor(sa, 'disconnect'), waitFor(sb, 'disconnect')]);
    const before = userByEmail(server, 'sam@example.org');
    const res = await callAction(server, '/profile', 'signOutEverywhereAction', [], { cookie: a.cookie });
    expect(res.result).toMatchObject({ ok: true });
    await gone;
    expect(userByEmail(server, 'sam@example.org').sessionVersion).toBe(before.sessionVersion + 1);
    for (const cookie of [a.cookie, b.cookie]) {
      expect(await pageStatus(cookie)).toBe(307);
      expect(await handshakeOutcome(server, { cookie })).toBe('unauthenticated');
    }
    const again = await signIn(server, 'sam@example.org', PW);
    expect(await pageStatus(again.cookie)).toBe(200);
  });

  it('password change: a wrong current password changes nothing; the right one ends every session and only the new password signs in', async () => {
    const a = await signIn(server, 'jordan@example.org', PW);
    const b = await signIn(server, 'jordan@example.org', PW);
    const before = userByEmail(server, 'jordan@example.org');
    const wrong = await callAction(
      server,
      '/profile',
      'changePasswordAction',
      [{ currentPassword: 'not-my-password-1', newPassword: 'lantern harbor quiet moss' }],
      { cookie: a.cookie },
    );
    expect(wrong.result).toMatchObject({ ok: false, error: { code: 'validation_error', fields: { currentPassword: 'That is not your current password.' } } });
    const weak = await callAction(server, '/profile', 'changePasswordAction', [{ currentPassword: PW, newPassword: 'short' }], { cookie: a.cookie });
    expect(weak.result).toMatchObject({ ok: false, error: { code: 'validation_error', fields: { newPassword: expect.any(String) } } });
    expect(userByEmail(server, 'jordan@example.org')).toEqual(before);
    expect((await signIn(server, 'jordan@example.org', PW)).ok).toBe(true);

    const ok = await callAction(server, '/profile', 'changePasswordAction', [{ currentPassword: PW, newPassword: 'lantern harbor quiet moss' }], {
      cookie: a.cookie,
    });
    expect(ok.result).toMatchObject({ ok: true });
    expect(userByEmail(server, 'jordan@example.org').sessionVersion).toBe(before.sessionVersion + 1);
    for (const cookie of [a.cookie, b.cookie]) expect(await pageStatus(cookie)).toBe(307);
    expect((await signIn(server, 'jordan@example.org', PW)).ok).toBe(false);
    expect((await signIn(server, 'jordan@example.org', 'lantern harbor quiet moss')).ok).toBe(true);
  });

  it("display names: a look-alike of a member's name or a role word is refused with a field error on sign-up and profile; nothing written", async () => {
    const count = userCount();
    // "Rowan Greywater" is a demo elder; 0 for O and extra spaces do not make a new name.
    const copy = await callAction(server, '/signup', 'signUpAction', [
      { email: 'copycat@example.org', displayName: 'R0WAN  Greywater', password: 'kettle orbit mango lantern' },
    ]);
    expect(copy.result).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { displayName: expect.stringMatching(/already has that display name/) } },
    });
    const role = await callAction(server, '/signup', 'signUpAction', [
      { email: 'poser@example.org', displayName: 'Moderator Mo', password: 'kettle orbit mango lantern' },
    ]);
    expect(role.result).toMatchObject({ ok: false, error: { code: 'validation_error', fields: { displayName: expect.stringMatching(/role words/) } } });
    expect(userCount()).toBe(count);

    const bea = await signIn(server, 'bea@example.org', PW);
    const before = userByEmail(server, 'bea@example.org');
    for (const displayName of ['Maya  OKAFOR', 'Bea the Host']) {
      const res = await callAction(server, '/profile', 'updateProfileAction', [{ displayName, timeZone: 'UTC' }], { cookie: bea.cookie });
      expect(res.result, displayName).toMatchObject({ ok: false, error: { fields: { displayName: expect.any(String) } } });
    }
    expect(userByEmail(server, 'bea@example.org')).toEqual(before);
  });

  it('sign-up is throttled per IP: the 6th account from one IP in an hour is refused with a clear message, nothing written', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await callAction(server, '/signup', 'signUpAction', [
        { email: `newcomer${i}@example.org`, displayName: `Newcomer Number ${i}`, password: 'kettle orbit mango lantern' },
      ]);
      expect(res.result, `sign-up ${i}`).toMatchObject({ ok: true });
    }
    const count = userCount();
    const sixth = await callAction(server, '/signup', 'signUpAction', [
      { email: 'newcomer6@example.org', displayName: 'Newcomer Number 6', password: 'kettle orbit mango lantern' },
    ]);
    expect(sixth.result).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringMatching(/Too many new accounts from your network/) },
    });
    expect(userCount()).toBe(count);
    expect(() => userByEmail(server, 'newcomer6@example.org')).toThrow(/no user/);
  });
});

/** Drops the transport under a socket (as a network failure would) and reconnects the same client socket. */
async function dropAndReconnect(socket: TestSocket): Promise<void> {
  const down = waitFor(socket, 'disconnect');
  socket.io.engine.close();
  await down;
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
    socket.connect();
  });
}
