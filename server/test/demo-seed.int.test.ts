// Demo data only where it belongs (issue 7 item 2): DEMO_SEED=auto seeds only for a loopback APP_URL, any other
// APP_URL needs DEMO_SEED=on, and while demo accounts exist every page says so and start-up warns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, rawRequest, signIn, startServer, type TestServer } from './harness';
import { openDb } from './int-helpers';

const BANNER = 'Demo community: sample accounts, not for real conversations';

function demoAccountsIn(server: TestServer): number {
  const conn = openDb(server);
  try {
    const emails = DEMO_USERS.map((u) => u.email);
    const row = conn.prepare(`SELECT COUNT(*) AS n FROM "User" WHERE email IN (${emails.map(() => '?').join(',')})`).get(...emails) as { n: number };
    return row.n;
  } finally {
    conn.close();
  }
}

describe('DEMO_SEED', () => {
  describe('auto with a public https APP_URL', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer({ env: { APP_URL: 'https://fireside.example.org', DEMO_SEED: 'auto' } });
    });
    afterAll(() => server?.stop());

    it('seeds no demo accounts, shows no demo banner, logs no demo warning', async () => {
      expect(demoAccountsIn(server)).toBe(0);
      const page = await rawRequest(`${server.url}/signin`);
      expect(page.status).toBe(200);
      expect(page.body).not.toContain(BANNER);
      expect(server.output()).not.toMatch(/demo accounts/i);
    });

    it('sends Strict-Transport-Security because APP_URL is https', async () => {
      const res = await rawRequest(`${server.url}/api/health`);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    });
  });

  describe('on with a public APP_URL', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer({ env: { APP_URL: 'http://fireside.example.org', DEMO_SEED: 'on' } });
    });
    afterAll(() => server?.stop());

    it('seeds the demo community, banners every page and warns at start-up', async () => {
      expect(demoAccountsIn(server)).toBe(DEMO_USERS.length);
      for (const p of ['/', '/signin', '/library', '/no-such-page']) {
        const page = await rawRequest(server.url + p);
        expect({ path: p, banner: page.body.includes(BANNER) }).toEqual({ path: p, banner: true });
      }
      expect(server.output()).toMatch(/warn.*demo accounts/i);
    });
  });

  describe('auto with a loopback APP_URL (the default)', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer(); // the harness uses APP_URL=http://127.0.0.1:<port>
    });
    afterAll(() => server?.stop());

    it('seeds the demo community, banners pages (signed in too) and warns at start-up', async () => {
      expect(demoAccountsIn(server)).toBe(DEMO_USERS.length);
      expect((await rawRequest(`${server.url}/`)).body).toContain(BANNER);
      const s = await signIn(server, 'alex@example.org', DEMO_PASSWORD);
      expect(s.ok).toBe(true);
      expect((await rawRequest(`${server.url}/profile`, { headers: { cookie: s.cookie } })).body).toContain(BANNER);
      expect(server.output()).toMatch(/warn.*demo accounts/i);
    });
  });

  describe('off with a loopback APP_URL', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer({ env: { DEMO_SEED: 'off' } });
    });
    afterAll(() => server?.stop());

    it('seeds nothing and shows no banner', async () => {
      expect(demoAccountsIn(server)).toBe(0);
      expect((await rawRequest(`${server.url}/`)).body).not.toContain(BANNER);
    });
  });
});
