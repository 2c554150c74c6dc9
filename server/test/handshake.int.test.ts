// The Socket.IO handshake against the real server: Origin allowlist (F06), session cookie verification (F07),
// no tokens outside the cookie (F08), and oversized frames (F01).
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, DEMO_PASSWORD, rawRequest, signIn, startServer, type TestServer, type TestSocket, waitFor } from './harness';
import { authSecret, handshakeOutcome, SESSION_COOKIE, userByEmail } from './int-helpers';
import { until } from './live-fixtures';

const TRANSPORTS = ['websocket', 'polling'] as const;
// F01's bounds, from the issue and FAULTS.md: the frame limit is "tens of KB", and a frame of 64 KB + 1 is refused.
const REFUSED_BYTES = 64 * 1024 + 1;
const ACCEPTED_BYTES = 10 * 1024;

describe('socket handshake', () => {
  let server: TestServer;
  let cookie: string;
  let token: string;
  let secret: string;
  let alexId: string;
  const open: TestSocket[] = [];

  beforeAll(async () => {
    server = await startServer();
    const s = await signIn(server, 'alex@example.org', DEMO_PASSWORD);
    expect(s.ok).toBe(true);
    cookie = s.cookie;
    token = s.jar[SESSION_COOKIE];
    expect(token).toBeTruthy();
    secret = authSecret(server);
    alexId = userByEmail(server, 'alex@example.org').id;
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await server?.stop();
  });

  const tokenCookie = (value: string) => `${SESSION_COOKIE}=${value}`;

  describe('F06 Origin allowlist', () => {
    for (const transport of TRANSPORTS) {
      it(`F06 ${transport}: the right Origin with the session cookie connects`, async () => {
        expect(await handshakeOutcome(server, { cookie, transports: [transport] })).toBe('CONNECTED');
      });

      for (const [label, origin] of [
        ['a foreign Origin', 'https://evil.example'],
        ['Origin: null', 'null'],
        ['no Origin', null],
        ['a look-alike Origin', 'http://127.0.0.1.evil.example'],
      ] as const) {
        it(`F06 ${transport}: ${label} is refused even with a valid session cookie`, async () => {
          const outcome = await handshakeOutcome(server, { cookie, origin, transports: [transport] });
          expect(outcome).not.toBe('CONNECTED');
          // Refused by allowRequest before any auth: the transport itself fails, not the auth middleware.
          expect(outcome).not.toBe('unauthenticated');
        });
      }
    }

    it('F06 the engine.io polling handshake answers 403 to a foreign, null or missing Origin', async () => {
      const handshake = (headers: Record<string, string>) =>
        rawRequest(`${server.url}/socket.io/?EIO=4&transport=polling&t=${Date.now()}`, { headers: { cookie, ...headers } });
      const good = await handshake({ origin: server.url });
      expect(good.status).toBe(200);
      expect(good.body).toContain('"sid"');
      for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, {} as Record<string, string>]) {
        const res = await handshake(headers);
        expect(res.status).toBe(403);
        expect(res.body).not.toContain('"sid"');
      }
    });
  });

  describe('F07 session token verification', () => {
    it('F07 control: a token minted with the real secret connects (so the refusals below are about the token)', async () => {
      const minted = await encode({ token: { sub: alexId, sv: 0 }, secret, maxAge: 3600 });
      expect(await handshakeOutcome(server, { cookie: tokenCookie(minted) })).toBe('CONNECTED');
    });

    it('F07 no cookie is refused', async () => {
      expect(await handshakeOutcome(server, {})).toBe('unauthenticated');
      expect(await handshakeOutcome(server, { cookie: 'unrelated=1' })).toBe('unauthenticated');
    });

    it('F07 a garbage token is refused', async () => {
      for (const value of ['garbage', 'a.b.c.d.e', '', '%00%ff', 'x'.repeat(3000)]) {
        expect(await handshakeOutcome(server, { cookie: tokenCookie(value) })).toBe('unauthenticated');
      }
    });

    it('F07 a token signed with another secret is refused', async () => {
      const forged = await encode({ token: { sub: alexId, sv: 0 }, secret: 'not-the-server-secret-'.repeat(3), maxAge: 3600 });
      expect(await handshakeOutcome(server, { cookie: tokenCookie(forged) })).toBe('unauthenticated');
    });

    it('F07 an expired token is refused', async () => {
      const expired = await encode({ token: { sub: alexId, sv: 0 }, secret, maxAge: -3600 });
      expect(await handshakeOutcome(server, { cookie: tokenCookie(expired) })).toBe('unauthenticated');
    });

    it('F07 a tampered token is refused', async () => {
      // JWE compact form: header.key.iv.ciphertext.tag — flip a character in the middle of the ciphertext
      // and of the tag (middle characters carry all six bits, so the bytes really change).
      const parts = token.split('.');
      expect(parts).toHaveLength(5);
      const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
      for (const index of [3, 4]) {
        const p = [...parts];
        p[index] = flip(p[index], Math.floor(p[index].length / 2));
        const tampered = p.join('.');
        expect(tampered).not.toBe(token);
        expect(await handshakeOutcome(server, { cookie: tokenCookie(tampered) })).toBe('unauthenticated');
      }
      // Truncated and extended tokens too.
      expect(await handshakeOutcome(server, { cookie: tokenCookie(token.slice(0, -4)) })).toBe('unauthenticated');
      expect(await handshakeOutcome(server, { cookie: tokenCookie(`${token}AAAA`) })).toBe('unauthenticated');
    });

    it('F07 a valid token of a stale session version or an unknown user is refused', async () => {
      const stale = await encode({ token: { sub: alexId, sv: 7 }, secret, maxAge: 3600 });
      expect(await handshakeOutcome(server, { cookie: tokenCookie(stale) })).toBe('unauthenticated');
      const ghost = await encode({ token: { sub: 'no-such-user', sv: 0 }, secret, maxAge: 3600 });
      expect(await handshakeOutcome(server, { cookie: tokenCookie(ghost) })).toBe('unauthenticated');
      const noVersion = await encode({ token: { sub: alexId }, secret, maxAge: 3600 });
      expect(await handshakeOutcome(server, { cookie: tokenCookie(noVersion) })).toBe('unauthenticated');
    });

    it('F07 a correctly chunked cookie (.0/.1 and .0/.1/.2) connects', async () => {
      const half = Math.floor(token.length / 2);
      const two = `${SESSION_COOKIE}.0=${token.slice(0, half)}; ${SESSION_COOKIE}.1=${token.slice(half)}`;
      expect(await handshakeOutcome(server, { cookie: two })).toBe('CONNECTED');
      const third = Math.floor(token.length / 3);
      const three = [token.slice(0, third), token.slice(third, 2 * third), token.slice(2 * third)];
      // Order in the header must not matter.
      const shuffled = [2, 0, 1].map((i) => `${SESSION_COOKIE}.${i}=${three[i]}`).join('; ');
      expect(await handshakeOutcome(server, { cookie: shuffled })).toBe('CONNECTED');
    });

    it('F07 a chunked cookie with a chunk missing is refused', async () => {
      const third = Math.floor(token.length / 3);
      const c = [token.slice(0, third), token.slice(third, 2 * third), token.slice(2 * third)];
      const jar = (idx: number[]) => idx.map((i) => `${SESSION_COOKIE}.${i}=${c[i]}`).join('; ');
      for (const present of [[0, 2], [1, 2], [0, 1], [0], [2]]) {
        expect(await handshakeOutcome(server, { cookie: jar(present) }), `chunks ${present.join(',')}`).toBe('unauthenticated');
      }
      // A chunk replaced by another token's chunk is refused too.
      const other = await encode({ token: { sub: alexId, sv: 0 }, secret, maxAge: 3600 });
      const mixed = `${SESSION_COOKIE}.0=${c[0]}; ${SESSION_COOKIE}.1=${other.slice(third, 2 * third)}; ${SESSION_COOKIE}.2=${c[2]}`;
      expect(await handshakeOutcome(server, { cookie: mixed })).toBe('unauthenticated');
    });
  });

  describe('F08 tokens outside the cookie', () => {
    for (const transport of TRANSPORTS) {
      it(`F08 ${transport}: a valid token in the query string or in auth is ignored`, async () => {
        const attempts: NonNullable<Parameters<typeof connectSocket>[1]>[] = [
          { query: { token } },
          { query: { [SESSION_COOKIE]: token } },
          { query: { sessionToken: token, access_token: token } },
          { auth: { token } },
          { auth: { [SESSION_COOKIE]: token } },
          { extraHeaders: { authorization: `Bearer ${token}`, origin: server.url } },
        ];
        for (const attempt of attempts) {
          expect(await handshakeOutcome(server, { transports: [transport], ...attempt }), JSON.stringify(Object.keys(attempt))).toBe('unauthenticated');
        }
        // The same token as the cookie is accepted: it was valid all along.
        expect(await handshakeOutcome(server, { transports: [transport], cookie: tokenCookie(token) })).toBe('CONNECTED');
      });
    }
  });

  describe('F01 oversized frames', () => {
    for (const transport of TRANSPORTS) {
      for (const [label, bytes] of [
        ['a 2 MB emit', 2 * 1024 * 1024],
        ['an emit of 64 KB + 1', REFUSED_BYTES],
      ] as const) {
        it(`F01 ${transport}: ${label} closes that socket; the server and other sockets carry on`, async () => {
          const bea = await signIn(server, 'bea@example.org', DEMO_PASSWORD);
          const bystander = await connectSocket(server, { cookie: bea.cookie });
          open.push(bystander);
          const attacker = await connectSocket(server, { cookie, transports: [transport] });
          open.push(attacker);
          // A frame of 10 KB on the same socket is read and answered (here: a validation error for the extra
          // field), so the refusal below is about size.
          const padded = await attacker.timeout(2000).emitWithAck('time:sync', { pad: 'x'.repeat(ACCEPTED_BYTES - 64) } as never);
          expect(padded).toMatchObject({ ok: false, error: { code: 'validation_error' } });
          expect(attacker.connected).toBe(true);
          const disconnected = waitFor<string>(attacker, 'disconnect', 5000);
          // The whole encoded packet ('42["time:sync",{"big":"…"}]') is more than `bytes`.
          (attacker as unknown as { emit(e: string, p: unknown): void }).emit('time:sync', { big: 'x'.repeat(bytes) });
          const reason = await disconnected;
          expect(reason).toMatch(/transport (close|error)/);
          expect(attacker.connected).toBe(false);

          expect(server.proc.exitCode).toBeNull();
          expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
          const ack = await bystander.timeout(2000).emitWithAck('time:sync', {});
          expect(ack.ok).toBe(true);
          // A fresh socket of the same user still works: only the offending connection was closed.
          const again = await connectSocket(server, { cookie, transports: [transport] });
          expect((await again.timeout(2000).emitWithAck('time:sync', {})).ok).toBe(true);
          again.close();
          bystander.close();
        });
      }
    }

    it('F01 a polling POST of 64 KB + 1 gets 413 and closes that session; one of 10 KB is accepted', async () => {
      const base = `${server.url}/socket.io/?EIO=4&transport=polling`;
      const hs = await rawRequest(`${base}&t=1`, { headers: { origin: server.url, cookie } });
      expect(hs.status).toBe(200);
      const sid = (JSON.parse(hs.body.slice(1)) as { sid: string }).sid;
      const post = (body: string) =>
        rawRequest(`${base}&sid=${sid}&t=${Date.now()}`, {
          method: 'POST',
          headers: { origin: server.url, cookie, 'content-type': 'text/plain;charset=UTF-8', 'content-length': String(Buffer.byteLength(body)) },
          body,
        });
      // Join the main namespace as a signed-in socket, then read the CONNECT answer.
      expect((await post('40')).status).toBe(200);
      const connected = await rawRequest(`${base}&sid=${sid}&t=${Date.now()}`, { headers: { origin: server.url, cookie } });
      expect(connected.body).toMatch(/^40\{"sid"/);

      // One engine.io noop packet ("6" + data, ignored by the server) of exactly N bytes.
      const payload = (bytes: number) => `6${'x'.repeat(bytes - 1)}`;
      expect((await post(payload(ACCEPTED_BYTES))).status).toBe(200);
      expect((await post('6')).status).toBe(200); // still open

      expect((await post(payload(REFUSED_BYTES))).status).toBe(413);
      // The session is closed, as a websocket frame over the limit closes its connection.
      let after = await post('6');
      await until(
        async () => {
          after = await post('6');
          return after.status === 400;
        },
        3000,
        'the polling session to close',
      );
      expect(after.body).toContain('Session ID unknown');

      expect(server.proc.exitCode).toBeNull();
      expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    });
  });
});
