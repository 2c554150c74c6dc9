// The shared ioredis connection when REDIS_URL is set (scale mode); null in the embedded default. It also says
// whether Redis is reachable: when it is not, the node runs degraded (it keeps serving its own sockets, rate
// limits become per node, cluster-wide broadcasts and counts pause) and recovers by itself once Redis is back.
// The change is logged once each way, and the node's listeners hear about it (staff banner, server/app.ts).
import { Redis } from 'ioredis';
import { getConfig } from './config';
import { onStop, processSingleton } from './runtime';

export type RedisHealth = {
  /** Scale mode (REDIS_URL set). */
  configured: boolean;
  /** Connected and answering; always false when not configured. */
  up: boolean;
  /** When it went down (ISO), while it is down; null while up or not configured. */
  downSince: string | null;
};

type Slot = {
  client: Redis | null | undefined;
  up: boolean;
  /** ms; when the outage began, 0 while up (or before the first connection). */
  downSince: number;
  listeners: Set<(health: RedisHealth) => void>;
};

const slot = () =>
  processSingleton<Slot>('redis', () => {
    onStop('close', 'redis connection', closeRedis);
    return { client: undefined, up: false, downSince: 0, listeners: new Set() };
  });

export function redisClient(): Redis | null {
  const s = slot();
  if (s.client === undefined) {
    const url = getConfig().redisUrl;
    s.client = url ? new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false }) : null;
    const client = s.client;
    client?.on('ready', () => changed(s, client, true));
    client?.on('close', () => changed(s, client, false));
    client?.on('error', (err) => {
      // Once per outage (the connection retries on its own, and would say so every second).
      if (s.up || s.downSince === 0) console.warn('[fireside] redis:', err.message);
      changed(s, client, false);
    });
  }
  return s.client;
}

function changed(s: Slot, client: Redis, up: boolean) {
  // A connection that closeRedis() let go is not an outage.
  if (s.client !== client) return;
  if (up === s.up && (up || s.downSince !== 0)) return;
  const wasDown = s.downSince !== 0;
  s.up = up;
  if (up) {
    if (wasDown) console.log(`[fireside] redis is back after ${Math.round((Date.now() - s.downSince) / 1000)} s: cluster mode restored`);
    s.downSince = 0;
  } else {
    s.downSince = Date.now();
    console.warn(
      '[fireside] redis unreachable: running degraded (this node serves its own sockets; rate limits per node; cross-node broadcasts paused) until it is back',
    );
  }
  const health = redisHealth();
  for (const l of s.listeners) l(health);
}

export function redisHealth(): RedisHealth {
  const s = slot();
  if (!getConfig().redisUrl) return { configured: false, up: false, downSince: null };
  redisClient();
  return { configured: true, up: s.up, downSince: s.downSince ? new Date(s.downSince).toISOString() : null };
}

/** Calls `listener` whenever Redis goes down or comes back; returns the unsubscribe. */
export function onRedisHealth(listener: (health: RedisHealth) => void): () => void {
  const s = slot();
  s.listeners.add(listener);
  return () => void s.listeners.delete(listener);
}

async function closeRedis() {
  const s = slot();
  const r = s.client;
  s.client = undefined;
  s.listeners.clear();
  if (r) await r.quit().catch(() => r.disconnect());
}
