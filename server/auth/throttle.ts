// Sign-in throttling (F15): failures are counted per account and per client IP with rate-limiter-flexible.
// Memory store in the embedded default; Redis store (shared by every node) when REDIS_URL is set, with an
// in-memory insurance limiter so a Redis outage degrades to per-node limits instead of failing sign-in.
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { limiter } from '../rate-limit';

export const ACCOUNT_FAILURES_PER_HOUR = 100;
export const IP_FAILURES_PER_15_MIN = 100;

function limiters(): { account: RateLimiterAbstract; ip: RateLimiterAbstract } {
  return {
    account: limiter('login_fail_account', ACCOUNT_FAILURES_PER_HOUR, 3600),
    ip: limiter('login_fail_ip', IP_FAILURES_PER_15_MIN, 900),
  };
}

/** Seconds until sign-in may be tried again for this account/IP, or 0 when it may be tried now. */
export async function loginBlockedFor(email: string, ip: string): Promise<number> {
  const { account, ip: byIp } = limiters();
  const [a, i] = await Promise.all([account.get(email), byIp.get(ip)]);
  const wait = (res: RateLimiterRes | null, points: number) => (res && res.consumedPoints >= points ? Math.ceil(res.msBeforeNext / 1000) : 0);
  return Math.max(wait(a, ACCOUNT_FAILURES_PER_HOUR), wait(i, IP_FAILURES_PER_15_MIN));
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  const { account, ip: byIp } = limiters();
  // consume() rejects once the budget is spent; that is the expected outcome here, not an error.
  await Promise.allSettled([account.consume(email), byIp.consume(ip)]);
}
