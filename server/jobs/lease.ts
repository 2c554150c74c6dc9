// A cluster-wide lease in Redis (`SET key holder NX PX ttl`, renewed by its holder): at most one node holds it at
// a time, and when the holder dies its lease expires and another node takes it. Without Redis (one embedded node)
// the lease is always held.
import type { Redis } from 'ioredis';

export type Lease = {
  /** True while this holder may act: it took or renewed the lease less than `ttlMs` ago (by its own clock). */
  held(): boolean;
  /** Takes the lease if it is free, or renews it if this holder has it; resolves with held(). Never throws. */
  refresh(): Promise<boolean>;
  /** Gives the lease up (only if this holder still has it), so another node can take it at once. */
  release(): Promise<void>;
};

// Renew only if we still hold it: a holder that was paused past its expiry must not extend someone else's lease.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export function createLease(redis: Redis | null, key: string, holder: string, ttlMs: number): Lease {
  if (!redis) return { held: () => true, refresh: async () => true, release: async () => {} };
  // Until when this holder may act, by its own clock: set from the moment it ASKED, so a slow answer never
  // stretches the lease past the moment Redis lets it expire.
  let validUntil = 0;
  const held = () => Date.now() < validUntil;
  return {
    held,
    async refresh() {
      const asked = Date.now();
      try {
        const ok = held()
          ? (await redis.eval(RENEW, 1, key, holder, String(ttlMs))) === 1 || (await redis.set(key, holder, 'PX', ttlMs, 'NX')) === 'OK'
          : (await redis.set(key, holder, 'PX', ttlMs, 'NX')) === 'OK';
        validUntil = ok ? asked + ttlMs : 0;
      } catch {
        // Redis unreachable: keep what we had until it would have expired (nobody else can take it before then),
        // then stop acting. Redis errors are logged by the connection's own handler (server/redis.ts).
      }
      return held();
    },
    async release() {
      const was = held();
      validUntil = 0;
      if (!was) return;
      await redis.eval(RELEASE, 1, key, holder).catch(() => {});
    },
  };
}
