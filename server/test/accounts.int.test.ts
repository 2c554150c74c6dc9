// Account security against the real server: bans cut a user off everywhere at once (F11) and cross-site
// writes are refused (F14). Bans go through the admin page's real server action, as the browser sends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicUser } from '@/server/users/commands';
import { connectSocket, cookieHeader, DEMO_PASSWORD, rawRequest, signIn, startServer, waitFor, type TestServer, type TestSocket } from './harness';
import { auditFor, callAction, handshakeOutcome, SESSION_COOKIE, sleep, userByEmail } from './int-helpers';

const HOSTILE_ORIGINS = [
  ['a hostile Origin', 'https://evil.example'],
  ['Origin: null', 'null'],
  ['no Origin', null],
] as const;

describe('accounts', () => {
  let server: TestServer;
  let admin: string;
  let adminId: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    server = await startServer();
    const a = await signIn(server, 'admin@example.org', DEMO_PASSWORD);
    expect(a.ok).toBe(true);
    admin = a.cookie;
    adminId = userByEmail(server, 'admin@example.org').id;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.stop();
  });

  describe('F14 cross-site writes', () => {
    let dara: string;
    beforeAll(async () => {
      const d = await signIn(server, 'dara@example.org', DEMO_PASSWORD);
      expect(d.ok).toBe(true);
      dara = d.cookie;
    });

    it('F14 control: a same-origin server action writes (so the refusals below are meaningful)', async () => {
      const res = await callAction<PublicUser>(server, '/profile', 'updateProfileAction', [{ displayName: 'Dara Same Origin', timeZone: 'UTC' }], { cookie: dara });
      expect(res.status).toBe(200);
      expect(res.result).toMatchObject({ ok: true, data: { displayName: 'Dara Same Origin' } });
      expect(userByEmail(server, 'dara@example.org')).toMatchObject({ displayName: 'Dara Same Origin', timeZone: 'UTC' });
    });

    for (const [label, origin] of HOSTILE_ORIGINS) {
      it(`F14 a server action with ${label} is refused with 403 and writes nothing`, async () => {
        const before = userByEmail(server, 'dara@example.org');
        const res = await callAction(server, '/profile', 'updateProfileAction', [{ displayName: 'Pwned Dara', timeZone: 'Asia/Tokyo' }], { cookie: dara, origin });
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
      const res = await callAction<PublicUser>(server, '/profile', 'updateProfileAction', [{ displayName: 'Dara Still Here', timeZone: 'UTC' }], { cookie: dara });
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

    it('F11 control: connection-state recovery works for a user in good standing', async () => {
      // A broadcast to the user's room gives the socket a recovery offset; then the network drops.
      const changed = waitFor(recovering, 'account:changed');
      const res = await callAction(server, '/profile', 'updateProfileAction', [{ displayName: 'Alex', timeZone: 'America/Chicago' }], { cookie: alex });
      expect(res.result).toMatchObject({ ok: true });
      await changed;
      await dropAndReconnect(recovering);
      expect(recovering.recovered).toBe(true);
      // Drop it again; it will try to recover after the ban below.
      recovering.io.engine.close();
      await sleep(500);
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
      expect(auditFor(server, alexId)).toEqual([{ actorId: adminId, action: 'user.banned', targetType: 'user', targetId: alexId, reason: 'spamming the circle' }]);

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

/** Drops the transport under a socket (as a network failure would) and reconnects the same client socket. */
async function dropAndReconnect(socket: TestSocket): Promise<void> {
  const down = waitFor(socket, 'disconnect');
  socket.io.engine.close();
  await down;
  // Give the server time to see the dropped connection and keep its session for recovery (a real network
  // drop is slower than this); reconnecting sooner can race the server's close handling.
  await sleep(1000);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
    socket.connect();
  });
}
