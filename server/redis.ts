// The shared ioredis connection when REDIS_URL is set (scale mode); null in the embedded default.
import { Redis } from 'ioredis';
import { getConfig } from './config';

const g = globalThis as { __firesideRedis?: Redis | null };

export function redisClient(): Redis | null {
  if (g.__firesideRedis === undefined) {
    const url = getConfig().redisUrl;
    g.__firesideRedis = url ? new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false }) : null;
    g.__firesideRedis?.on('error', (err) => console.warn('[fireside] redis:', err.message));
  }
  return g.__firesideRedis;
}

export async function closeRedis() {
  const r = g.__firesideRedis;
  g.__firesideRedis = undefined;
  if (r) await r.quit().catch(() => r.disconnect());
}
