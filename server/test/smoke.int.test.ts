import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, DEMO_PASSWORD, signIn, startServer, type TestServer } from './harness';

describe('smoke', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

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
