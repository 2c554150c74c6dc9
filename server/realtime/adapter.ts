// Scale mode: with REDIS_URL set, Socket.IO nodes share rooms and broadcasts through Redis Streams
// (@socket.io/redis-streams-adapter; it also keeps the sessions that connection-state recovery needs).
// Without it the default in-memory adapter serves a single node.

import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Config } from '../config';

export type AdapterHandle = { adapter: ReturnType<typeof createAdapter>; close: () => Promise<void> } | null;

export function createRealtimeAdapter(config: Config): AdapterHandle {
  if (!config.redisUrl) return null;
  // A dedicated connection: the adapter blocks on XREAD. Its offline queue stays on so it resumes after an outage.
  const client = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  client.on('error', (err) => console.warn('[fireside] realtime redis:', err.message));
  return {
    adapter: createAdapter(client, {
      streamName: `${config.redisKeyPrefix}socket.io`,
      sessionKeyPrefix: `${config.redisKeyPrefix}sio:session:`,
      maxLen: 10_000,
    }),
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
