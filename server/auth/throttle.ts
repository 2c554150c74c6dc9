// Sign-in throttling (F15): failures are counted per account and per client IP with rate-limiter-flexible.
// Memory store in the embedded default; Redis store (shared by every node) when REDIS_URL is set, with an
// in-memory insurance limiter so a Redis outage degrades to per-node limits instead of failing sign-in.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { redisClient } from '../redis';

export const ACCOUNT_FAILURES_PER_HOUR = 100;
export const IP_FAILURES_PER_15_MIN = 100;

type Limiters = { account: RateLimiterAbstract; ip: RateLimiterAbstract };
const g = globalThis as { __firesideLoginLimiters?: Limiters };

function build(keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration });
  const redis = redisClient();
  if (!redis) return memory;
  return new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, insuranceLimiter: memory, rejectIfRedisNotReady: true });
}

function limiters(): Limiters {
  g.__firesideLoginLimiters ??= {
    account: build('login_fail_account', ACCOUNT_FAILURES_PER_HOUR, 3600),
    ip: build('login_fail_ip', IP_FAILURES_PER_15_MIN, 900),
  };
  return g.__firesideLoginLimiters;
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
