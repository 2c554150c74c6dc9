// Demo data only where it belongs (issue 7 item 2): DEMO_SEED=auto seeds only for a loopback APP_URL, any other
// APP_URL needs DEMO_SEED=on, and while demo accounts exist every page says so and start-up warns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, rawRequest, startServer, type TestServer } from './harness';
import { DEMO_BANNER as BANNER, demoAccountsIn } from './int-helpers';

// The default (auto with a loopback APP_URL, as the harness starts every server) is tested on smoke's server
// (smoke.int.test.ts): one process fewer. The three servers here start side by side.
let https: TestServer;
let publicOn: TestServer;
let off: TestServer;
beforeAll(async () => {
  [https, publicOn, off] = await Promise.all([
    startServer({ env: { APP_URL: 'https://fireside.example.org', DEMO_SEED: 'auto' } }),
    startServer({ env: { APP_URL: 'http://fireside.example.org', DEMO_SEED: 'on' } }),
    startServer({ env: { DEMO_SEED: 'off' } }),
  ]);
});
afterAll(() => Promise.all([https?.stop(), publicOn?.stop(), off?.stop()]));

describe('DEMO_SEED', () => {
  describe('auto with a public https APP_URL', () => {
    it('seeds no demo accounts, shows no demo banner, logs no demo warning', async () => {
      expect(demoAccountsIn(https)).toBe(0);
      const page = await rawRequest(`${https.url}/signin`);
      expect(page.status).toBe(200);
      expect(page.body).not.toContain(BANNER);
      expect(https.output()).not.toMatch(/demo accounts/i);
    });

    it('sends Strict-Transport-Security because APP_URL is https', async () => {
      const res = await rawRequest(`${https.url}/api/health`);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    });
  });

  describe('on with a public APP_URL', () => {
    it('seeds the demo community, banners every page and warns at start-up', async () => {
      expect(demoAccountsIn(publicOn)).toBe(DEMO_USERS.length);
      for (const p of ['/', '/signin', '/library', '/no-such-page']) {
        const page = await rawRequest(publicOn.url + p);
        expect({ path: p, banner: page.body.includes(BANNER) }).toEqual({ path: p, banner: true });
      }
      expect(publicOn.output()).toMatch(/warn.*demo accounts/i);
    });
  });

  describe('off with a loopback APP_URL', () => {
    it('seeds nothing and shows no banner', async () => {
      expect(demoAccountsIn(off)).toBe(0);
      expect((await rawRequest(`${off.url}/`)).body).not.toContain(BANNER);
    });
  });
});
