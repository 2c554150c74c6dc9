// Rate limiters (rate-limiter-flexible): in memory on one node; in Redis, shared by every node, when REDIS_URL
// is set. If Redis fails, the in-memory insurance limiter takes over: limits become per node rather than
// failing open entirely or locking everybody out (documented in README, F19).
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { getConfig } from './config';
import { redisClient } from './redis';
import { onStop, processSingleton } from './runtime';

const limiters = () =>
  processSingleton('rate limiters', () => {
    const all = new Map<string, RateLimiterAbstract>();
    // Their Redis connection closes with the node; in-memory counts go with the process.
    onStop('close', 'rate limiters', () => all.clear());
    return all;
  });

/** One limiter per key prefix per process (shared by the custom server and Next's bundle). */
export function limiter(keyPrefix: string, points: number, durationSeconds: number): RateLimiterAbstract {
  const all = limiters();
  let l = all.get(keyPrefix);
  if (!l) {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds });
    const redis = redisClient();
    l = redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: getConfig().redisKeyPrefix + keyPrefix,
          points,
          duration: durationSeconds,
          insuranceLimiter: memory,
          rejectIfRedisNotReady: true,
        })
      : memory;
    all.set(keyPrefix, l);
  }
  return l;
}

/** Consumes one point; returns ms to wait when the budget is spent, else 0. */
export async function take(l: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await l.consume(key);
    return 0;
  } catch (res) {
    if (res instanceof RateLimiterRes) return Math.max(1, res.msBeforeNext);
    throw res;
  }
}
