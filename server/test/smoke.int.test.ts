// The app as `npm start` serves it by default (demo seed auto, loopback APP_URL): pages, sign-in, a socket, and
// the demo community seeded and announced (issue 7 item 2; the other DEMO_SEED cases: demo-seed.int.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, DEMO_PASSWORD, DEMO_USERS, rawRequest, signIn, startServer, type TestServer } from './harness';
import { DEMO_BANNER, demoAccountsIn } from './int-helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer(); // the harness uses APP_URL=http://127.0.0.1:<port>
});
afterAll(() => server?.stop());

describe('smoke', () => {
  it('serves / and /api/ready, signs in, connects a socket', async () => {
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    const s = await signIn(server, 'alex@example.org', DEMO_PASSWORD);
    expect(s.ok).toBe(true);
    const socket = await connectSocket(server, { cookie: s.cookie });
    const res = await socket.emitWithAck('time:sync', {});
    expect(res.ok).toBe(true);
    socket.close();
  });
});

describe('DEMO_SEED auto with a loopback APP_URL (the default)', () => {
  it('seeds the demo community, banners pages (signed in too) and warns at start-up', async () => {
    expect(demoAccountsIn(server)).toBe(DEMO_USERS.length);
    expect((await rawRequest(`${server.url}/`)).body).toContain(DEMO_BANNER);
    const s = await signIn(server, 'alex@example.org', DEMO_PASSWORD);
    expect(s.ok).toBe(true);
    expect((await rawRequest(`${server.url}/profile`, { headers: { cookie: s.cookie } })).body).toContain(DEMO_BANNER);
    expect(server.output()).toMatch(/warn.*demo accounts/i);
  });
});
