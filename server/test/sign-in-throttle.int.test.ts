// Credential stuffing against the real sign-in endpoint (F15): per-account failure budget across rotating
// source addresses (loopback 127.0.0.x only), no lockout of other accounts, and unknown accounts
// indistinguishable from wrong passwords in answer and timing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, rawRequest, signIn, startServer, type TestServer } from './harness';

/** The acceptance: at most ~100 failures per hour per account. */
const ACCOUNT_BUDGET = 100;

type Attempt = { status: number; url: string; error: string | null; bodyKeys: string[]; cookies: string[]; ms: number };

describe('F15 sign-in throttling', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  /** One credentials POST (after fetching a CSRF token), timing only the POST. */
  async function attempt(email: string, password: string, localAddress: string): Promise<Attempt> {
    const csrf = await rawRequest(`${server.url}/api/auth/csrf`, { localAddress });
    const csrfCookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const t0 = performance.now();
    const res = await rawRequest(`${server.url}/api/auth/callback/credentials`, {
      method: 'POST',
      localAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
    });
    const ms = performance.now() - t0;
    const body = JSON.parse(res.body) as { url?: string };
    return {
      status: res.status,
      url: body.url ?? '',
      error: new URL(body.url ?? server.url, server.url).searchParams.get('error'),
      bodyKeys: Object.keys(body).sort(),
      cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split('=')[0]).sort(),
      ms,
    };
  }

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };

  it('F15 an unknown account and a wrong password get identical answers and similar timing', async () => {
    const ip = '127.0.0.200';
    // Warm both paths (the dummy hash for unknown accounts is computed on first use).
    await attempt('nobody-warmup@example.org', 'wrong-password-0', ip);
    await attempt('chen@example.org', 'wrong-password-0', ip);
    const unknown: Attempt[] = [];
    const wrong: Attempt[] = [];
    // Interleaved, alternating which goes first, so drifting load affects both alike.
    for (let i = 1; i <= 16; i++) {
      const u = () => attempt(`nobody-${i}@example.org`, `wrong-password-${i}`, ip).then((a) => unknown.push(a));
      const w = () => attempt('chen@example.org', `wrong-password-${i}`, ip).then((a) => wrong.push(a));
      if (i % 2) await u().then(w);
      else await w().then(u);
    }
    for (const a of [...unknown, ...wrong]) {
      expect(a).toMatchObject({ status: unknown[0].status, url: unknown[0].url, error: 'invalid_credentials', bodyKeys: unknown[0].bodyKeys, cookies: unknown[0].cookies });
    }
    expect(unknown[0].cookies.join()).not.toContain('session-token');
    const ms = (xs: Attempt[]) => xs.map((a) => a.ms);
    // Compared on the fastest of each: load on a shared machine only ever adds time, so the minimum is the
    // steadiest estimate of the work done (the medians are printed for the record).
    const ratio = Math.min(...ms(unknown)) / Math.min(...ms(wrong));
    console.log(
      `[F15] ms min/median: unknown account ${Math.min(...ms(unknown)).toFixed(0)}/${median(ms(unknown)).toFixed(0)}, ` +
        `wrong password ${Math.min(...ms(wrong)).toFixed(0)}/${median(ms(wrong)).toFixed(0)}, ratio of minimums ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it(`F15 ${ACCOUNT_BUDGET} failures from rotating addresses block that account (even the right password) for at most an hour, and nobody else`, async () => {
    const victim = 'dara@example.org';
    const ips = Array.from({ length: ACCOUNT_BUDGET }, (_, i) => `127.0.0.${2 + i}`);
    const results: (string | null)[] = new Array(ACCOUNT_BUDGET);
    // A few in flight at once, as a stuffing tool would; each address is used once.
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < ips.length) {
          const i = next++;
          results[i] = (await attempt(victim, `stuffed-password-${i}`, ips[i])).error;
        }
      }),
    );
    // Every one of the budgeted failures was an ordinary failure: no early lockout.
    expect(results.filter((e) => e === 'invalid_credentials')).toHaveLength(ACCOUNT_BUDGET);

    // Now the account is throttled, from any address, even with the right password.
    const wrongAgain = await attempt(victim, 'stuffed-password-x', '127.0.0.102');
    expect(wrongAgain.error).toMatch(/^rate_limited:\d+$/);
    const right = await signIn(server, victim, DEMO_PASSWORD, { localAddress: '127.0.0.103' });
    expect(right.ok).toBe(false);
    expect(right.error).toMatch(/^rate_limited:\d+$/);
    expect(Object.keys(right.jar).some((k) => k.includes('session-token'))).toBe(false);
    // Temporary, not a permanent lockout: the wait is within the hour window.
    const minutes = Number(right.error!.split(':')[1]);
    expect(minutes).toBeGreaterThanOrEqual(1);
    expect(minutes).toBeLessThanOrEqual(60);

    // Another account signs in fine, even from an address the attack used.
    const other = await signIn(server, 'eli@example.org', DEMO_PASSWORD, { localAddress: ips[50] });
    expect(other.ok).toBe(true);
    const fromLocalhost = await signIn(server, 'bea@example.org', DEMO_PASSWORD);
    expect(fromLocalhost.ok).toBe(true);
  });
});
