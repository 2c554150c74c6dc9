// Scale mode: with REDIS_URL set, Socket.IO nodes share rooms and broadcasts through Redis Streams
// (@socket.io/redis-streams-adapter; it also keeps the sessions that connection-state recovery needs).
// Without it the default in-memory adapter serves a single node.
//
// While Redis is unreachable the node serves its own sockets (F19): the adapter would otherwise hold every
// broadcast until its XADD reached Redis (local delivery waits for the publication), and every cross-node read
// (fetchSockets, serverSideEmit) for its node count. So while the connection is down, publications to the other
// nodes fail at once (they are not replayed: clients on other nodes re-sync when they re-join) and this node
// counts itself alone; a publication that hangs on a dying connection gives local delivery its turn after
// PUBLISH_WAIT_MS. Once Redis is back, everything goes through it again by itself.

import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Config } from '../config';

type AdapterFactory = ReturnType<typeof createAdapter>;
export type AdapterHandle = { adapter: AdapterFactory; close: () => Promise<void> } | null;

/** How long local delivery waits for a publication to the other nodes before going ahead without it. */
const PUBLISH_WAIT_MS = 1000;

/** The parts of socket.io-adapter's ClusterAdapter this file wraps. */
type ClusterParts = { doPublish(message: unknown): Promise<string>; serverCount(): Promise<number> };

/** `work`, or `late()` if it has not settled within PUBLISH_WAIT_MS. */
function bounded<T>(work: Promise<T>, late: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late()), PUBLISH_WAIT_MS);
    timer.unref();
  });
  return Promise.race([work, timedOut]).finally(() => clearTimeout(timer));
}

export function createRealtimeAdapter(config: Config): AdapterHandle {
  if (!config.redisUrl) return null;
  // A dedicated connection: the adapter blocks on XREAD. Its offline queue stays on so it resumes after an outage.
  const client = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  let quiet = false;
  client.on('error', (err) => {
    // Once per outage: server/redis.ts logs the outage itself, and the connection retries every second or two.
    if (!quiet) console.warn('[fireside] realtime redis:', err.message);
    quiet = true;
  });
  client.on('ready', () => (quiet = false));
  const factory = createAdapter(client, {
    streamName: `${config.redisKeyPrefix}socket.io`,
    sessionKeyPrefix: `${config.redisKeyPrefix}sio:session:`,
    maxLen: 10_000,
  });
  const up = () => client.status === 'ready';
  // A function, not an arrow: Socket.IO calls it with `new`.
  const adapter = function wrapped(nsp: Parameters<AdapterFactory>[0]) {
    const a = factory(nsp);
    const parts = a as unknown as ClusterParts;
    const publish = parts.doPublish.bind(a);
    const count = parts.serverCount.bind(a);
    parts.doPublish = (message) =>
      up() ? bounded(publish(message), () => Promise.reject(new Error('redis did not answer'))) : Promise.reject(new Error('redis unreachable'));
    // Alone while cut off: cross-node reads answer with this node's sockets instead of waiting for the others.
    parts.serverCount = () => (up() ? bounded(count(), () => Promise.resolve(1)) : Promise.resolve(1));
    return a;
  } as AdapterFactory;
  return {
    adapter,
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
