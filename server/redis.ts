// The shared ioredis connection when REDIS_URL is set (scale mode); null in the embedded default.
import { Redis } from 'ioredis';
import { getConfig } from './config';
import { onStop, processSingleton } from './runtime';

const slot = () =>
  processSingleton('redis', () => {
    onStop('close', 'redis connection', closeRedis);
    return { client: undefined as Redis | null | undefined };
  });

export function redisClient(): Redis | null {
  const s = slot();
  if (s.client === undefined) {
    const url = getConfig().redisUrl;
    s.client = url ? new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false }) : null;
    s.client?.on('error', (err) => console.warn('[fireside] redis:', err.message));
  }
  return s.client;
}

async function closeRedis() {
  const s = slot();
  const r = s.client;
  s.client = undefined;
  if (r) await r.quit().catch(() => r.disconnect());
}
