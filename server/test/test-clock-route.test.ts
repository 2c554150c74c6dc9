// The test clock's route (app/api/test/clock/route.ts) exists only with FIRESIDE_TEST_CLOCK=1 AND a request
// carrying FIRESIDE_TEST_CLOCK_TOKEN in its x-fireside-test-clock header: 404 otherwise, and the clock stays.
import { afterEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/test/clock/route';
import { now, resetClock } from '../clock';

const TOKEN = 'a-test-clock-token-of-this-run-0123456789';
const send = (headers: Record<string, string> = {}) =>
  POST(new Request('http://127.0.0.1/api/test/clock', { method: 'POST', body: JSON.stringify({ advanceMs: 3_600_000 }), headers }));

describe('POST /api/test/clock', () => {
  const saved = { flag: process.env.FIRESIDE_TEST_CLOCK, token: process.env.FIRESIDE_TEST_CLOCK_TOKEN };
  afterEach(() => {
    process.env.FIRESIDE_TEST_CLOCK = saved.flag;
    process.env.FIRESIDE_TEST_CLOCK_TOKEN = saved.token;
    if (saved.flag === undefined) delete process.env.FIRESIDE_TEST_CLOCK;
    if (saved.token === undefined) delete process.env.FIRESIDE_TEST_CLOCK_TOKEN;
    resetClock();
  });

  it('404 without the flag, without a token, or with a wrong or missing header; the clock does not move', async () => {
    const cases: [string | undefined, string | undefined, Record<string, string>][] = [
      [undefined, TOKEN, { 'x-fireside-test-clock': TOKEN }],
      ['1', undefined, { 'x-fireside-test-clock': '' }],
      ['1', TOKEN, {}],
      ['1', TOKEN, { 'x-fireside-test-clock': `${TOKEN}x` }],
      ['1', TOKEN, { 'x-fireside-test-clock': TOKEN.replace('a', 'b') }],
    ];
    for (const [flag, token, headers] of cases) {
      if (flag === undefined) delete process.env.FIRESIDE_TEST_CLOCK;
      else process.env.FIRESIDE_TEST_CLOCK = flag;
      if (token === undefined) delete process.env.FIRESIDE_TEST_CLOCK_TOKEN;
      else process.env.FIRESIDE_TEST_CLOCK_TOKEN = token;
      const before = Date.now();
      expect((await send(headers)).status, JSON.stringify([flag, token, headers])).toBe(404);
      expect(now().getTime() - before).toBeLessThan(60_000);
    }
  });

  it('with both, moves the server clock', async () => {
    process.env.FIRESIDE_TEST_CLOCK = '1';
    process.env.FIRESIDE_TEST_CLOCK_TOKEN = TOKEN;
    const res = await send({ 'x-fireside-test-clock': TOKEN });
    expect(res.status).toBe(200);
    expect(now().getTime() - Date.now()).toBeGreaterThan(3_590_000);
  });
});
